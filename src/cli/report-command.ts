import { Option, type Command } from 'commander';
import { Chalk } from 'chalk';
import path from 'node:path';
import { dateRangeProblem } from '../time/date-range.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { openFile, openStdin, type InputSource } from '../io/input.js';
import { readInputs } from '../runner/lint-files.js';
import { buildLintSettings } from '../runner/settings.js';
import { emptySummary, recordProblem, recordRuleFailure, ruleFailureLines, type LintSummary } from '../runner/summary.js';
import { lintConversation } from '../engine/lint.js';
import { inputProblemLines } from '../formatters/stylish.js';
import { ReportBuilder } from '../report/build.js';
import { formatForFile, REPORT_FORMATS } from '../report/formats/index.js';
import { readLintJson, supportlintJsonKind } from '../report/lint-json.js';
import type { GroupBy, PeriodUnit } from '../report/model.js';
import type { ReportInput } from '../report/score.js';
import type { MeasuredWith } from '../formatters/formatter.js';
import { resultForJson } from '../formatters/json.js';
import { isShareableTopic } from '../text/redact.js';
import { Redactor, redactionSettings } from '../runner/redaction.js';
import { WaiverRun, WAIVERS_FILE } from '../runner/waivers.js';
import { UsageError } from './errors.js';
import { assertOutputsAreNotInputs, openSink } from './output.js';
import { toolVersion } from './version.js';
import { startProgress } from './progress.js';
import { addReadOptions, loadConfigFor, measuredWith, readOptionsFor, resolveInputs, useColor, type CliIO, type CommonReadOptions } from './index.js';

/** How a shard's lint run differs from this report's configuration, in words. */
function measurementMismatches(shard: Record<string, unknown>, here: MeasuredWith): string[] {
  const problems: string[] = [];
  if (shard.filtered === true) problems.push('it was linted with --quiet, --agent or --rule, which leave findings out: its scores are too high. Lint it again without them');
  if (shard.timezone !== here.timezone) problems.push(`it was linted in time zone ${String(shard.timezone)}, this report uses ${here.timezone}: times were read in the lint run's zone`);
  if (JSON.stringify(shard.businessHours) !== JSON.stringify(here.businessHours) || JSON.stringify(shard.holidays) !== JSON.stringify(here.holidays)) {
    problems.push("it was linted with other business hours or holidays than this configuration: its response times follow the lint run's. Lint it again with the same configuration (-c)");
  }
  return problems;
}

interface ReportCommandOptions extends CommonReadOptions {
  period: PeriodUnit;
  by: GroupBy;
  since?: string;
  until?: string;
  format?: string;
  output?: string;
  redact?: boolean;
  redactKeepAgents?: boolean;
  color?: boolean;
  waivers?: string;
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

async function runReport(paths: string[], options: ReportCommandOptions, io: CliIO): Promise<number> {
  const badRange = dateRangeProblem(options);
  if (badRange) throw new UsageError(badRange);
  const fromFile = formatForFile(options.output);
  if (!options.format && options.output && !fromFile) {
    throw new UsageError(`-o ${options.output}: cannot tell the report format from the file name. Pass -f html, markdown, csv or json.`);
  }
  const formatName = options.format ?? fromFile ?? 'markdown';
  const render = REPORT_FORMATS[formatName];
  if (!render) throw new UsageError(`--format ${formatName}: expected one of ${Object.keys(REPORT_FORMATS).join(', ')}.`);

  const config = await loadConfigFor(options, io);
  const settings = { ...buildLintSettings(config), metrics: true };
  let redactor: Redactor | undefined;
  if (options.redact) {
    const { settings: redaction, warning } = redactionSettings(config.redact, io.env, options.redactKeepAgents || undefined);
    if (warning) io.stderr(warning);
    redactor = new Redactor(redaction);
  }
  const customTitles = new Map(Object.keys(config.customRules).map((id) => [id, id]));
  const builder = new ReportBuilder({
    period: options.period,
    by: options.by,
    timezone: config.timezone,
    since: options.since,
    until: options.until,
    scorecard: config.scoring,
    businessHours: Boolean(config.businessHours?.length),
    teams: config.teams,
    redact: redactor ? { input: (input) => redactor.reportInput(input), agent: (name) => redactor.agent(name) } : undefined,
    shareableTopic: redactor ? isShareableTopic : undefined,
    ruleTitle: (id) => BUILTIN_RULES.get(id)?.meta.title ?? customTitles.get(id) ?? id,
    toolVersion: toolVersion(),
  });

  const waivers = await WaiverRun.open(options.waivers, config, io.cwd);
  const files = await resolveInputs(paths, config, io);
  assertOutputsAreNotInputs([options.output], files, io.cwd);
  const summary: LintSummary = emptySummary();
  const progress = startProgress(io, '评分中');
  const transcripts: string[] = [];
  // `supportlint lint … -f json | supportlint report -`: standard input is spooled once and looked at.
  let stdin: Promise<InputSource> | undefined;
  const openStandardInput = () => (stdin ??= openStdin());
  for (const file of files) {
    const { input, json } = await peek(file, io.cwd, openStandardInput);
    if (json === undefined || !input) {
      transcripts.push(file);
      continue;
    }
    summary.files++;
    if (json.kind === 'report') {
      summary.unreadableFiles.push({ location: { file }, reason: 'this is a supportlint report, which cannot be read again; pass the transcripts, or the output of `supportlint lint --format json`' });
      continue;
    }
    if (json.version !== 1) {
      summary.unreadableFiles.push({ location: { file }, reason: `lint JSON version ${json.version} is not supported by this supportlint (it reads version 1); run lint again with this version` });
      continue;
    }
    // Results of an earlier `lint --format json` run: merged as they are, without linting again.
    for await (const event of readLintJson(input)) {
      // In lint JSON a record is one result: the messages behind it were accounted for by lint.
      if (event.type === 'result') {
        summary.conversations++;
        summary.records.read++;
        summary.records.used++;
        progress.tick();
        // A shard linted before a waiver was written gets it here. Findings the lint run waived already
        // are matched too, so that their waivers count as used (not stale), and stay waived either way.
        const earlier = new Set(event.input.waived ?? []);
        const { kept, waived } = waivers.split(event.input.conversationId, [...event.input.findings, ...earlier]);
        builder.add({ ...event.input, findings: kept.filter((f) => !earlier.has(f)), waived: [...waived, ...kept.filter((f) => earlier.has(f))] });
      } else if (event.type === 'measuredWith') {
        for (const reason of measurementMismatches(event.value, measuredWith(config, false))) recordProblem(summary.warningsAboutInput, { location: { file }, reason });
      } else if (event.type === 'summary') {
        if (event.records.skipped > 0) {
          recordProblem(summary.warningsAboutInput, {
            location: { file },
            reason: `the lint run that wrote this file skipped ${event.records.skipped} of ${event.records.read} records; its results are reported, the skipped records are not`,
          });
        }
      } else {
        summary.records.read++;
        summary.records.skipped++;
        recordProblem(summary.skipped, { location: event.location, reason: event.reason });
      }
    }
  }
  await readInputs(transcripts, { ...readOptionsFor(config, options, io.cwd), stdin: stdin ? await stdin : undefined }, summary, {
    onConversation(conversation) {
      summary.conversations++;
      progress.tick();
      const result = lintConversation(conversation, settings);
      for (const { ruleId, message } of result.ruleErrors ?? []) recordRuleFailure(summary, { ruleId, conversationId: result.conversationId, file: result.file, message });
      builder.add(resultForJson(waivers.apply(result)) as ReportInput);
    },
  });

  progress.done();
  waivers.finish(summary, new Set(settings.rules.map((r) => r.rule.meta.id)), io.stderr);
  const shownSummary = redactor ? redactor.summary(summary) : summary;
  const problems = inputProblemLines(shownSummary, new Chalk({ level: useColor(io, options.color) ? 1 : 0 }));
  if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
  if (summary.conversations === 0) {
    io.stderr('supportlint: no conversation could be read, so there is nothing to report. See the reasons above.\n');
    return 2;
  }
  const data = builder.finish({ ...summary.records });
  if (data.inputs.duplicates > 0) {
    io.stderr(`supportlint: ${data.inputs.duplicates} conversations were read more than once (same id and start time, e.g. overlapping exports); each was counted once.\n`);
  }
  if (data.inputs.outOfRange > 0 && data.inputs.outOfRange === data.inputs.conversations - data.inputs.duplicates) {
    const undated = data.inputs.undated > 0 ? ` (${data.inputs.undated} have no time at all, and never fall within a date range)` : '';
    io.stderr(`supportlint: none of the ${data.inputs.outOfRange} conversations falls within --since/--until${undated}; the report is empty.\n`);
  }
  const sink = openSink(options.output, io);
  await sink.write(render(data));
  await sink.close();
  if (options.output) io.stderr(`supportlint: wrote ${formatName} report of ${data.inputs.conversations} conversations to ${options.output}\n`);
  const failures = ruleFailureLines(shownSummary);
  if (failures.length > 0) {
    io.stderr(`${failures.join('\n')}\n`);
    return 2;
  }
  return 0;
}

export function registerReportCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addReadOptions(
    program
      .command('report')
      .description('score conversations and write the IQS report: per agent, team or channel, per period, with trends')
      .argument('<paths...>', 'transcript exports, or JSON written by `supportlint lint --format json` (sharded runs are merged)'),
  )
    .addOption(new Option('--period <unit>', 'calendar period, in the configured time zone (weeks are ISO weeks)').choices(['day', 'week', 'month']).default('week'))
    .addOption(new Option('--by <group>', 'what to rank and compare').choices(['agent', 'team', 'channel', 'conversation']).default('agent'))
    .option('--since <date>', 'first day to include (YYYY-MM-DD, local to the time zone)')
    .option('--until <date>', 'last day to include; the report describes the period holding it')
    .option('-f, --format <name>', `report format: ${['html', 'markdown', 'csv', 'json'].join(', ')} (default: from --output's extension, else markdown)`)
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--redact', 'pseudonyms for conversation ids, customers, agents and channels; mask phones, ID and card numbers, e-mails, WeChat/QQ ids and names in every quote (key: SUPPORTLINT_REDACT_KEY or redact.key)')
    .option('--redact-keep-agents', 'with --redact, show agent names as they are')
    .option('--no-color', 'no colours in messages, also honoured through NO_COLOR')
    .option('--waivers <file>', `waived findings (申诉/豁免), left out of IQS and counted; default ${WAIVERS_FILE} beside the configuration or here`)
    .action(async (paths: string[], options: ReportCommandOptions) => setExitCode(await runReport(paths, options, io)));
}
