import type { Command } from 'commander';
import { Chalk } from 'chalk';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { lintConversation, type ConversationResult, type LintSettings } from '../engine/lint.js';
import { applyDirectives } from '../engine/suppress.js';
import { findInputFiles } from '../io/find-files.js';
import type { ReplyRewrite } from '../library/fix.js';
import { LIBRARY_EXTENSIONS, readLibrary, readLibrarySource } from '../library/index.js';
import { argumentFolder, fixRefusal, folderGivenFor, rewriteLibrary, writeLibrary } from '../library/write-fixes.js';
import type { CannedReply, Library } from '../library/reply.js';
import type { Conversation } from '../model/conversation.js';
import { buildLintSettings } from '../runner/settings.js';
import { addResult, emptySummary, formatLocation, ruleFailureLines } from '../runner/summary.js';
import { BaselineRun } from './baseline-file.js';
import { UsageError } from './errors.js';
import { addReportOptions, findingsExitCode, loadConfigFor, openReports, useColor, type CliIO, type ReportOptions } from './index.js';
import { visible } from '../formatters/excerpt.js';

interface RepliesOptions extends ReportOptions {
  config?: string;
  rule?: string[];
  locale?: 'zh-Hans' | 'zh-Hant';
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

/**
 * The accepted rewrite of each reply (the engine composed and checked it), except where a
 * suppression of the reply switches off a rule the rewrite is for.
 */
function replyRewrites(library: Library, settings: LintSettings): ReplyRewrite[] {
  return lintLibrary(library, settings).flatMap(({ reply, result }) => {
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
    .description('lint canned-reply libraries (YAML, JSON, CSV or plain text) with the rules that judge one agent message')
    .argument('<paths...>', 'library files or folders')
    .option('-c, --config <file>', 'use this configuration file instead of searching for .supportlintrc.*')
    .option('--rule <id>', 'run only these rules (repeatable, or comma-separated)', (v: string, p: string[] = []) => [...p, ...v.split(',').map((x) => x.trim()).filter(Boolean)])
    .option('--locale <locale>', 'script of the messages: zh-Hans or zh-Hant; default follows each reply')
    .option('--baseline <file>', 'ignore the findings recorded in this baseline; only new ones count')
    .option('--update-baseline', 'write the current findings to the --baseline file and exit 0')
    .option('--fix', 'apply the checked rewrites to YAML, JSON, CSV and plain-text libraries, keeping comments, layout and encoding')
    .option('--fix-dry-run', 'show the rewrites --fix would make, as a diff, without writing');
  addReportOptions(command).action(async (paths: string[], options: RepliesOptions) => {
    setExitCode(await runReplies(paths, options, io));
  });
}

async function runReplies(paths: string[], options: RepliesOptions, io: CliIO): Promise<number> {
  if (options.locale && options.locale !== 'zh-Hans' && options.locale !== 'zh-Hant') throw new UsageError(`--locale ${options.locale}: expected zh-Hans or zh-Hant.`);
  const config = await loadConfigFor(options, io);
  const all = buildLintSettings(config, { onlyRules: options.rule, locale: options.locale });
  // Only rules that judge one message alone apply to a reply that has no conversation around it.
  const settings: LintSettings = { ...all, rules: all.rules.filter((r) => r.rule.meta.scope === 'message') };
  if (settings.rules.length === 0) throw new UsageError('no rule that judges a single message is on. Turn one on in the configuration, or check --rule.');
  const found = await findInputFiles(paths, { cwd: io.cwd, ignore: config.ignore, extensions: LIBRARY_EXTENSIONS });
  if (found.files.length === 0) throw new UsageError(found.missing.map((m) => `${m.pattern}: ${m.reason}`).join('\n') || 'no library files given.');
  for (const m of found.missing) io.stderr(`supportlint: ${m.pattern}: ${m.reason}\n`);

  const argumentFolders = paths.map((argument) => argumentFolder(argument, io.cwd));
  const baseline = await BaselineRun.open(options, io.cwd);
  const reports = openReports(options, settings, config, 'replies', io, found.files);
  const summary = emptySummary();
  const chalk = new Chalk({ level: useColor(io, options.color) ? 1 : 0 });
  let broken = false;
  await reports.start();
  for (const file of found.files) {
    let library: Library;
    try {
      library = await readLibrary(path.resolve(io.cwd, file), file);
    } catch (error) {
      io.stderr(`${chalk.red('无法读取')} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
      broken = true;
      continue;
    }
    summary.files++;
    if (library.problems.length > 0) {
      broken = true;
      for (const problem of library.problems) {
        const location = formatLocation({ file, line: problem.line, column: problem.column });
        io.stderr(`${chalk.red('无法读取')} ${visible(location)}: ${visible(problem.reason)}\n`);
        summary.records.read++;
        summary.records.skipped++;
      }
    }
    if ((options.fix || options.fixDryRun) && library.problems.length === 0) {
      const absolute = path.resolve(io.cwd, file);
      const refusal = fixRefusal(library, absolute, folderGivenFor(file, argumentFolders, io.cwd));
      const { source, applied, skipped } = refusal ? { source: library.source, applied: 0, skipped: 0 } : await rewriteLibrary(library, replyRewrites(library, settings));
      if (refusal) io.stderr(`supportlint: ${visible(file)}: ${visible(refusal.refused)}\n`);
      if (skipped > 0) io.stderr(`supportlint: ${visible(file)}: ${skipped} 条话术的改写无法在文件里准确定位（例如文本里有转义字符），未作修改，请按“建议”手动修改。\n`);
      if (applied > 0 && options.fixDryRun) await io.stdout(createTwoFilesPatch(file, file, library.source, source, '', '(--fix)'));
      if (applied > 0 && options.fix) {
        // Whole or not at all: an interrupted --fix never leaves a library half written.
        await writeLibrary(library, absolute, source);
        library = { ...(await readLibrarySource(file, source)), encoding: library.encoding };
      }
      if (applied > 0) io.stderr(`supportlint: ${file}: ${options.fix ? '已修改' : '将修改'} ${applied} 条话术。\n`);
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
