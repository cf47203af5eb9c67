import path from 'node:path';
import { ADAPTERS, adapterByName, detectAdapter } from '../adapters/index.js';
import type { Adapter, AdapterOptions } from '../adapters/adapter.js';
import { readConversations } from '../adapters/grouping.js';
import type { ConversationResult } from '../engine/lint.js';
import type { ConversationLinter, LintOutcome } from './linter.js';
import { FileSchedule, type FileOutcome } from './file-schedule.js';
import { openFile, openStdin, type InputSource } from '../io/input.js';
import type { Encoding } from '../io/decode.js';
import type { Conversation } from '../model/conversation.js';
import { list, t } from '../i18n/index.js';
import { shownValue } from '../config/shown-key.js';
import { emptySummary, recordProblem, recordRuleFailure, type LintSummary } from './summary.js';
import { inDateRange, type DateRange } from '../time/date-range.js';
import { append } from '../arrays.js';

export interface ReadHandlers {
  onConversation(conversation: Conversation): void | Promise<void>;
}

export class UnknownFormatError extends Error {}

/** A failure of the code that consumes conversations, which is not a problem of the input. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

/** Paths are opened relative to `cwd` and reported as the user gave them. */
async function openInput(file: string, cwd: string): Promise<InputSource> {
  return file === '-' ? openStdin() : openFile(path.resolve(cwd, file), file);
}

/**
 * Reads every input through its adapter, one conversation at a time, and keeps the record
 * accounting. Inputs that cannot be opened or recognised are reported, and the rest goes on.
 */
export async function readInputs(
  files: readonly string[],
  options: AdapterOptions & { format?: string; cwd?: string; stdin?: InputSource },
  summary: LintSummary,
  handlers: ReadHandlers,
): Promise<void> {
  const forced = forcedAdapter(options.format);
  for (const file of files) await readInput(file, forced, options, summary, handlers);
}

/** The opening of supportlint's own JSON and SARIF output: a lint or report result, not an export. */
const SUPPORTLINT_OUTPUT = /"(?:tool|driver)"\s*:\s*\{\s*"name"\s*:\s*"supportlint"/u;

/** The adapter `--format` names, undefined without one; an unknown name stops the run before anything is read. */
export function forcedAdapter(format: string | undefined): Adapter | undefined {
  if (!format) return undefined;
  const forced = adapterByName(format);
  if (!forced) throw new UnknownFormatError(t('input.unknownFormat', { format: shownValue(format), formats: list(ADAPTERS.map((a) => a.name)) }));
  return forced;
}

/** Reads one input through its adapter (readInputs, for one file). */
export async function readInput(
  file: string,
  forced: Adapter | undefined,
  options: AdapterOptions & { cwd?: string; stdin?: InputSource },
  summary: LintSummary,
  handlers: ReadHandlers,
): Promise<void> {
  let input: InputSource;
  try {
    // Standard input can be read only once: a caller that looked at it already passes it on.
    input = file === '-' && options.stdin ? options.stdin : await openInput(file, options.cwd ?? process.cwd());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? t('input.noSuchFile') : code === 'EACCES' ? t('input.permissionDenied') : code === 'EISDIR' ? t('input.isFolder') : (error as Error).message;
    summary.unreadableFiles.push({ location: { file }, reason: t('input.cannotOpen', { reason }) });
    return;
  }
  summary.files++;
  if (input.invalidUtf8) {
    // Read as UTF-8 all the same: the rest of the file is UTF-8, and the broken bytes are few.
    const { count, lines } = input.invalidUtf8;
    const more = count > lines.length ? t('input.invalidUtf8More', { count, lines: lines.length }) : '';
    for (const line of lines) {
      recordProblem(summary.warningsAboutInput, { location: { file: input.name, line }, reason: t('input.invalidUtf8', { more }) });
    }
  }
  if (input.legacyLines) {
    // A UTF-8 export with lines added in GBK: each line was read in its own encoding.
    const { count, lines, encoding } = input.legacyLines;
    const more = count > lines.length ? t('input.legacyLineMore', { count, lines: lines.length }) : '';
    for (const line of lines) {
      recordProblem(summary.warningsAboutInput, { location: { file: input.name, line }, reason: t('input.legacyLine', { encoding: encodingName(encoding), more }) });
    }
  }
  if (input.encodingUncertain) {
    recordProblem(summary.warningsAboutInput, { location: { file: input.name }, reason: t('input.encodingUncertain', { encoding: encodingName(input.encoding) }) });
  }
  if (input.head.trim() === '') {
    summary.unreadableFiles.push({ location: { file: input.name }, reason: t('input.empty') });
    return;
  }
  const adapter = forced ?? detectAdapter(input.head, path.basename(input.name), { header: options.header });
  if (!adapter && SUPPORTLINT_OUTPUT.test(input.head.slice(0, 2048))) {
    // `lint .` after `lint . -f json -o out.json` finds its own report: not an export, and no failure.
    recordProblem(summary.warningsAboutInput, { location: { file: input.name }, reason: t('input.ownOutput') });
    return;
  }
  if (!adapter) {
    summary.unreadableFiles.push({
      location: { file: input.name },
      reason: t('input.unrecognised', { encoding: input.encoding, formats: list(ADAPTERS.map((a) => a.name)) }),
      unrecognised: true,
    });
    return;
  }
  const readBefore = summary.records.read;
  try {
    for await (const event of readConversations(adapter, input, options)) {
      if (event.type === 'conversation') {
        summary.records.read += event.records;
        summary.records.used += event.records;
        try {
          await handlers.onConversation(event.conversation);
        } catch (error) {
          throw new HandlerFailure(error);
        }
      } else if (event.type === 'record') {
        summary.records.read += event.records ?? 1;
        summary.records.used += event.records ?? 1;
      } else if (event.type === 'skipped') {
        summary.records.read += event.records ?? 1;
        summary.records.skipped += event.records ?? 1;
        recordProblem(summary.skipped, { location: event.location, reason: event.reason });
      } else {
        recordProblem(summary.warningsAboutInput, { location: event.location, reason: event.reason });
      }
    }
    // A file that holds no record (a header row alone, blank lines) is an input that was not read,
    // as an empty file is: reported, and --strict fails on it.
    if (summary.records.read === readBefore) summary.unreadableFiles.push({ location: { file: input.name }, reason: t('input.noRecords', { format: adapter.name }) });
  } catch (error) {
    // Linting and writing have their own boundaries: what fails there is not a reading problem.
    if (error instanceof HandlerFailure) throw error.original;
    // A stream that fails mid-way (a damaged file, a decoding fault) ends this input only.
    summary.unreadableFiles.push({ location: { file: input.name }, reason: t('input.stopped', { reason: (error as Error).message }) });
  }
}

/** --since/--until as a test of a conversation's start (its first timed message); undefined without a range. */
export function dateFilter(range: DateRange, timezone: string): ((conversation: Conversation) => boolean) | undefined {
  if (!range.since && !range.until) return undefined;
  return (conversation) => {
    const started = conversation.messages.reduce<number | null>((first, m) => (m.time === undefined || (first !== null && first <= m.time) ? first : m.time), null);
    return inDateRange(started, range, timezone);
  };
}

/**
 * Reads one file whole and lints each conversation with `lint`, keeping its accounting apart: what
 * a lint thread does with a file it takes, and what the reading thread does with a file ahead of
 * its turn.
 */
export async function lintWholeFile(
  file: string,
  forced: Adapter | undefined,
  options: AdapterOptions & { cwd?: string },
  lint: (conversation: Conversation) => LintOutcome,
  accept?: (conversation: Conversation) => boolean,
  pause?: () => Promise<void> | undefined,
): Promise<FileOutcome> {
  const summary = emptySummary();
  const outcomes: FileOutcome['outcomes'] = [];
  await readInput(file, forced, options, summary, {
    async onConversation(conversation) {
      if (!selected(conversation, accept, summary)) return;
      outcomes.push({ conversation: { id: conversation.id, source: conversation.source }, outcome: lint(conversation) });
      const wait = pause?.();
      if (wait) await wait;
    },
  });
  return { summary, outcomes };
}

/** Whether `accept` keeps the conversation; one it leaves out (--since/--until) is counted, so that the summary still accounts for it. */
function selected(conversation: Conversation, accept: ((conversation: Conversation) => boolean) | undefined, summary: LintSummary): boolean {
  if (!accept || accept(conversation)) return true;
  summary.filtered++;
  return false;
}

/** Adds one file's accounting (see lintWholeFile) to the run's, as if it had been read here. */
export function addFileSummary(summary: LintSummary, part: LintSummary): void {
  summary.files += part.files;
  summary.records.read += part.records.read;
  summary.records.used += part.records.used;
  summary.records.skipped += part.records.skipped;
  summary.filtered += part.filtered;
  for (const problem of part.skipped) recordProblem(summary.skipped, problem);
  for (const problem of part.warningsAboutInput) recordProblem(summary.warningsAboutInput, problem);
  append(summary.unreadableFiles, part.unreadableFiles);
}

/** Which conversations to lint: a test (--since/--until), and whether lint threads may apply it themselves. */
export interface Selection {
  accept: (conversation: Conversation) => boolean;
  /** The test as data, for lint threads; without it, files are not handed to threads. */
  dates?: DateRange & { timezone: string };
}

/**
 * Reads and lints, handing each conversation's result on in the order the conversations were read,
 * as soon as it and every one before it are linted. At most `linter.capacity` conversations wait at
 * once: memory grows with the largest conversation (times that bound), not with the input. The
 * reader fills the record accounting of `summary`; the caller counts the results it keeps (see
 * addResult).
 *
 * With lint threads and several files, threads with nothing to do take later small files whole,
 * and this thread, when it may lint, reads small files ahead of their turn while it waits (see
 * FileSchedule); what they give is handed on in the files' order.
 */
export async function lintFiles(
  files: readonly string[],
  adapterOptions: AdapterOptions & { format?: string; cwd?: string; stdin?: InputSource },
  linter: ConversationLinter,
  summary: LintSummary,
  onResult: (result: ConversationResult) => void | Promise<void>,
  selection?: Selection | ((conversation: Conversation) => boolean),
): Promise<LintSummary> {
  const forced = forcedAdapter(adapterOptions.format);
  const accept = typeof selection === 'function' ? selection : selection?.accept;
  const waiting: Array<{ conversation: Pick<Conversation, 'id' | 'source'>; outcome: LintOutcome | Promise<LintOutcome> }> = [];
  const handOn = async () => {
    const { conversation, outcome } = waiting.shift()!;
    // The oldest outcome may wait for a fuller batch: then that batch goes now.
    if (outcome instanceof Promise) linter.flush(outcome);
    const settled = await outcome;
    if ('failure' in settled) recordRuleFailure(summary, { conversationId: conversation.id, file: conversation.source.file, message: settled.failure });
    else await onResult(settled.result);
  };
  const handlers: ReadHandlers = {
    async onConversation(conversation) {
      if (!selected(conversation, accept, summary)) return;
      waiting.push({ conversation: { id: conversation.id, source: conversation.source }, outcome: linter.lint(conversation) });
      const pause = linter.pause?.();
      if (pause) await pause;
      while (waiting.length > linter.capacity) await handOn();
    },
  };
  const threads = linter.files;
  // A test given as a function cannot travel to a thread: then files are read here, in turn.
  const shareable = selection === undefined || (typeof selection === 'object' && selection.dates !== undefined);
  const schedule = threads && shareable ? new FileSchedule(files, adapterOptions.cwd ?? process.cwd()) : undefined;
  try {
    if (!threads || !schedule?.worthwhile) {
      for (const file of files) await readInput(file, forced, adapterOptions, summary, handlers);
    } else {
      const dates = typeof selection === 'object' ? selection.dates : undefined;
      threads.offer(() => schedule.takeAhead('thread'), dates);
      const lintHere = linter.lintHere?.bind(linter);
      for (const task of schedule.tasks) {
        schedule.inTurn(task.index);
        // While a thread lints this file, this thread reads a later one ahead of its turn.
        let done = false;
        void task.outcome?.then(() => (done = true), () => (done = true));
        while (task.state === 'thread' && !done && lintHere) {
          const ahead = schedule.takeAhead('ahead');
          if (!ahead) break;
          ahead.outcome = lintWholeFile(ahead.file, forced, adapterOptions, lintHere, accept, () => linter.pause?.());
          await ahead.outcome;
        }
        // A small file in turn is linted here whole too: sent to the threads, its conversations would
        // keep them from taking the files after it.
        if (task.state === 'todo' && task.whole && lintHere) {
          task.state = 'ahead';
          task.outcome = lintWholeFile(task.file, forced, adapterOptions, lintHere, accept, () => linter.pause?.());
        }
        const outcome = await task.outcome;
        if (!outcome) {
          task.state = 'reading';
          await readInput(task.file, forced, adapterOptions, summary, handlers);
          continue;
        }
        addFileSummary(summary, outcome.summary);
        append(waiting, outcome.outcomes);
        while (waiting.length > linter.capacity) await handOn();
      }
    }
    linter.flush();
    while (waiting.length > 0) await handOn();
  } finally {
    // Outcomes nobody waits for any more (a failed write, a thread that could not start) are let go.
    for (const { outcome } of waiting) if (outcome instanceof Promise) outcome.catch(() => {});
    for (const task of schedule?.tasks ?? []) task.outcome?.catch(() => {});
    await linter.close();
  }
  return summary;
}

/** How an encoding is called in messages. */
function encodingName(encoding: Encoding): string {
  return encoding === 'gb18030' ? 'GB18030' : encoding === 'big5' ? 'Big5' : encoding === 'utf8' ? 'UTF-8' : encoding === 'utf16le' ? 'UTF-16LE' : 'UTF-16BE';
}
