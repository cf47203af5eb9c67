import { configuredRules, type ResolvedConfig } from '../config/resolve.js';
import type { LintSettings, Locale } from '../engine/lint.js';
import { loadLexicons } from '../lexicon/load.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { compileUserRegex } from '../lexicon/user-regex.js';
import { addDictionaryWords, jiebaSegmenter } from '../text/jieba.js';
import { DEFAULT_SESSION_GAP_MINUTES, type AdapterOptions, type FieldName } from '../adapters/adapter.js';

/**
 * Turns resolved configuration into what the engine and the readers need. Phrase lists and the
 * segmenter's dictionary (src/text/jieba.ts) load on first use: a run whose linting happens in lint threads never
 * loads them in the thread that reads. A configuration that changes the phrase lists has them
 * loaded at once, so that a mistake in it is reported before any input is read.
 */
export function buildLintSettings(config: ResolvedConfig, options: { onlyRules?: string[]; locale?: Locale } = {}): LintSettings {
  const rules = configuredRules(config, options.onlyRules);
  let lexicons: Map<string, Lexicon> | undefined;
  if (config.dictionaryWords.length > 0) addDictionaryWords(config.dictionaryWords);
  const settings: LintSettings = {
    rules,
    get lexicons() {
      lexicons ??= loadLexicons(config.lexicons);
      return lexicons;
    },
    segmenter: jiebaSegmenter,
    calendar: { timezone: config.timezone, hours: config.businessHours, holidays: config.holidays },
    locale: options.locale,
  };
  if (Object.keys(config.lexicons).length > 0) void settings.lexicons.size;
  return settings;
}

export function adapterOptions(
  config: ResolvedConfig,
  overrides: Partial<Pick<AdapterOptions, 'fieldMap' | 'valueMap' | 'header' | 'splitMessages' | 'timezone'>> & { agentPattern?: string } = {},
): AdapterOptions {
  const agentPattern = overrides.agentPattern ?? config.input.agentPattern;
  const valueMap = { ...config.input.valueMap };
  for (const [field, values] of Object.entries(overrides.valueMap ?? {})) valueMap[field as keyof typeof valueMap] = { ...valueMap[field as keyof typeof valueMap], ...values };
  return {
    timezone: overrides.timezone ?? config.timezone,
    roles: config.roles,
    header: overrides.header ?? config.input.header,
    fieldMap: { ...config.input.fieldMap, ...overrides.fieldMap },
    valueMap,
    splitMessages: overrides.splitMessages ?? config.input.splitMessages,
    internalIds: config.input.internalIds,
    // The user's pattern runs on the linear-time engine: a crafted nick cannot hang the reader.
    agentPattern: agentPattern === undefined ? undefined : compileUserRegex(agentPattern, overrides.agentPattern !== undefined ? '--agent-pattern' : 'input.agentPattern'),
    sessionGapMinutes: config.input.sessionGapMinutes ?? DEFAULT_SESSION_GAP_MINUTES,
  };
}

/** How inputs are read, over the configuration's `input` key (the command line's read options). */
export interface InputOptions {
  /** Read every input as this format instead of detecting it. */
  format?: string;
  /** The column or key of each field: `{text: '内容'}`, or a 1-based column number for tables. */
  fieldMap?: Partial<Record<FieldName, string>>;
  /** Raw values of a field read as these values: `{role: {'0': 'customer', '1': 'agent'}}`. */
  valueMap?: AdapterOptions['valueMap'];
  /** false: tables have no header row. */
  header?: boolean;
  /** A table cell that joins several messages with this separator becomes several messages. */
  splitMessages?: string;
  /** In chat records without roles (千牛), sender names that match are agents. */
  agentPattern?: string;
}

/** How inputs are read: the configuration's `input` key, with these options over it. */
export function readOptionsFrom(config: ResolvedConfig, input: InputOptions, cwd: string): AdapterOptions & { format?: string; cwd: string } {
  return {
    ...adapterOptions(config, {
      fieldMap: input.fieldMap,
      valueMap: input.valueMap,
      header: input.header,
      splitMessages: input.splitMessages,
      agentPattern: input.agentPattern,
    }),
    format: input.format ?? config.input.format,
    cwd,
  };
}
