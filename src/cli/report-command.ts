import type { Command } from 'commander';
import { Chalk } from 'chalk';
import type { GroupBy, PeriodUnit } from '../report/model.js';
import { formatForFile, REPORT_FORMATS } from '../report/formats/index.js';
import { inputProblemLines } from '../formatters/stylish.js';
import { redactionSettings, type RedactionSettings } from '../runner/redaction.js';
import { ruleFailureLines, unrecognisedInputsLine } from '../runner/summary.js';
import { localDate } from '../report/periods.js';
import { list, t } from '../i18n/index.js';
import { dateRangeProblem } from '../time/date-range.js';
import { WaiverRun, WAIVERS_FILE } from '../runner/waivers.js';
import { UsageError } from './errors.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReadOptions, choiceOption, supportlintFor, type CommonReadOptions } from './options.js';
import { assertOutputsAreNotInputs, filesTheRunReads, openSink } from './output.js';
import { startProgress } from './progress.js';

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

async function runReport(paths: string[], options: ReportCommandOptions, io: CliIO): Promise<number> {
  const badRange = dateRangeProblem(options);
  if (badRange) throw new UsageError(badRange);
  const fromFile = formatForFile(options.output);
  if (!options.format && options.output && !fromFile) throw new UsageError(t('report.formatFromFile', { file: options.output }));
  const formatName = options.format ?? fromFile ?? 'markdown';
  if (!REPORT_FORMATS[formatName]) throw new UsageError(t('option.format', { value: formatName, known: list(Object.keys(REPORT_FORMATS)) }));

  const linter = supportlintFor(options, io);
  const config = await linter.loadConfig();
  let redact: RedactionSettings | undefined;
  if (options.redact) {
    const { settings, warning } = redactionSettings(config.redact, io.env, options.redactKeepAgents || undefined);
    if (warning) io.stderr(warning);
    redact = settings;
  }
  const files = await linter.inputFiles(paths);
  const waivers = await WaiverRun.open(options.waivers, config, io.cwd);
  assertOutputsAreNotInputs([options.output], [...files, ...filesTheRunReads(io.cwd, config.sources, [waivers.file])], io.cwd);
  const progress = startProgress(io, t('progress.scoring'));
  const { data, summary } = await linter.buildReport(files, {
    period: options.period,
    by: options.by,
    since: options.since,
    until: options.until,
    redact,
    waivers,
    onConversation: () => progress.tick(),
  });
  progress.done();
  waivers.finish(summary, new Set((await linter.rules()).map((rule) => rule.id)), io.stderr);
  const problems = inputProblemLines(summary, new Chalk({ level: useColor(io, options.color) ? 1 : 0 }));
  if (problems.length > 0) io.stderr(`${problems.join('\n')}\n`);
  if (!data) {
    io.stderr(`${t('report.nothingRead')}\n`);
    return 2;
  }
  if (data.inputs.duplicates > 0) {
    const { duplicates, duplicateIds } = data.inputs;
    const more = duplicates > duplicateIds.length ? t('report.duplicatesMore', { count: duplicates - duplicateIds.length }) : '';
    io.stderr(`${t('report.duplicates', { count: duplicates, ids: list(duplicateIds), more })}\n`);
  }
  if (data.inputs.future > 0) {
    io.stderr(`${t('report.future', { count: data.inputs.future, date: localDate(data.inputs.firstFuture!, config.timezone) })}\n`);
  }
  if (data.inputs.early > 0) {
    io.stderr(`${t('report.early', { count: data.inputs.early, date: localDate(data.inputs.firstEarly!, config.timezone), first: data.periods[0]?.start ?? '' })}\n`);
  }
  const { conversations, duplicates, future, early, outOfRange } = data.inputs;
  // What the report's figures cover: each conversation once, in the periods shown.
  const covered = conversations - duplicates - future - early - outOfRange;
  // Conversations were read and none is in the report: left out by --since/--until, or because they
  // started before the trend's first period or after today.
  const nothingCovered = conversations > duplicates && covered === 0;
  if (nothingCovered && outOfRange > 0) {
    const undated = data.inputs.undated > 0 ? t('report.undated', { count: data.inputs.undated }) : '';
    io.stderr(`${t('report.outOfRange', { count: outOfRange, undated })}\n`);
  }
  const sink = openSink(options.output, io);
  await sink.write(linter.formatReport(data, formatName));
  await sink.close();
  if (options.output) io.stderr(`${t('report.wrote', { format: formatName, count: covered, file: options.output })}\n`);
  const failures = ruleFailureLines(summary);
  if (failures.length > 0) {
    io.stderr(`${failures.join('\n')}\n`);
    return 2;
  }
  const unrecognised = unrecognisedInputsLine(summary);
  if (unrecognised) {
    io.stderr(`${unrecognised}\n`);
    return 2;
  }
  // An empty report because of the dates: a mistyped --since or --until must not pass a scheduled job.
  return nothingCovered ? 2 : 0;
}

export function registerReportCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addLocaleOption(addReadOptions(
    program
      .command('report')
      .description(t('report.description'))
      .argument('<paths...>', t('report.paths')),
  ))
    .addOption(choiceOption('--period <unit>', t('report.period'), ['day', 'week', 'month'] as const).default('week'))
    .addOption(choiceOption('--by <group>', t('report.by'), ['agent', 'team', 'channel', 'conversation'] as const).default('agent'))
    .option('--since <date>', t('report.since'))
    .option('--until <date>', t('report.until'))
    .option('-f, --format <name>', t('report.format', { formats: list(Object.keys(REPORT_FORMATS)) }))
    .option('-o, --output <file>', t('report.output'))
    .option('--redact', t('report.redact'))
    .option('--redact-keep-agents', t('lint.redactKeepAgents'))
    .option('--no-color', t('option.noColor.help'))
    .option('--waivers <file>', t('report.waivers', { file: WAIVERS_FILE }))
    .action(async (paths: string[], options: ReportCommandOptions) => setExitCode(await runReport(paths, options, io)));
}
