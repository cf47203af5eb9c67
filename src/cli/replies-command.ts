import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { writeFileAtomic } from '../io/atomic-file.js';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lintConversation, type ConversationResult, type LintSettings } from '../engine/lint.js';
import { ruleSummaries } from '../api/supportlint.js';
import { applyDirectives } from '../engine/suppress.js';
import { applyRewrites } from '../library/fix.js';
import { LIBRARY_EXTENSIONS, readLibrary } from '../library/index.js';
import { readTextLibrary as readText } from '../library/read-text.js';
import { readYamlLibrary } from '../library/read-yaml.js';
import type { CannedReply, Library } from '../library/reply.js';
import type { Conversation } from '../model/conversation.js';
import { addResult, emptySummary, formatLocation, ruleFailureLines } from '../runner/summary.js';
import { BaselineRun } from './baseline-file.js';
import { UsageError } from './errors.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReportOptions, collect, supportlintFor, type ReportOptions } from './options.js';
import { findingsExitCode, openReports } from './reporting.js';
import { t } from '../i18n/index.js';
import { visible } from '../formatters/excerpt.js';

interface RepliesOptions extends ReportOptions {
  config?: string;
  rule?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

/** A canned reply as the engine sees it: a conversation of one agent message. */
function replyConversation(library: Library, reply: CannedReply): Conversation {
  const location = { file: library.file, line: reply.line, column: reply.column };
  return {
    id: reply.id,
    source: { file: library.file, format: `library-${library.kind}` },
    messages: [{ seq: 0, role: 'agent', text: reply.text, kind: 'text', internal: false, location }],
    meta: { group: reply.group, title: reply.title },
  };
}

function lintLibrary(library: Library, settings: LintSettings): Array<{ reply: CannedReply; result: ConversationResult }> {
  return library.replies.map((reply) => ({ reply, result: lintConversation(replyConversation(library, reply), settings) }));
}

/** Rewrites the library with every safe fix, pass after pass, as a fix can make room for another. */
function fixedSource(library: Library, settings: LintSettings, reread: (source: string) => Library): { source: string; applied: number } {
  let current = library;
  let applied = 0;
  for (let pass = 0; pass < 5; pass++) {
    const rewrites = new Map<CannedReply, string>();
    for (const { reply, result } of lintLibrary(current, settings)) {
      const suppressed = new Set(reply.suppressions.flatMap((s) => s.rules));
      const fixable = result.findings.find((f) => f.fix !== undefined && !suppressed.has(f.ruleId) && !reply.suppressions.some((s) => s.rules.length === 0));
      if (fixable) rewrites.set(reply, fixable.fix!);
    }
    if (rewrites.size === 0) break;
    const outcome = applyRewrites(current, rewrites);
    if (outcome.applied === 0) break;
    applied += outcome.applied;
    current = reread(outcome.source);
  }
  return { source: current.source, applied };
}

/**
 * `supportlint replies`: lints every reply of canned-reply libraries (快捷短语 / 话术库) with the rules
 * that judge a single agent message, for CI gates on the files teams keep them in.
 */
export function registerRepliesCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  const command = program
    .command('replies')
    .description(t('replies.description'))
    .argument('<paths...>', t('replies.paths'))
    .option('-c, --config <file>', t('option.config.help'))
    .option('--rule <id>', t('lint.rule'), collect)
    .option('--baseline <file>', t('replies.baseline'))
    .option('--update-baseline', t('lint.updateBaseline'))
    .option('--fix', t('replies.fix'))
    .option('--fix-dry-run', t('replies.fixDryRun'));
  addLocaleOption(addReportOptions(command)).action(async (paths: string[], options: RepliesOptions) => {
    setExitCode(await runReplies(paths, options, io));
  });
}

async function runReplies(paths: string[], options: RepliesOptions, io: CliIO): Promise<number> {
  const linter = supportlintFor(options, io);
  // Only rules that judge one message alone apply to a reply that has no conversation around it.
  const settings: LintSettings = await linter.lintSettings({ scope: 'message' });
  if (settings.rules.length === 0) throw new UsageError(t('replies.noRules'));
  const files = await linter.inputFiles(paths, { extensions: LIBRARY_EXTENSIONS });

  const baseline = await BaselineRun.open(options, io.cwd, io.stderr);
  const reports = await openReports(linter, options, { rules: ruleSummaries(settings), command: 'replies', inputs: files }, io);
  const summary = emptySummary();
  const chalk = new Chalk({ level: useColor(io, options.color) ? 1 : 0 });
  let broken = false;
  await reports.start();
  for (const file of files) {
    let library: Library;
    try {
      library = await readLibrary(path.resolve(io.cwd, file), file);
    } catch (error) {
      io.stderr(`${chalk.red(t('input.unreadable'))} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? t('input.noSuchFile') : (error as Error).message}\n`);
      broken = true;
      continue;
    }
    summary.files++;
    if (library.problems.length > 0) {
      broken = true;
      for (const problem of library.problems) {
        const location = formatLocation({ file, line: problem.line, column: problem.column });
        io.stderr(`${chalk.red(t('input.unreadable'))} ${visible(location)}: ${visible(problem.reason)}\n`);
        summary.records.read++;
        summary.records.skipped++;
      }
    }
    if ((options.fix || options.fixDryRun) && library.kind !== 'yaml' && library.kind !== 'text') {
      // Rewriting a table or JSON in place would lose its layout: say so rather than do nothing.
      io.stderr(`${t('replies.fixUnsupported', { file, kind: library.kind })}\n`);
    }
    if ((options.fix || options.fixDryRun) && (library.kind === 'yaml' || library.kind === 'text') && library.problems.length === 0) {
      const kind = library.kind;
      const reread = (source: string) => (kind === 'yaml' ? readYamlLibrary(file, source, 'yaml') : readText(file, source));
      const { source, applied } = fixedSource(library, settings, reread);
      if (applied > 0 && options.fixDryRun) await io.stdout(createTwoFilesPatch(file, file, library.source, source, '', '(--fix)'));
      if (applied > 0 && options.fix) {
        // Whole or not at all: an interrupted --fix never leaves a library half written.
        await writeFileAtomic(path.resolve(io.cwd, file), source);
        library = reread(source);
      }
      if (applied > 0) io.stderr(`${t(options.fix ? 'replies.fixed' : 'replies.wouldFix', { file, count: applied })}\n`);
    }
    for (const { reply, result } of lintLibrary(library, settings)) {
      summary.records.read++;
      summary.records.used++;
      let shown = applyDirectives(result, reply.suppressions, file);
      shown = baseline.apply(shown, `${file}#${reply.baselineKey}`);
      addResult(summary, shown);
      await reports.result(shown);
    }
  }
  await reports.end(summary);
  await baseline.finish(summary, io.stderr);
  const failures = ruleFailureLines(summary);
  if (failures.length > 0) io.stderr(`${failures.join('\n')}\n`);
  if (broken || failures.length > 0) return 2;
  if (baseline.updating) return 0;
  return findingsExitCode(summary, options, io);
}
