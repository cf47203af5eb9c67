import path from 'node:path';
import { Readable } from 'node:stream';
import { BUILTIN_RULES } from '../../rules/index.js';
import type { AdapterOptions } from '../adapters/adapter.js';
import { configFilesIn, loadConfig, scriptConfigsIn } from '../config/load.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { ConversationResult, LintSettings, Locale } from '../engine/lint.js';
import type { Conversation } from '../model/conversation.js';
import { lintConversation } from '../engine/lint.js';
import type { FormatterContext, MeasuredWith, RuleSummary } from '../formatters/formatter.js';
import { FORMATTERS } from '../formatters/index.js';
import { resultForJson } from '../formatters/json.js';
import { closest } from '../i18n/did-you-mean.js';
import { list, setUiLocale, t, type UiLocale } from '../i18n/index.js';
import { findInputFiles } from '../io/find-files.js';
import type { InputSource } from '../io/input.js';
import { compileUserRegex } from '../lexicon/user-regex.js';
import { ReportBuilder } from '../report/build.js';
import { REPORT_FORMATS } from '../report/formats/index.js';
import type { GroupBy, PeriodUnit, ReportData } from '../report/model.js';
import type { ReportInput } from '../report/score.js';
import { ruleDocsUrl } from '../rule-docs.js';
import { dateFilter, lintFiles, readInputs } from '../runner/lint-files.js';
import type { DateRange } from '../time/date-range.js';
export type { InputOptions } from '../runner/settings.js';
export { readOptionsFrom } from '../runner/settings.js';
import type { WaiverRun } from '../runner/waivers.js';
import { createLinter, type Concurrency } from '../runner/linter.js';
import { inputSize } from '../io/input-size.js';
import { readLintJsonInputs } from '../runner/lint-json-inputs.js';
import { REDACT_KEY_ENV, Redactor, type RedactionSettings } from '../runner/redaction.js';
import { keyFingerprint } from '../text/pseudonym.js';
import { buildLintSettings, readOptionsFrom, type InputOptions } from '../runner/settings.js';
import { addResult, emptySummary, type LintSummary } from '../runner/summary.js';
import { isShareableTopic } from '../text/redact.js';
import { isValidTimezone } from '../time/instant.js';
import { toolVersion } from '../package-root.js';
import { NoInputError, UsageError } from './errors.js';

export interface SupportlintOptions {
  /** Paths are resolved from here, and configuration is searched from here up. Default: process.cwd(). */
  cwd?: string;
  /** A configuration file to use instead of searching for .supportlintrc.*. */
  configFile?: string;
  /** The zone of times written without one, over the configuration's `timezone`. */
  timezone?: string;
  /**
   * Run only these rules. As ESLint's `--rule` does, a rule the configuration leaves off is turned
   * on at its default severity.
   */
  rules?: readonly string[];
  /**
   * The language of messages: zh-Hans (default), zh-Hant or en. zh-Hans and zh-Hant also fix the
   * script of findings, which otherwise follows each conversation; with en findings stay Chinese.
   */
  locale?: UiLocale;
  input?: InputOptions;
  /** Called with notes about the configuration (a script configuration file left unread), one line each. */
  onNote?: (text: string) => void;
}

/** A finished run over files: its results (unless they were handed to `onResult`) and its counts. */
export interface LintRun {
  results: ConversationResult[];
  summary: LintSummary;
  /** The files that were read, after folders and globs were expanded and ignored files dropped. */
  files: string[];
}

export interface LintFilesOptions {
  /**
   * Receives each conversation's result as soon as it is linted. Results given to it are not kept
   * in `LintRun.results`, so memory stays flat on large exports. It may return the result as the
   * caller keeps it (filtered, suppressed, redacted): that is what the summary counts.
   */
  onResult?: (result: ConversationResult) => ConversationResult | void | Promise<ConversationResult | void>;
  /** Measure what the IQS report needs (response times, topics), as `lint -f json` does. */
  metrics?: boolean;
  /** Lint threads: `auto` (the default), `off`, or a number (see src/runner/linter.ts). */
  concurrency?: Concurrency;
  /**
   * Conversations to lint; the others are counted in `summary.filtered`. A test of your own is
   * applied in this thread, so files are then read one after another.
   */
  accept?: (conversation: Conversation) => boolean;
  /** Lint only conversations that start in this range of local dates (--since/--until), in the configured zone. */
  dates?: DateRange;
}

export interface ReportRequest {
  period?: PeriodUnit;
  by?: GroupBy;
  /** Inclusive local dates, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /** Pseudonyms and masks in every quote (see README, Redaction). */
  redact?: RedactionSettings;
  /** Called once per conversation read, for a progress display. */
  onConversation?: () => void;
  /** Waived findings (申诉/豁免): left out of IQS and counted apart. */
  waivers?: WaiverRun;
}

export interface ReportRun {
  /** Absent when no conversation could be read: there is nothing to report (see `summary`). */
  data?: ReportData;
  summary: LintSummary;
  files: string[];
}

/**
 * supportlint as a library, in the manner of ESLint's `ESLint` class: one object per configuration,
 * with async methods to load the configuration, resolve inputs, lint files or text, format results
 * and build the IQS report. The command line is a thin layer over it.
 *
 * ```ts
 * const linter = new Supportlint({ cwd: 'exports' });
 * const { results, summary } = await linter.lintFiles(['2026-11/*.csv']);
 * console.log(await linter.formatResults(results, summary, 'stylish'));
 * ```
 */
export class Supportlint {
  /** Symbolic links inputFiles() matched and did not follow, until a run takes them to report. */
  private linksNotFollowed: string[] = [];

  readonly cwd: string;
  private readonly options: SupportlintOptions;
  private config?: Promise<ResolvedConfig>;

  constructor(options: SupportlintOptions = {}) {
    this.options = options;
    this.cwd = options.cwd ?? process.cwd();
    if (options.locale) setUiLocale(options.locale);
    if (options.timezone !== undefined && !isValidTimezone(options.timezone)) throw new UsageError(t('option.timezone', { value: options.timezone }));
    if (options.input?.agentPattern !== undefined) {
      try {
        compileUserRegex(options.input.agentPattern, '--agent-pattern');
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    }
  }

  /** The merged configuration: presets, files and `extends`, validated, with this object's options over it. */
  loadConfig(): Promise<ResolvedConfig> {
    this.config ??= loadConfig({ configFile: this.options.configFile, cwd: this.cwd }).then(async (config) => {
      if (this.options.timezone) config.timezone = this.options.timezone;
      if (!this.options.configFile && this.options.onNote) {
        const source = config.sources.at(-1) ?? 'supportlint:recommended';
        const used = source.startsWith('supportlint:') ? source : path.relative(this.cwd, source) || source;
        for (const file of await scriptConfigsIn(this.cwd)) this.options.onNote(t('config.scriptIgnored', { file, used }));
        // Two configurations in one folder: the search reads the first, and the other, which
        // reviewers may be reading, silently gates nothing.
        const beside = source.startsWith('supportlint:') ? [] : await configFilesIn(path.dirname(source));
        if (beside.length > 1) {
          const shown = (file: string) => path.relative(this.cwd, file) || file;
          this.options.onNote(t('config.severalInFolder', { used: shown(beside[0]!), unused: list(beside.slice(1).map(shown)) }));
        }
      }
      return config;
    });
    return this.config;
  }

  /** The rules to run and what they need, ready for the engine. `scope: 'message'` keeps the rules that judge one message. */
  async lintSettings(options: { metrics?: boolean; scope?: 'message' } = {}): Promise<LintSettings> {
    const config = await this.loadConfig();
    const only = this.options.rules?.length ? [...this.options.rules] : undefined;
    const settings = buildLintSettings(only ? withRulesOn(config, only) : config, { onlyRules: only, locale: this.scriptLocale() });
    if (options.scope) settings.rules = settings.rules.filter((r) => r.rule.meta.scope === options.scope);
    settings.metrics = Boolean(options.metrics);
    return settings;
  }

  /** The rules that run, as formatters describe them. */
  async rules(options: { scope?: 'message' } = {}): Promise<RuleSummary[]> {
    return ruleSummaries(await this.lintSettings(options));
  }

  /**
   * Expands paths, folders and globs into the files to read, minus ignored ones. `-` is standard
   * input. `missing` lists the arguments that matched nothing, with the reason.
   */
  async resolveInputs(patterns: readonly string[], options: { extensions?: readonly string[] } = {}): Promise<{ files: string[]; missing: Array<{ pattern: string; reason: string }>; links: string[] }> {
    if (patterns.length === 0) throw new UsageError(t('input.none'));
    const config = await this.loadConfig();
    return findInputFiles(patterns, { cwd: this.cwd, ignore: config.ignore, extensions: options.extensions });
  }

  /** The symbolic links the last inputFiles() call matched and did not follow, handed over once, to be reported as unread. */
  takeLinksNotFollowed(): string[] {
    const links = this.linksNotFollowed;
    this.linksNotFollowed = [];
    return links;
  }

  /** The links takeLinksNotFollowed hands over, as inputs a run could not read. */
  private countLinksNotFollowed(summary: LintSummary): void {
    for (const link of this.takeLinksNotFollowed()) summary.unreadableFiles.push({ location: { file: link }, reason: t('input.linkNotFollowed') });
  }

  /** Like resolveInputs, but a path or glob that matches nothing is an error (NoInputError), as in ESLint. */
  async inputFiles(patterns: readonly string[], options: { extensions?: readonly string[] } = {}): Promise<string[]> {
    const { files, missing, links } = await this.resolveInputs(patterns, options);
    // Kept until a run takes them: a command may resolve its inputs again from the files found.
    for (const link of links) if (!this.linksNotFollowed.includes(link)) this.linksNotFollowed.push(link);
    if (missing.length > 0) {
      throw new NoInputError(missing.map((m) => t('input.missing', { pattern: m.pattern, reason: m.reason })).join('\n'), missing);
    }
    return files;
  }

  /** What `readInputs` needs: the configuration's `input` key, with this object's input options over it. */
  async readOptions(): Promise<AdapterOptions & { format?: string; cwd: string }> {
    return readOptionsFrom(await this.loadConfig(), this.options.input ?? {}, this.cwd);
  }

  /**
   * Reads and lints files, folders and globs. Unreadable inputs and skipped records are counted in
   * the summary (read = used + skipped) and the rest goes on; a pattern that matches nothing throws.
   */
  async lintFiles(patterns: readonly string[], options: LintFilesOptions = {}): Promise<LintRun> {
    const files = await this.inputFiles(patterns);
    return this.lintResolvedFiles(files, options);
  }

  /** lintFiles for files resolveInputs or inputFiles returned already. */
  async lintResolvedFiles(files: readonly string[], options: LintFilesOptions & { summary?: LintSummary; stdin?: InputSource } = {}): Promise<LintRun> {
    const settings = await this.lintSettings({ metrics: options.metrics });
    const summary = options.summary ?? emptySummary();
    // Links a folder or glob matched are not read: counted as unreadable, so --strict fails on them.
    this.countLinksNotFollowed(summary);
    const results: ConversationResult[] = [];
    const config = await this.loadConfig();
    const only = this.options.rules?.length ? [...this.options.rules] : undefined;
    const linter = createLinter(
      {
        config: only ? withRulesOn(config, only) : config,
        onlyRules: only,
        locale: this.scriptLocale(),
        metrics: settings.metrics,
        concurrency: options.concurrency ?? 'auto',
        inputSize: inputSize(files, this.cwd),
        read: { input: this.options.input ?? {}, cwd: this.cwd },
      },
      settings,
    );
    const byDate = options.dates && dateFilter(options.dates, config.timezone);
    const selection = options.accept ?? (byDate ? { accept: byDate, dates: { ...options.dates, timezone: config.timezone } } : undefined);
    await lintFiles(files, { ...(await this.readOptions()), stdin: options.stdin }, linter, summary, async (result) => {
      if (options.onResult) addResult(summary, (await options.onResult(result)) ?? result);
      else {
        addResult(summary, result);
        results.push(result);
      }
    }, selection);
    return { results, summary, files: [...files] };
  }

  /**
   * Lints an export held in memory, in any supported format (detected, or the configured one).
   * `filePath` names it in findings and decides detection by extension, e.g. `chats.csv`.
   */
  async lintText(text: string, options: { filePath?: string; metrics?: boolean } = {}): Promise<LintRun> {
    const name = options.filePath ?? '<text>';
    const source: InputSource = { name, encoding: 'utf8', head: text.slice(0, 64 * 1024), text: () => Readable.from([text]) };
    const settings = await this.lintSettings({ metrics: options.metrics });
    const summary = emptySummary();
    const results: ConversationResult[] = [];
    await readInputs(['-'], { ...(await this.readOptions()), stdin: source }, summary, {
      onConversation(conversation) {
        const result = lintConversation(conversation, settings);
        addResult(summary, result);
        results.push(result);
      },
    });
    return { results, summary, files: [name] };
  }

  /** The names formatResults takes. */
  static formatterNames(): string[] {
    return Object.keys(FORMATTERS);
  }

  /** Results as one of the lint output formats (stylish, json, sarif …), as `lint -f <name>` prints them. */
  async formatResults(results: readonly ConversationResult[], summary: LintSummary, format = 'stylish', context: Partial<FormatterContext> = {}): Promise<string> {
    const make = FORMATTERS[format];
    if (!make) throw new UsageError(t('option.format', { value: format, known: list(Object.keys(FORMATTERS)) }));
    const formatter = make();
    const full = await this.formatterContext(context);
    return [formatter.start?.(full) ?? '', ...results.map((r) => formatter.result(r, full)), formatter.end(summary, full)].join('');
  }

  /** What a formatter needs to know about this run. */
  async formatterContext(context: Partial<FormatterContext> = {}): Promise<FormatterContext> {
    const config = await this.loadConfig();
    return {
      toolVersion: toolVersion(),
      rules: context.rules ?? (await this.rules()),
      command: 'lint',
      color: false,
      timezone: config.timezone,
      cwd: this.cwd,
      ...context,
    };
  }

  /**
   * What the measurements of a run depend on; `filtered` when findings were left out, `redacted`
   * with the key's fingerprint under --redact (`redactKey`, the pseudonym key).
   */
  async measuredWith(filtered: boolean, redactKey?: string): Promise<MeasuredWith> {
    const config = await this.loadConfig();
    const calendar = { timezone: config.timezone, businessHours: config.businessHours ?? null, holidays: [...config.holidays].sort(), filtered };
    return redactKey === undefined ? { ...calendar, redacted: false } : { ...calendar, redacted: true, redactKey: keyFingerprint(redactKey) };
  }

  /**
   * Scores transcripts, or the JSON of earlier `lint -f json` runs (shards are merged), into the IQS
   * report. The records are counted as lintFiles counts them.
   */
  async buildReport(patterns: readonly string[], request: ReportRequest = {}): Promise<ReportRun> {
    const config = await this.loadConfig();
    const files = await this.inputFiles(patterns);
    const redactor = request.redact ? new Redactor(request.redact) : undefined;
    const customTitles = new Map(Object.keys(config.customRules).map((id) => [id, id]));
    const builder = new ReportBuilder({
      period: request.period ?? 'week',
      by: request.by ?? 'agent',
      timezone: config.timezone,
      since: request.since,
      until: request.until,
      scorecard: config.scoring,
      businessHours: Boolean(config.businessHours?.length),
      teams: config.teams,
      redact: redactor ? { input: (input) => redactor.reportInput(input), agent: (name) => redactor.agent(name) } : undefined,
      shareableTopic: redactor ? isShareableTopic : undefined,
      ruleTitle: (id) => BUILTIN_RULES.get(id)?.meta.title ?? customTitles.get(id) ?? id,
      toolVersion: toolVersion(),
    });
    const summary = emptySummary();
    this.countLinksNotFollowed(summary);
    const waivers = request.waivers;
    const { transcripts, stdin, redactedShards, plainShards } = await readLintJsonInputs(files, { cwd: this.cwd, measuredWith: await this.measuredWith(false, redactor?.settings.key) }, summary, (input) => {
      request.onConversation?.();
      if (!waivers) {
        builder.add(input);
        return;
      }
      // A shard linted before a waiver was written gets it here. Findings the lint run waived already
      // are matched too, so that their waivers count as used (not stale), and stay waived either way.
      const earlier = new Set(input.waived ?? []);
      const { kept, waived } = waivers.split(input.conversationId, [...input.findings, ...earlier]);
      builder.add({ ...input, findings: kept.filter((f) => !earlier.has(f)), waived: [...waived, ...kept.filter((f) => earlier.has(f))] });
    });
    // Pseudonyms beside the names they stand for would count each conversation twice and say whose
    // pseudonym is whose: redacted shards merge with other inputs only in a redacted report.
    const fileList = (shards: ReadonlyArray<{ file: string }>) => shards.slice(0, 3).map((shard) => shard.file).join('、') + (shards.length > 3 ? '…' : '');
    if (!redactor && redactedShards.length > 0 && (plainShards > 0 || transcripts.length > 0)) {
      throw new UsageError(t('report.shard.redactedMix', { files: fileList(redactedShards) }));
    }
    // Pseudonyms made with different keys never match: the same conversation or agent would count
    // as two. Shards of one key merge with each other, and with transcripts in a report of that key.
    const keys = new Set(redactedShards.flatMap((shard) => (shard.keyFingerprint ? [shard.keyFingerprint] : [])));
    const reportKey = redactor ? keyFingerprint(redactor.settings.key) : undefined;
    const otherKey = redactedShards.filter((shard) => shard.keyFingerprint !== undefined && shard.keyFingerprint !== [...keys][0]);
    if (otherKey.length > 0) throw new UsageError(t('report.shard.keysDiffer', { files: fileList(otherKey), first: fileList(redactedShards.filter((shard) => shard.keyFingerprint === [...keys][0]).slice(0, 1)) }));
    if (reportKey !== undefined && (plainShards > 0 || transcripts.length > 0)) {
      const notThisKey = redactedShards.filter((shard) => shard.keyFingerprint !== undefined && shard.keyFingerprint !== reportKey);
      if (notThisKey.length > 0) throw new UsageError(t('report.shard.otherKey', { files: fileList(notThisKey), env: REDACT_KEY_ENV }));
    }
    await this.lintResolvedFiles(transcripts, {
      metrics: true,
      summary,
      stdin,
      onResult: (result) => {
        request.onConversation?.();
        builder.add({ ...(resultForJson(waivers ? waivers.apply(result) : result) as ReportInput), ...(result.customers ? { customers: result.customers } : {}) });
      },
    });
    const shown = redactor ? redactor.summary(summary) : summary;
    const built = summary.conversations === 0 ? undefined : builder.finish({ ...summary.records });
    const data = built && redactor ? redactor.lateCitations(built) : built;
    return { data, summary: shown, files };
  }

  /** The names formatReport takes. */
  static reportFormatNames(): string[] {
    return Object.keys(REPORT_FORMATS);
  }

  /** A report as html, markdown, csv or json. */
  formatReport(data: ReportData, format = 'markdown'): string {
    const render = REPORT_FORMATS[format];
    if (!render) throw new UsageError(t('option.format', { value: format, known: list(Object.keys(REPORT_FORMATS)) }));
    return render(data);
  }

  /** The script findings are written in: forced by zh-Hans / zh-Hant, else each conversation's own. */
  private scriptLocale(): Locale | undefined {
    const locale = this.options.locale;
    return locale === 'zh-Hans' || locale === 'zh-Hant' ? locale : undefined;
  }
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

/**
 * The rule a name that is no rule id most likely means: the built-in rule whose Chinese title it
 * is or is part of (`推诿` → blame-shifting), else the nearest id by spelling.
 */
export function nearestRuleId(name: string, customIds: readonly string[]): string | undefined {
  const wanted = name.trim();
  if (wanted !== '') {
    for (const [id, rule] of BUILTIN_RULES) if (rule.meta.title === wanted) return id;
    for (const [id, rule] of BUILTIN_RULES) if (/\p{Script=Han}/u.test(wanted) && rule.meta.title.includes(wanted)) return id;
  }
  return closest(name, [...BUILTIN_RULES.keys(), ...customIds]);
}

/**
 * The configuration with the named rules on, as ESLint's `--rule` turns a rule on: a rule that is
 * off, or not mentioned, runs at its default severity with the options configured for it. A name
 * that is no rule is refused, with the nearest rule id.
 */
export function withRulesOn(config: ResolvedConfig, ids: readonly string[]): ResolvedConfig {
  const known = [...BUILTIN_RULES.keys(), ...Object.keys(config.customRules)];
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(unknown.map((id) => {
      const near = nearestRuleId(id, Object.keys(config.customRules));
      return near ? t('rule.unknownNear', { source: '--rule', id, near }) : t('rule.unknown', { source: '--rule', id });
    }).join('\n'));
  }
  const rules = { ...config.rules };
  for (const id of ids) {
    const setting = rules[id];
    const severity = BUILTIN_RULES.get(id)?.meta.defaultSeverity ?? config.customRules[id]?.severity ?? 'warn';
    if (setting === undefined) {
      if (BUILTIN_RULES.has(id)) rules[id] = severity;
    } else if (setting === 'off') rules[id] = severity;
    else if (Array.isArray(setting) && setting[0] === 'off') rules[id] = setting[1] ? [severity, setting[1]] : severity;
  }
  return { ...config, rules };
}
