import type { Command } from 'commander';
import { Chalk } from 'chalk';
import path from 'node:path';
import { lintConversation, type ConversationResult, type LintSettings } from '../engine/lint.js';
import { ruleSummaries } from '../api/supportlint.js';
import { applyDirectives, SUPPRESSION_RULE_IDS } from '../engine/suppress.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { ReplyRewrite } from '../library/fix.js';
import { LIBRARY_EXTENSIONS, readLibrary, readLibrarySource } from '../library/index.js';
import { argumentFolder, fixRefusal, folderGivenFor, rewriteLibrary, writeLibrary } from '../library/write-fixes.js';
import type { CannedReply, Library } from '../library/reply.js';
import type { Conversation } from '../model/conversation.js';
import { addResult, emptySummary, formatLocation, ruleFailureLines } from '../runner/summary.js';
import { BaselineRun } from './baseline-file.js';
import { assertOutputsAreNotInputs, filesTheRunReads } from './output.js';
import { UsageError } from './errors.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReportOptions, collectNonEmpty, supportlintFor, type ReportOptions } from './options.js';
import { findingsExitCode, openReports } from './reporting.js';
import { t } from '../i18n/index.js';
import { visible } from '../formatters/excerpt.js';
import { fixPatch } from './fix-patch.js';

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

/** Replies linted between two turns of the event loop: a signal (Ctrl-C) is heard between them. */
const REPLIES_PER_TURN = 200;

async function lintLibrary(library: Library, settings: LintSettings): Promise<Array<{ reply: CannedReply; result: ConversationResult }>> {
  const linted: Array<{ reply: CannedReply; result: ConversationResult }> = [];
  for (const [index, reply] of library.replies.entries()) {
    if (index > 0 && index % REPLIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    linted.push({ reply, result: lintConversation(replyConversation(library, reply), settings) });
  }
  return linted;
}

/**
 * The accepted rewrite of each reply (the engine composed and checked it), except where a
 * suppression of the reply switches off a rule the rewrite is for.
 */
async function replyRewrites(library: Library, settings: LintSettings): Promise<ReplyRewrite[]> {
  return (await lintLibrary(library, settings)).flatMap(({ reply, result }) => {
    const rewrite = result.fixes?.[0];
    if (!rewrite) return [];
    const suppressed = reply.suppressions.some((s) => s.rules.length === 0 || s.rules.some((rule) => rewrite.ruleIds.includes(rule)));
    return suppressed ? [] : [{ reply, output: rewrite.output, edits: rewrite.edits }];
  });
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
    .option('--rule <id>', t('lint.rule'), collectNonEmpty('--rule', '--rule blame-shifting'))
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

  const argumentFolders = paths.map((argument) => argumentFolder(argument, io.cwd));
  if (options.updateBaseline && options.rule?.length) throw new UsageError(t('lint.baselineWithFilters'));
  // The libraries and the configuration are read: neither a report nor the baseline may replace them.
  const config = await linter.loadConfig();
  // A suppression that names no rule of this configuration switches nothing off: it is reported as such.
  const knownRules = new Set([...BUILTIN_RULES.keys(), ...Object.keys(config.customRules), ...Object.values(SUPPRESSION_RULE_IDS)]);
  if (options.updateBaseline) assertOutputsAreNotInputs([options.baseline], [...files, ...filesTheRunReads(io.cwd, config.sources)], io.cwd, '--baseline');
  const baseline = await BaselineRun.open(options, io.cwd, io.stderr);
  const reports = await openReports(linter, options, { rules: ruleSummaries(settings), command: 'replies', inputs: [...files, ...filesTheRunReads(io.cwd, config.sources, [options.baseline])] }, io);
  const summary = emptySummary();
  const chalk = new Chalk({ level: useColor(io, options.color) ? 1 : 0 });
  let broken = false;
  await reports.start();
  // A link a folder or glob matched is not followed (it could lead out of the repository): a
  // library behind one is unread, and the run says so rather than passing without it.
  for (const link of linter.takeLinksNotFollowed()) {
    io.stderr(`${chalk.red(t('input.unreadable'))} ${visible(link)}: ${t('input.linkNotFollowed')}\n`);
    broken = true;
  }
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
    if ((options.fix || options.fixDryRun) && library.problems.length === 0) {
      const absolute = path.resolve(io.cwd, file);
      const refusal = fixRefusal(library, absolute, folderGivenFor(file, argumentFolders, io.cwd), io.cwd);
      const { source, applied, skipped } = refusal ? { source: library.source, applied: 0, skipped: 0 } : await rewriteLibrary(library, await replyRewrites(library, settings));
      if (refusal) io.stderr(`supportlint: ${visible(file)}: ${visible(refusal.refused)}\n`);
      if (skipped > 0) io.stderr(`supportlint: ${visible(file)}: ${skipped} 条话术的改写无法在文件里准确定位（例如文本里有转义字符），未作修改，请按“建议”手动修改。\n`);
      if (applied > 0 && options.fixDryRun) await io.stdout(fixPatch(file, library.source, source));
      if (applied > 0 && options.fix) {
        // Whole or not at all: an interrupted --fix never leaves a library half written.
        await writeLibrary(library, absolute, source);
        library = { ...(await readLibrarySource(file, source)), encoding: library.encoding };
      }
      if (applied > 0) io.stderr(`${t(options.fix ? 'replies.fixed' : 'replies.wouldFix', { file, count: applied })}\n`);
    }
    for (const { reply, result } of await lintLibrary(library, settings)) {
      summary.records.read++;
      summary.records.used++;
      let shown = applyDirectives(result, reply.suppressions, file, knownRules);
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
