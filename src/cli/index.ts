import { Command, CommanderError, Option } from 'commander';
import { Chalk } from 'chalk';
import { stringify as toYaml } from 'yaml';
import { FIELD_NAMES, type AdapterOptions, type FieldName } from '../adapters/adapter.js';
import { ADAPTERS } from '../adapters/index.js';
import { loadConfig } from '../config/load.js';
import { ConfigError, type ResolvedConfig } from '../config/resolve.js';
import { LexiconSpecError } from '../lexicon/lexicon.js';
import { UnsafeRegexError } from '../lexicon/safe-regex.js';
import { compileUserRegex } from '../lexicon/user-regex.js';
import { BINARY_FORMATS, FORMATTERS } from '../formatters/index.js';
import { Redactor, redactionSettings } from '../runner/redaction.js';
import { inputProblemLines } from '../formatters/stylish.js';
import { visible } from '../formatters/excerpt.js';
import { findInputFiles, GlobPatternError } from '../io/find-files.js';
import { isValidTimezone } from '../time/instant.js';
import { createLinter, parseConcurrency, type Concurrency } from '../runner/linter.js';
import { inputSize } from '../io/input-size.js';
import { LinterUnavailableError } from '../runner/worker-pool.js';
import { dateFilter, lintFiles, UnknownFormatError } from '../runner/lint-files.js';
import { WaiverRun, WAIVERS_FILE } from '../runner/waivers.js';
import { collapseResult } from '../engine/collapse.js';
import { dateRangeProblem } from '../time/date-range.js';
import type { Finding } from '../engine/finding.js';
import { adapterOptions, buildLintSettings } from '../runner/settings.js';
import { addResult, emptySummary, ruleFailureLines, type LintSummary } from '../runner/summary.js';
import type { ConversationResult, LintSettings } from '../engine/lint.js';
import type { FormatterContext, MeasuredWith, RuleSummary } from '../formatters/formatter.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { UsageError } from './errors.js';
import { assertOutputsAreNotInputs, parseOutputSpecs, refuseBinaryOnTerminal, Reports } from './output.js';
import { BaselineRun } from './baseline-file.js';
import { toolVersion } from './version.js';
import { registerRulesCommand } from './rules-command.js';
import { registerInitCommand } from './init-command.js';
import { registerConvertCommand } from './convert-command.js';
import { registerRepliesCommand } from './replies-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerReportCommand } from './report-command.js';
import { startProgress } from './progress.js';

export interface CliIO {
  /** Writes to standard output; the promise, when there is one, settles once the text is flushed. */
  stdout: (text: string | Uint8Array) => void | Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Progress is shown only to a person at a terminal. */
  stderrIsTTY?: boolean;
}

export function defaultIO(): CliIO {
  return {
    stdout: (text) => {
      if (!process.stdout.write(text)) return new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export function useColor(io: CliIO, option: boolean | undefined): boolean {
  if (option === false || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}

/** `--map text=内容 --map role=发送方` → {text: '内容', role: '发送方'}; `--map text=7` names the 7th column. */
export function parseFieldMap(entries: readonly string[] = []): Partial<Record<FieldName, string>> {
  const map: Partial<Record<FieldName, string>> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(entry);
    if (!match || !(FIELD_NAMES as readonly string[]).includes(match[1]!)) {
      throw new UsageError(`--map ${entry}: expected field=column (a column name, or its number counted from 1), where field is one of ${FIELD_NAMES.join(', ')}.`);
    }
    map[match[1] as FieldName] = match[2]!;
  }
  return map;
}

/**
 * `--map-values role=0:customer,1:agent` → {role: {'0': 'customer', '1': 'agent'}}. A pair splits
 * at its last colon, so a raw value may hold one; raw values with commas go in configuration.
 */
export function parseValueMap(entries: readonly string[] = []): NonNullable<AdapterOptions['valueMap']> {
  const map: NonNullable<AdapterOptions['valueMap']> = {};
  for (const entry of entries) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(entry);
    const pairs = match?.[2]!.split(',').map((pair) => pair.trim()).filter(Boolean) ?? [];
    const valid = match && (FIELD_NAMES as readonly string[]).includes(match[1]!) && pairs.length > 0 && pairs.every((pair) => /^.+:[^:]+$/.test(pair));
    if (!valid) {
      throw new UsageError(`--map-values ${entry}: expected field=raw:value[,raw:value…], e.g. --map-values role=0:customer,1:agent, where field is one of ${FIELD_NAMES.join(', ')}.`);
    }
    const values = (map[match[1] as FieldName] ??= {});
    for (const pair of pairs) {
      const colon = pair.lastIndexOf(':');
      values[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
    }
  }
  return map;
}

export interface CommonReadOptions {
  config?: string;
  inputFormat?: string;
  map?: string[];
  mapValues?: string[];
  /** false with --no-header; commander's default true means "not given": configuration decides. */
  header?: boolean;
  splitMessages?: string;
  timezone?: string;
  agentPattern?: string;
}

/** How inputs are read: configuration, overridden by the command line. */
export function readOptionsFor(config: ResolvedConfig, options: CommonReadOptions, cwd?: string): AdapterOptions & { format?: string; cwd?: string } {
  if (options.agentPattern !== undefined) {
    try {
      compileUserRegex(options.agentPattern, '--agent-pattern');
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return {
    ...adapterOptions(config, {
      fieldMap: parseFieldMap(options.map),
      valueMap: parseValueMap(options.mapValues),
      header: options.header === false ? false : undefined,
      splitMessages: options.splitMessages === '' ? undefined : options.splitMessages,
      agentPattern: options.agentPattern,
    }),
    format: options.inputFormat ?? config.input.format,
    cwd,
  };
}

export async function loadConfigFor(options: CommonReadOptions, io: CliIO): Promise<ResolvedConfig> {
  const config = await loadConfig({ configFile: options.config, cwd: io.cwd });
  if (options.timezone) {
    if (!isValidTimezone(options.timezone)) throw new UsageError(`--timezone ${options.timezone}: expected an IANA zone such as Asia/Shanghai.`);
    config.timezone = options.timezone;
  }
  return config;
}

/** Files from the command line, minus ignored ones; missing paths are a usage error. */
export async function resolveInputs(paths: readonly string[], config: ResolvedConfig, io: CliIO, missing?: string[]): Promise<string[]> {
  if (paths.length === 0) throw new UsageError('no input given. Pass files, folders or globs, or - to read standard input. Example: supportlint lint exports/*.csv');
  const found = await findInputFiles(paths, { cwd: io.cwd, ignore: config.ignore });
  if (found.missing.length > 0 && found.files.length === 0) {
    throw new UsageError(found.missing.map((m) => `${m.pattern}: ${m.reason}`).join('\n'));
  }
  for (const m of found.missing) io.stderr(`supportlint: ${visible(m.pattern)}: ${m.reason}\n`);
  missing?.push(...found.missing.map((m) => m.pattern));
  return found.files;
}

/** What a run's response times and scores depend on. */
export function measuredWith(config: ResolvedConfig, filtered: boolean): MeasuredWith {
  return { timezone: config.timezone, businessHours: config.businessHours ?? null, holidays: [...config.holidays].sort(), filtered };
}

/** Options every command that reports findings shares: where reports go and when the run fails. */
export interface ReportOptions {
  format?: string[];
  output?: string;
  maxWarnings?: number;
  failOn?: 'warn' | 'error';
  color?: boolean;
}

/** The rules that ran, as formatters describe them. */
export function ruleSummaries(settings: LintSettings): RuleSummary[] {
  return settings.rules.map(({ rule, severity }) => ({
    id: rule.meta.id,
    title: rule.meta.title,
    description: rule.meta.description,
    category: rule.meta.category,
    severity,
    scope: rule.meta.scope,
    helpUri: rule.meta.custom ? undefined : ruleDocsUrl(rule.meta.id),
    custom: Boolean(rule.meta.custom),
  }));
}

/** Opens every requested report for a run, none of them onto an input. Colour only goes to a terminal. */
export function openReports(options: ReportOptions, settings: LintSettings, config: ResolvedConfig, command: FormatterContext['command'], io: CliIO, inputs: readonly string[], measuredWith?: MeasuredWith): Reports {
  const specs = parseOutputSpecs(options.format ?? [], options.output, Object.keys(FORMATTERS));
  refuseBinaryOnTerminal(specs, BINARY_FORMATS, io.stdoutIsTTY);
  for (const spec of specs) assertOutputsAreNotInputs([spec.file], inputs, io.cwd, spec.file === options.output ? '--output' : `--format ${spec.format}:${spec.file}`);
  const rules = ruleSummaries(settings);
  return new Reports(specs, (name) => FORMATTERS[name]!(), (spec) => ({
    toolVersion: toolVersion(),
    rules,
    command,
    color: useColor(io, options.color) && spec.file === undefined,
    timezone: config.timezone,
    cwd: io.cwd,
    measuredWith,
  }), io);
}

/**
 * The exit code once a run is over: 1 for errors, for warnings with --fail-on warn, or for more
 * warnings than --max-warnings; otherwise 0. Where the reports were written never matters.
 */
export function findingsExitCode(summary: LintSummary, options: ReportOptions, io: CliIO): number {
  if (summary.errors > 0) return 1;
  if (options.failOn === 'warn' && summary.warnings > 0) {
    io.stderr(`supportlint: ${summary.warnings} warnings, and --fail-on warn is set.\n`);
    return 1;
  }
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && summary.warnings > options.maxWarnings) {
    io.stderr(`supportlint: ${summary.warnings} warnings exceed --max-warnings ${options.maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Adds the report options to a command. */
export function addReportOptions(command: Command): Command {
  return command
    .option('-f, --format <name[:file]>', `report format: ${Object.keys(FORMATTERS).join(', ')}; repeat it for several reports, and add :file to write one to a file (e.g. -f stylish -f sarif:results.sarif)`, (v: string, p: string[] = []) => [...p, v])
    .option('-o, --output <file>', 'write the report that has no file of its own to this file')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', (v) => parseInteger(v, '--max-warnings'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 on findings of this severity or worse').choices(['warn', 'error']).default('error'))
    .option('--no-color', 'no colours, also honoured through NO_COLOR');
}

interface LintOptions extends CommonReadOptions, ReportOptions {
  quiet?: boolean;
  rule?: string[];
  agent?: string[];
  locale?: 'zh-Hans' | 'zh-Hant';
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

/** Keeps the findings (and waived findings) that pass --quiet and --agent. */
function filterFindings(result: ConversationResult, options: LintOptions): ConversationResult {
  if (!options.quiet && !options.agent?.length) return result;
  const passes = (f: Finding) => (!options.quiet || f.severity === 'error') && (!options.agent?.length || (f.agent !== undefined && options.agent.includes(f.agent)));
  return { ...result, findings: result.findings.filter(passes), ...(result.waived ? { waived: result.waived.filter(passes) } : {}) };
}

async function runLint(paths: string[], options: LintOptions, io: CliIO): Promise<number> {
  const config = await loadConfigFor(options, io);
  if (options.printConfig) {
    // The pseudonym key is a secret: printing it would let anyone reverse the pseudonyms.
    const shown = config.redact?.key === undefined ? config : { ...config, redact: { ...config.redact, key: '（已隐藏）' } };
    await io.stdout(toYaml(shown));
    return 0;
  }
  const settings = buildLintSettings(config, { onlyRules: options.rule, locale: options.locale });
  // JSON results carry what `supportlint report` needs to merge sharded runs.
  settings.metrics = (options.format ?? []).some((spec) => spec.split(':')[0] === 'json');
  if (options.rule) {
    const unknown = options.rule.filter((id) => !settings.rules.some((r) => r.rule.meta.id === id));
    if (unknown.length > 0) throw new UsageError(`--rule ${unknown.join(', ')}: not a rule that is on in this configuration. Run \`supportlint rules\` to list them.`);
  }
  let redactor: Redactor | undefined;
  if (options.redact) {
    const { settings: redaction, warning } = redactionSettings(config.redact, io.env, options.redactKeepAgents || undefined);
    if (warning) io.stderr(warning);
    redactor = new Redactor(redaction);
  }
  const badRange = dateRangeProblem(options);
  if (badRange) throw new UsageError(badRange);
  if (options.updateBaseline && (options.since || options.until)) throw new UsageError('--update-baseline 不能与 --since/--until 一起用：范围外的会话不会被检查，写出的基线会漏掉它们的已知问题。请去掉日期范围再更新基线。');
  const baseline = await BaselineRun.open(options, io.cwd);
  const waivers = await WaiverRun.open(options.waivers, config, io.cwd);
  const collapse = options.collapse !== false && config.collapse;
  const missing: string[] = [];
  const files = await resolveInputs(paths, config, io, missing);
  const reports = openReports(options, settings, config, 'lint', io, files, settings.metrics ? measuredWith(config, Boolean(options.quiet || options.agent?.length || options.rule?.length)) : undefined);
  await reports.start();
  const summary = emptySummary();
  // A path that matched nothing is an input the baseline would silently forget.
  if (baseline.updating) for (const pattern of missing) summary.unreadableFiles.push({ location: { file: pattern }, reason: '找不到这个输入' });
  const progress = startProgress(io, '检查中');
  const linter = createLinter({ config, onlyRules: options.rule, locale: options.locale, metrics: settings.metrics, concurrency: options.concurrency ?? 'auto', inputBytes: inputSize(files, io.cwd) }, settings);
  await lintFiles(files, readOptionsFor(config, options, io.cwd), linter, summary, async (result) => {
    progress.tick();
    // Waivers are judged on every finding, before the filters decide what is shown.
    let shown = filterFindings(waivers.apply(result), options);
    // Transcripts are baselined per conversation and rule, as ESLint's bulk suppressions count per file.
    shown = baseline.apply(shown, result.conversationId);
    if (collapse) shown = collapseResult(shown);
    // --redact: pseudonyms and masks before anything is counted or printed.
    if (redactor) shown = redactor.result(shown);
    addResult(summary, shown);
    await reports.result(shown);
  }, dateFilter(options, config.timezone));
  progress.done();
  waivers.finish(summary, new Set(settings.rules.map((r) => r.rule.meta.id)), io.stderr);
  const shownSummary = redactor ? redactor.summary(summary) : summary;
  await reports.end(shownSummary);
  const baselineWritten = await baseline.finish(summary, io.stderr);
  const failures = ruleFailureLines(shownSummary);
  if (baseline.updating) {
    if (failures.length > 0) io.stderr(`${failures.join('\n')}\n`);
    if (!baselineWritten) {
      const problems = inputProblemLines(shownSummary, new Chalk({ level: useColor(io, options.color) ? 1 : 0 }));
      if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
    }
    return baselineWritten && failures.length === 0 ? 0 : 2;
  }
  const problems = inputProblemLines(shownSummary, new Chalk({ level: useColor(io, options.color) ? 1 : 0 }));
  if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
  // A rule that failed leaves the findings incomplete: the run cannot pass, whatever was found.
  if (failures.length > 0) {
    io.stderr(`${failures.join('\n')}\n`);
    return 2;
  }

  const nothingRead = summary.records.used === 0 && summary.conversations === 0;
  if (nothingRead) {
    io.stderr('supportlint: nothing could be read from the input. See the reasons above; use --input-format to choose a reader.\n');
    return 2;
  }
  if (options.strict && (summary.records.skipped > 0 || summary.unreadableFiles.length > 0)) return 2;
  return findingsExitCode(summary, options, io);
}

function parseConcurrencyOption(value: string): Concurrency {
  const parsed = parseConcurrency(value);
  if (parsed === undefined) throw new UsageError(`--concurrency ${value}：应为 auto、off 或 1 到 64 之间的整数。`);
  return parsed;
}

function parseInteger(value: string, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed)) throw new UsageError(`${name} ${value}: expected a whole number.`);
  return parsed;
}

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

export function addReadOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'use this configuration file instead of searching for .supportlintrc.*')
    .addOption(new Option('--input-format <name>', 'read every input as this format instead of detecting it').choices(ADAPTERS.map((a) => a.name)))
    .option('--map <field=column>', 'map a field to a column or key name, or a table column by number from 1, e.g. --map text=消息内容 or --map text=7 (repeatable)', collect)
    .option('--map-values <field=raw:value,...>', 'read raw values of a field as these values, e.g. --map-values role=0:customer,1:agent (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--no-header', 'table inputs (CSV/TSV/XLSX) have no header row: name the columns by number, e.g. --map text=7')
    .option('--split-messages <separator>', "a table cell that joins several messages with this separator becomes several messages, e.g. --split-messages '!@@@!'")
    .option('--timezone <zone>', 'zone for times that carry none (default: config timezone, else Asia/Shanghai)')
    .option('--agent-pattern <regex>', 'in chat records without roles (千牛), sender names that match are agents');
}

function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command('supportlint')
    .description('Lint customer-support conversations: blame-shifting, missing empathy, missing next steps, robot replies, slow responses.')
    .version(toolVersion(), '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run supportlint --help for usage)');

  const lint = addReadOptions(
    program
      .command('lint', { isDefault: true })
      .description('lint transcript exports and print findings')
      .argument('[paths...]', 'files, folders or globs; - reads standard input'),
  )
    .option('--quiet', 'report errors only')
    .option('--rule <id>', 'run only these rules (repeatable, or comma-separated)', collect)
    .option('--agent <name>', 'show only findings attributed to these agents (repeatable)', collect)
    .addOption(new Option('--locale <locale>', 'script of the messages; default follows the input').choices(['zh-Hans', 'zh-Hant']))
    .option('--strict', 'exit 2 when any record was skipped')
    .option('--print-config', 'print the merged configuration and exit')
    .option('--baseline <file>', 'ignore the findings recorded in this baseline (per conversation and rule); only new ones count')
    .option('--update-baseline', 'write the current findings to the --baseline file and exit 0')
    .option('--redact', 'pseudonyms for conversation ids, agents and channels; mask phones, ID and card numbers, e-mails, WeChat/QQ ids and names in excerpts and messages, in every format (key: SUPPORTLINT_REDACT_KEY or redact.key)')
    .option('--redact-keep-agents', 'with --redact, show agent names as they are')
    .option('--concurrency <n>', 'lint threads: auto (one per core beyond the first, for inputs over 4 MB), off, or a number', parseConcurrencyOption)
    .option('--since <date>', 'only conversations that start on or after this day (YYYY-MM-DD, in the time zone); the others are counted as filtered')
    .option('--until <date>', 'only conversations that start on or before this day')
    .option('--no-collapse', 'show every hit of a rule in a conversation, instead of one finding with a count')
    .option('--waivers <file>', `waived findings (申诉/豁免), default ${WAIVERS_FILE} beside the configuration or here`);
  addReportOptions(lint).action(async (paths: string[], options: LintOptions) => setExitCode(await runLint(paths, options, io)));

  registerRulesCommand(program, io, setExitCode);
  registerInitCommand(program, io, setExitCode);
  registerConvertCommand(program, io, setExitCode);
  registerRepliesCommand(program, io, setExitCode);
  registerEvalCommand(program, io, setExitCode);
  registerReportCommand(program, io, setExitCode);
  return program;
}

/** Runs the command line and returns the exit code. Never throws at the user, never exits the process. */
export async function run(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage mistakes were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof LinterUnavailableError) {
      io.stderr(`supportlint: 检查线程无法启动：${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof LexiconSpecError || error instanceof UnsafeRegexError || error instanceof UnknownFormatError || error instanceof GlobPatternError) {
      const label = error instanceof ConfigError ? 'configuration problem' : error instanceof LexiconSpecError || error instanceof UnsafeRegexError ? 'phrase list problem' : 'error';
      io.stderr(`supportlint: ${label}:\n${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`supportlint: unexpected failure: ${message}\nThis is a bug in supportlint. Run again with SUPPORTLINT_DEBUG=1 for details and report it.\n`);
    if (io.env.SUPPORTLINT_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}
