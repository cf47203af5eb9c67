import type { Supportlint } from '../api/supportlint.js';
import type { FormatterContext, MeasuredWith, RuleSummary } from '../formatters/formatter.js';
import { BINARY_FORMATS, FORMATTERS } from '../formatters/index.js';
import { t } from '../i18n/index.js';
import type { LintSummary } from '../runner/summary.js';
import { useColor, type CliIO } from './io.js';
import type { ReportOptions } from './options.js';
import { assertDistinctOutputs, assertOutputsAreNotInputs, parseOutputSpecs, refuseBinaryOnTerminal, Reports } from './output.js';

/** Opens every requested report for a run, none of them onto an input. Colour only goes to a terminal. */
export async function openReports(
  linter: Supportlint,
  options: ReportOptions,
  run: { rules: readonly RuleSummary[]; command: FormatterContext['command']; inputs: readonly string[]; measuredWith?: MeasuredWith },
  io: CliIO,
): Promise<Reports> {
  const specs = parseOutputSpecs(options.format ?? [], options.output, Object.keys(FORMATTERS));
  refuseBinaryOnTerminal(specs, BINARY_FORMATS, io.stdoutIsTTY);
  assertDistinctOutputs(specs.map((spec) => spec.file), io.cwd);
  for (const spec of specs) assertOutputsAreNotInputs([spec.file], run.inputs, io.cwd, spec.file === options.output ? '--output' : `--format ${spec.format}:${spec.file}`);
  const base = await linter.formatterContext({ rules: run.rules, command: run.command, measuredWith: run.measuredWith });
  return new Reports(specs, (name) => FORMATTERS[name]!(), (spec) => ({ ...base, color: useColor(io, options.color) && spec.file === undefined }), io);
}

/**
 * The exit code once a run is over: 1 for errors, for warnings with --fail-on warn, or for more
 * warnings than --max-warnings; otherwise 0. Where the reports were written never matters.
 */
export function findingsExitCode(summary: LintSummary, options: ReportOptions, io: CliIO): number {
  if (summary.errors > 0) return 1;
  if (options.failOn === 'warn' && summary.warnings > 0) {
    io.stderr(`${t('run.failOnWarn', { warnings: summary.warnings })}\n`);
    return 1;
  }
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    io.stderr(`${t('run.maxWarnings', { warnings: summary.warnings, max: options.maxWarnings })}\n`);
    return 1;
  }
  return 0;
}
