import { KNOWN_ROLE_VALUES_HINT, resolveRole } from '../model/roles.js';
import { Option, type Command } from 'commander';
import { FIELD_NAMES, type AdapterOptions, type FieldName } from '../adapters/adapter.js';
import { ADAPTERS } from '../adapters/index.js';
import { Supportlint, type InputOptions } from '../api/supportlint.js';
import { closest } from '../i18n/did-you-mean.js';
import { list, setUiLocale, t, UI_LOCALES, type UiLocale } from '../i18n/index.js';
import { FORMATTERS } from '../formatters/index.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

/**
 * The options the commands share, declared once here: how inputs are read, where reports go and
 * when a run fails, the language. Each command file declares only the options of its own.
 */

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

/** Options every command that reports findings shares: where reports go and when the run fails. */
export interface ReportOptions {
  format?: string[];
  output?: string;
  maxWarnings?: number;
  failOn?: 'warn' | 'error';
  color?: boolean;
}

const FIELD_ENTRY = /^([A-Za-z]+)=(.+)$/;

function fieldName(entry: string, option: string, name: string | undefined): FieldName {
  if (name !== undefined && (FIELD_NAMES as readonly string[]).includes(name)) return name as FieldName;
  const near = name === undefined ? undefined : closest(name, FIELD_NAMES);
  const hint = near ? t('common.didYouMean', { name: near }) : '';
  throw new UsageError(t(option === '--map' ? 'option.map' : 'option.mapValues', { entry, fields: list(FIELD_NAMES) }) + hint);
}

/** `--map text=内容 --map role=发送方` → {text: '内容', role: '发送方'}; `--map text=7` names the 7th column. */
export function parseFieldMap(entries: readonly string[] = []): Partial<Record<FieldName, string>> {
  const map: Partial<Record<FieldName, string>> = {};
  for (const entry of entries) {
    const match = FIELD_ENTRY.exec(entry);
    const field = fieldName(entry, '--map', match?.[1]);
    const column = match![2]!;
    // Columns count from 1, as spreadsheets number them: 0 or a negative number names no column.
    if (/^[-+]?\d+$/.test(column.trim()) && Number(column) < 1) throw new UsageError(t('option.mapColumn', { entry }));
    // The later one would win silently, and the first column the user named would not be read.
    const earlier = map[field];
    if (earlier !== undefined && earlier !== column) throw new UsageError(t('option.mapTwice', { field, first: earlier, second: column }));
    map[field] = column;
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
    const match = FIELD_ENTRY.exec(entry);
    const field = fieldName(entry, '--map-values', match?.[1]);
    const pairs = match![2]!.split(',').map((pair) => pair.trim()).filter(Boolean);
    if (pairs.length === 0 || !pairs.every((pair) => /^.+:[^:]+$/.test(pair))) throw new UsageError(t('option.mapValues', { entry, fields: list(FIELD_NAMES) }));
    const values = (map[field] ??= Object.create(null) as Record<string, string>);
    for (const pair of pairs) {
      const colon = pair.lastIndexOf(':');
      const target = pair.slice(colon + 1).trim();
      // A role mapped to anything but a role would skip every row it matches as "unknown role".
      if (field === 'role' && resolveRole(target) === undefined) throw new UsageError(t('option.mapValuesRole', { entry, value: target, roles: KNOWN_ROLE_VALUES_HINT }));
      values[pair.slice(0, colon).trim()] = target;
    }
  }
  return map;
}

/** A parser for an option that takes a whole number of at least `min`. */
export function wholeNumber(flag: string, min = 0): (value: string) => number {
  return (value) => {
    // Digits only: Number() would also read 0x10, 1e3 and 0b1.
    const parsed = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(parsed) || parsed < min) throw new UsageError(t('option.wholeNumber', { flag, value, min }));
    return parsed;
  };
}

/** A parser for an option that takes one of a few words, with the nearest one when it is mistyped. */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    const near = closest(value, choices);
    throw new UsageError(t('option.oneOf', { flag, value, choices: list(choices) }) + (near ? t('common.didYouMean', { name: near }) : ''));
  };
}

/** A parser for an option whose value may not be empty. */
export function nonEmpty(flag: string, example: string): (value: string) => string {
  return (value) => {
    if (value === '') throw new UsageError(t('option.empty', { flag, example }));
    return value;
  };
}

/** An option with a fixed set of values: the help lists them, and a mistyped one gets a suggestion. */
export function choiceOption<T extends string>(flags: string, description: string, choices: readonly T[]): Option {
  const flag = flags.split(/[ ,]+/).find((f) => f.startsWith('--'))!;
  return new Option(flags, description).choices(choices).argParser(oneOf(flag, choices));
}

/** Repeatable, comma-separated values. */
export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
/**
 * Repeatable, comma-separated values, none of which may be empty: `--rule ''` (an unset shell
 * variable) named no rule, and the run went on with every rule as if nothing had been asked.
 */
export function collectNonEmpty(flag: string, example: string): (value: string, previous?: string[]) => string[] {
  return (value, previous = []) => {
    const values = collect(value);
    if (values.length === 0) throw new UsageError(t('option.empty', { flag, example }));
    return [...previous, ...values];
  };
}
/** Repeatable values, each taken whole. */
export const repeat = (value: string, previous: string[] = []) => [...previous, value];

/** --locale, on the program and on every command, so that it may stand anywhere. */
export function addLocaleOption(command: Command): Command {
  return command.addOption(choiceOption('--locale <locale>', t('option.locale.help'), UI_LOCALES));
}

export function addReadOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', t('option.config.help'))
    .addOption(choiceOption('--input-format <name>', t('option.inputFormat.help'), ADAPTERS.map((a) => a.name)))
    .option('--map <field=column>', t('option.map.help'), collect)
    .option('--map-values <field=raw:value,...>', t('option.mapValues.help'), repeat)
    .option('--no-header', t('option.noHeader.help'))
    .option('--split-messages <separator>', t('option.splitMessages.help'), nonEmpty('--split-messages', "--split-messages '!@@@!'"))
    .option('--timezone <zone>', t('option.timezone.help'))
    .option('--agent-pattern <regex>', t('option.agentPattern.help'));
}

/** Adds the report options to a command. */
export function addReportOptions(command: Command): Command {
  return command
    .option('-f, --format <name[:file]>', t('option.format.help', { formats: list(Object.keys(FORMATTERS)) }), repeat)
    .option('-o, --output <file>', t('option.output.help'))
    .option('--max-warnings <n>', t('option.maxWarnings.help'), wholeNumber('--max-warnings'))
    .addOption(choiceOption('--fail-on <severity>', t('option.failOn.help'), ['warn', 'error'] as const).default('error'))
    .option('--no-color', t('option.noColor.help'));
}

/** How the read options of the command line are given to the API. */
export function inputOptions(options: CommonReadOptions): InputOptions {
  return {
    format: options.inputFormat,
    fieldMap: parseFieldMap(options.map),
    valueMap: parseValueMap(options.mapValues),
    header: options.header === false ? false : undefined,
    splitMessages: options.splitMessages,
    agentPattern: options.agentPattern,
  };
}

let chosenLocale: UiLocale | undefined;

/**
 * The --locale of this run, wherever it stood on the command line (before or after the command),
 * or undefined: messages are then in zh-Hans and findings follow each conversation's script.
 */
export function chooseLocale(locale: UiLocale | undefined): void {
  chosenLocale = locale;
  setUiLocale(locale ?? 'zh-Hans');
}

/** The API object for one run of a command. */
export function supportlintFor(options: CommonReadOptions & { rule?: string[] }, io: CliIO): Supportlint {
  return new Supportlint({
    cwd: io.cwd,
    configFile: options.config,
    timezone: options.timezone,
    rules: options.rule,
    locale: chosenLocale,
    input: inputOptions(options),
    onNote: (text) => io.stderr(`${text}\n`),
  });
}
