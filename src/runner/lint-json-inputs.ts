import path from 'node:path';
import { openFile, openStdin, type InputSource } from '../io/input.js';
import { readLintJson, supportlintJsonKind } from '../report/lint-json.js';
import type { ReportInput } from '../report/score.js';
import type { MeasuredWith } from '../formatters/formatter.js';
import { t } from '../i18n/index.js';
import { recordProblem, type LintSummary } from './summary.js';

/** A shard written under --redact, and the fingerprint of its pseudonym key (absent in shards of older versions). */
export interface RedactedShard {
  file: string;
  keyFingerprint?: string;
}

/** How a shard's lint run differs from this report's configuration, in words. */
function measurementMismatches(shard: Record<string, unknown>, here: MeasuredWith): string[] {
  const problems: string[] = [];
  if (shard.filtered === true) problems.push(t('report.shard.filtered'));
  if (shard.timezone !== here.timezone) problems.push(t('report.shard.timezone', { shard: String(shard.timezone), here: here.timezone }));
  if (JSON.stringify(shard.businessHours) !== JSON.stringify(here.businessHours) || JSON.stringify(shard.holidays) !== JSON.stringify(here.holidays)) {
    problems.push(t('report.shard.calendar'));
  }
  return problems;
}

/** An input opened to look at its start, and whether it is JSON that supportlint wrote. */
async function peek(file: string, cwd: string, stdin: () => Promise<InputSource>): Promise<{ input?: InputSource; json: ReturnType<typeof supportlintJsonKind> }> {
  try {
    const input = file === '-' ? await stdin() : await openFile(path.resolve(cwd, file), file);
    return { input, json: supportlintJsonKind(input.head) };
  } catch {
    return { json: undefined }; // opened again, and reported, by the transcript reader
  }
}

/**
 * Merges the results of earlier `lint --format json` runs (sharded runs), as they are, without
 * linting again, and keeps the record accounting as readInputs does for transcripts: in lint JSON a
 * record is one result, whose messages lint accounted for. Returns the inputs that are transcripts,
 * standard input when it was read already to look at it, and which shards were written under
 * --redact and how many were not.
 */
export async function readLintJsonInputs(
  files: readonly string[],
  options: { cwd: string; measuredWith: MeasuredWith },
  summary: LintSummary,
  onInput: (input: ReportInput) => void,
): Promise<{ transcripts: string[]; stdin?: InputSource; redactedShards: RedactedShard[]; plainShards: number }> {
  const transcripts: string[] = [];
  const redactedShards: RedactedShard[] = [];
  let plainShards = 0;
  let stdin: Promise<InputSource> | undefined;
  const openStandardInput = () => (stdin ??= openStdin());
  for (const file of files) {
    const { input, json } = await peek(file, options.cwd, openStandardInput);
    if (json === undefined || !input) {
      transcripts.push(file);
      continue;
    }
    summary.files++;
    if (json.kind === 'report') {
      summary.unreadableFiles.push({ location: { file }, reason: t('report.shard.isReport') });
      continue;
    }
    if (json.version !== 1) {
      summary.unreadableFiles.push({ location: { file }, reason: t('report.shard.version', { version: json.version }) });
      continue;
    }
    for await (const event of readLintJson(input)) {
      if (event.type === 'result') {
        summary.conversations++;
        summary.records.read++;
        summary.records.used++;
        onInput(event.input);
      } else if (event.type === 'measuredWith') {
        const fingerprint = event.value.redactKey;
        if (event.value.redacted === true) redactedShards.push({ file, keyFingerprint: typeof fingerprint === 'string' ? fingerprint : undefined });
        else plainShards++;
        for (const reason of measurementMismatches(event.value, options.measuredWith)) recordProblem(summary.warningsAboutInput, { location: { file }, reason });
      } else if (event.type === 'summary') {
        if (event.records.skipped > 0) {
          recordProblem(summary.warningsAboutInput, { location: { file }, reason: t('report.shard.skipped', { skipped: event.records.skipped, read: event.records.read }) });
        }
      } else {
        summary.records.read++;
        summary.records.skipped++;
        recordProblem(summary.skipped, { location: event.location, reason: event.reason });
      }
    }
  }
  return { transcripts, stdin: stdin ? await stdin : undefined, redactedShards, plainShards };
}
