import { availableParallelism } from 'node:os';
import { visible } from '../formatters/excerpt.js';
import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { stringify as toYaml } from 'yaml';
import type { ConversationResult } from '../engine/lint.js';
import type { Finding } from '../engine/finding.js';
import { collapseResult } from '../engine/collapse.js';
import { parseConcurrency, type Concurrency } from '../runner/linter.js';
import { WaiverRun, WAIVERS_FILE } from '../runner/waivers.js';
import { dateRangeProblem } from '../time/date-range.js';
import { UsageError } from './errors.js';
import { inputProblemLines } from '../formatters/stylish.js';
import { closest } from '../i18n/did-you-mean.js';
import { t } from '../i18n/index.js';
import { Redactor, redactionSettings } from '../runner/redaction.js';
import { ruleFailureLines, unrecognisedInputsLine } from '../runner/summary.js';
import { BaselineRun } from './baseline-file.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReadOptions, addReportOptions, collectNonEmpty, supportlintFor, type CommonReadOptions, type ReportOptions } from './options.js';
import { startProgress } from './progress.js';
import { findingsExitCode, openReports } from './reporting.js';
import { assertOutputsAreNotInputs, filesTheRunReads } from './output.js';

interface LintOptions extends CommonReadOptions, ReportOptions {
  quiet?: boolean;
  rule?: string[];
  agent?: string[];
  strict?: boolean;
  printConfig?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  redact?: boolean;
  redactKeepAgents?: boolean;
  concurrency?: Concurrency;
  since?: string;
  until?: string;
  /** false with --no-collapse; otherwise configuration decides. */
  collapse?: boolean;
  waivers?: string;
}

/** `supportlint lint`, the default command: every option of it is declared here. */
export function registerLintCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  const lint = addReadOptions(
    program
      .command('lint', { isDefault: true })
      .description(t('lint.description'))
      .argument('[paths...]', t('lint.paths')),
  )
    .option('--quiet', t('lint.quiet'))
    .option('--rule <id>', t('lint.rule'), collectNonEmpty('--rule', '--rule blame-shifting'))
    .option('--agent <name>', t('lint.agent'), collectNonEmpty('--agent', '--agent 小林'))
    .option('--strict', t('lint.strict'))
    .option('--print-config', t('lint.printConfig'))
    .option('--baseline <file>', t('lint.baseline'))
    .option('--update-baseline', t('lint.updateBaseline'))
    .option('--redact', t('lint.redact'))
    .option('--redact-keep-agents', t('lint.redactKeepAgents'))
    .option('--concurrency <n>', t('lint.concurrency'), parseConcurrencyOption)
    .option('--since <date>', t('lint.since'))
    .option('--until <date>', t('lint.until'))
    .option('--no-collapse', t('lint.noCollapse'))
    .option('--waivers <file>', t('lint.waivers', { file: WAIVERS_FILE }));
  addLocaleOption(addReportOptions(lint)).action(async (paths: string[], options: LintOptions) => setExitCode(await runLint(paths, options, io)));
}

function parseConcurrencyOption(value: string): Concurrency {
  const parsed = parseConcurrency(value);
  if (parsed === undefined) throw new UsageError(t('lint.concurrencyInvalid', { value }));
  return parsed;
}

/**
 * A number of lint threads above the machine's cores lints no faster (the work is all CPU) and
 * costs a thread's dictionaries each: 64 threads on 2 cores took 64 s instead of 5 s. It is cut to
 * the cores, with a note.
 */
function threadsWithinCores(concurrency: Concurrency | undefined, say: (text: string) => void, cores = availableParallelism()): Concurrency | undefined {
  if (typeof concurrency !== 'number' || concurrency <= cores) return concurrency;
  say(`${t('lint.concurrencyCapped', { requested: concurrency, cores })}\n`);
  return cores;
}

/** Keeps the findings (and waived findings) that pass a test. */
function keepFindings(result: ConversationResult, passes: (finding: Finding) => boolean): ConversationResult {
  return { ...result, findings: result.findings.filter(passes), ...(result.waived ? { waived: result.waived.filter(passes) } : {}) };
}

/** Keeps the findings of the agents --agent names. */
function filterAgents(result: ConversationResult, options: LintOptions): ConversationResult {
  if (!options.agent?.length) return result;
  return keepFindings(result, (f) => f.agent !== undefined && options.agent!.includes(f.agent));
}

/** Keeps only errors with --quiet. It hides warnings from the report; --fail-on warn and --max-warnings still count them. */
function filterQuiet(result: ConversationResult, options: LintOptions): ConversationResult {
  return options.quiet ? keepFindings(result, (f) => f.severity === 'error') : result;
}

/**
 * --agent names no conversation was handled by: a typo would otherwise print a clean run. The
 * nearest real name is suggested, unless --redact hides agents' names (`suggest` false).
 */
function unknownAgentLines(wanted: readonly string[], seen: ReadonlySet<string>, suggest: boolean): string[] {
  return wanted.filter((name) => !seen.has(name)).map((name) => {
    const near = suggest ? closest(name, seen) : undefined;
    return t('lint.agentUnknown', { name: visible(name) }) + (near ? t('common.didYouMean', { name: visible(near) }) : '');
  });
}

async function runLint(paths: string[], options: LintOptions, io: CliIO): Promise<number> {
  const linter = supportlintFor(options, io);
  const config = await linter.loadConfig();
  if (options.printConfig) {
    // The pseudonym key is a secret: printing it would let anyone reverse the pseudonyms.
    const shown = config.redact?.key === undefined ? config : { ...config, redact: { ...config.redact, key: t('lint.hiddenKey') } };
    await io.stdout(toYaml(shown));
    return 0;
  }
  // JSON results carry what `supportlint report` needs to merge sharded runs.
  const metrics = (options.format ?? []).some((spec) => spec.split(':')[0] === 'json');
  const rules = await linter.rules();
  // A configuration without `extends` and without rules of its own judges nothing: say so, rather
  // than print a ✔ that means nothing.
  if (rules.length === 0) io.stderr(`${t('lint.noRules')}\n`);
  let redactor: Redactor | undefined;
  if (options.redact) {
    const { settings: redaction, warning } = redactionSettings(config.redact, io.env, options.redactKeepAgents || undefined);
    if (warning) io.stderr(warning);
    redactor = new Redactor(redaction);
  }
  const badRange = dateRangeProblem(options);
  if (badRange) throw new UsageError(badRange);
  if (options.updateBaseline && (options.since || options.until)) throw new UsageError(t('lint.baselineWithDates'));
  if (options.updateBaseline && (options.rule?.length || options.agent?.length)) throw new UsageError(t('lint.baselineWithFilters'));
  const baseline = await BaselineRun.open(options, io.cwd, io.stderr);
  const waivers = await WaiverRun.open(options.waivers, config, io.cwd);
  const collapse = options.collapse !== false && config.collapse;
  const files = await linter.inputFiles(paths);
  const filtered = Boolean(options.quiet || options.agent?.length || options.rule?.length);
  // The baseline is written over; the transcripts, the configuration and the waivers never are.
  if (options.updateBaseline) assertOutputsAreNotInputs([options.baseline], [...files, ...filesTheRunReads(io.cwd, config.sources, [waivers.file])], io.cwd, '--baseline');
  const guarded = [...files, ...filesTheRunReads(io.cwd, config.sources, [options.baseline, waivers.file])];
  const reports = await openReports(linter, options, { rules, command: 'lint', inputs: guarded, measuredWith: metrics ? await linter.measuredWith(filtered, redactor?.settings.key) : undefined }, io);
  await reports.start();
  const progress = startProgress(io, t('progress.linting'));
  const agentsSeen = new Set<string>();
  /** Warnings --quiet kept out of the report, which the warning gates still count. */
  let hiddenWarnings = 0;
  const concurrency = threadsWithinCores(options.concurrency, io.stderr);
  const { summary } = await linter.lintResolvedFiles(files, {
    metrics,
    concurrency,
    dates: { since: options.since, until: options.until },
    onResult: async (result) => {
      progress.tick();
      for (const agent of result.agents) agentsSeen.add(agent);
      // Waivers are judged on every finding, before the filters decide what is shown.
      let shown = filterAgents(waivers.apply(result), options);
      // Transcripts are baselined per conversation and rule, as ESLint's bulk suppressions count per file.
      shown = baseline.apply(shown, result.conversationId, redactor?.conversationId(result.conversationId));
      const beforeQuiet = shown.findings.length;
      shown = filterQuiet(shown, options);
      hiddenWarnings += beforeQuiet - shown.findings.length;
      if (collapse) shown = collapseResult(shown);
      // --redact: pseudonyms and masks before anything is counted or printed.
      if (redactor) shown = redactor.result(shown);
      await reports.result(shown);
      return shown;
    },
  });
  progress.done();
  waivers.finish(summary, new Set(rules.map((rule) => rule.id)), io.stderr);
  const unknownAgents = unknownAgentLines(options.agent ?? [], agentsSeen, !redactor || redactor.settings.keepAgents);
  // The summary says what the exit code will: no green tick over hidden warnings or a mistyped --agent.
  if (hiddenWarnings > 0) summary.hiddenWarnings = hiddenWarnings;
  if (unknownAgents.length > 0) summary.unknownAgents = unknownAgents.length;
  const shownSummary = redactor ? redactor.summary(summary) : summary;
  await reports.end(shownSummary);
  for (const line of unknownAgents) io.stderr(`${line}\n`);
  const baselineWritten = await baseline.finish(summary, io.stderr);
  const failures = ruleFailureLines(shownSummary);
  const chalk = new Chalk({ level: useColor(io, options.color) ? 1 : 0 });
  if (baseline.updating) {
    if (failures.length > 0) io.stderr(`${failures.join('\n')}\n`);
    if (!baselineWritten) {
      const problems = inputProblemLines(shownSummary, chalk);
      if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
    }
    return baselineWritten && failures.length === 0 ? 0 : 2;
  }
  const problems = inputProblemLines(shownSummary, chalk);
  if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
  // A rule that failed leaves the findings incomplete: the run cannot pass, whatever was found.
  if (failures.length > 0) {
    io.stderr(`${failures.join('\n')}\n`);
    return 2;
  }
  if (summary.records.used === 0 && summary.conversations === 0) {
    io.stderr(`${t('lint.nothingRead')}\n`);
    return 2;
  }
  const unrecognised = unrecognisedInputsLine(summary);
  if (unrecognised) {
    io.stderr(`${unrecognised}\n`);
    return 2;
  }
  // A date range that leaves nothing to lint shows a clean run: a typo in --since must not pass a gate.
  if (summary.conversations === 0 && summary.filtered > 0) {
    io.stderr(`${t('lint.allOutOfRange', { count: summary.filtered })}\n`);
    return 2;
  }
  // An --agent that handled nothing here shows a clean run whatever the input holds: a typo in a
  // gate must not pass it.
  if (unknownAgents.length > 0) return 2;
  if (options.strict && (summary.records.skipped > 0 || summary.unreadableFiles.length > 0)) {
    io.stderr(`${t('lint.strictFailed', { skipped: summary.records.skipped, files: summary.unreadableFiles.length })}\n`);
    return 2;
  }
  return findingsExitCode({ ...summary, warnings: summary.warnings + hiddenWarnings }, options, io);
}
