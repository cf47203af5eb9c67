import { BUILTIN_RULES } from '../../rules/index.js';
import type { LexiconChange } from '../lexicon/lexicon.js';
import type { ConfiguredRule } from '../engine/lint.js';
import type { RoleMap } from '../model/roles.js';
import type { BusinessHours } from '../time/business-hours.js';
import { DEFAULT_TIMEZONE } from '../time/instant.js';
import type { AdapterOptions } from '../adapters/adapter.js';
import type { ConfigFile, RuleSetting } from './schema.js';
import { compileCustomRule, type CustomRuleConfig } from './custom-rules.js';
import type { RuleDefinition } from '../engine/rule.js';
import { formatZodIssues } from './zod-errors.js';
import { closest } from '../i18n/did-you-mean.js';
import { MAX_KEY_FOR_SUGGESTION, shownKey } from './shown-key.js';
import { t } from '../i18n/index.js';
import { DEFAULT_SCORECARD, mergeScorecard, scorecardProblems, type Scorecard } from '../report/scoring-config.js';
import { append } from '../arrays.js';

export class ConfigError extends Error {}

/** Configuration after presets and files are merged and every rule's options are validated. */
export interface ResolvedConfig {
  /** Where it came from, for --print-config and error messages. */
  sources: string[];
  rules: Record<string, RuleSetting>;
  customRules: Record<string, CustomRuleConfig>;
  roles: RoleMap;
  timezone: string;
  businessHours?: BusinessHours;
  holidays: string[];
  lexicons: Record<string, LexiconChange>;
  dictionaryWords: string[];
  ignore: string[];
  input: {
    format?: string;
    header?: boolean;
    fieldMap: AdapterOptions['fieldMap'];
    valueMap: NonNullable<AdapterOptions['valueMap']>;
    splitMessages?: string;
    internalIds: string[];
    agentPattern?: string;
    sessionGapMinutes?: number;
  };
  scoring: Scorecard;
  /** Team by agent name or id. */
  teams: Record<string, string[]>;
  /** Options of --redact. */
  redact: { key?: string; keepAgents?: boolean };
  /** `lint` collapses repeated hits of a rule in a conversation into one finding. */
  collapse: boolean;
}

/** Later layers win; rule settings replace per rule, lists are concatenated. */
export function mergeConfigs(layers: ReadonlyArray<{ source: string; config: ConfigFile }>): ResolvedConfig {
  const resolved: ResolvedConfig = {
    sources: [], rules: {}, customRules: {}, roles: {}, timezone: DEFAULT_TIMEZONE, holidays: [], lexicons: {}, dictionaryWords: [], ignore: [], input: { fieldMap: {}, valueMap: {}, internalIds: [] },
    scoring: DEFAULT_SCORECARD, teams: {}, redact: {}, collapse: true,
  };
  for (const { source, config } of layers) {
    resolved.sources.push(source);
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      const previous = resolved.rules[id];
      // "warn" alone keeps options set by an earlier layer, as ESLint does.
      if (typeof setting === 'string' && Array.isArray(previous) && previous[1]) resolved.rules[id] = [setting, previous[1]];
      else resolved.rules[id] = setting;
    }
    Object.assign(resolved.customRules, config.customRules ?? {});
    Object.assign(resolved.roles, config.roles ?? {});
    if (config.timezone) resolved.timezone = config.timezone;
    if (config.businessHours) resolved.businessHours = config.businessHours;
    append(resolved.holidays, config.holidays ?? []);
    Object.assign(resolved.lexicons, config.lexicons ?? {});
    append(resolved.dictionaryWords, config.dictionaries?.words ?? []);
    append(resolved.ignore, config.ignore ?? []);
    if (config.input?.format) resolved.input.format = config.input.format;
    if (config.input?.header !== undefined) resolved.input.header = config.input.header;
    Object.assign(resolved.input.fieldMap, config.input?.fieldMap ?? {});
    for (const [field, values] of Object.entries(config.input?.valueMap ?? {})) {
      resolved.input.valueMap[field as keyof typeof resolved.input.valueMap] = { ...resolved.input.valueMap[field as keyof typeof resolved.input.valueMap], ...values };
    }
    if (config.input?.splitMessages) resolved.input.splitMessages = config.input.splitMessages;
    append(resolved.input.internalIds, config.input?.internalIds ?? []);
    if (config.input?.agentPattern) resolved.input.agentPattern = config.input.agentPattern;
    if (config.input?.sessionGapMinutes) resolved.input.sessionGapMinutes = config.input.sessionGapMinutes;
    resolved.scoring = mergeScorecard(resolved.scoring, config.scoring);
    Object.assign(resolved.teams, config.teams ?? {});
    Object.assign(resolved.redact, config.redact ?? {});
    if (config.collapse !== undefined) resolved.collapse = config.collapse;
  }
  return resolved;
}

/** Validates rule ids and options against each rule's schema, and returns the rules to run. */
export function configuredRules(config: ResolvedConfig, onlyRules?: readonly string[]): ConfiguredRule[] {
  const rules: ConfiguredRule[] = [];
  const problems: string[] = [];
  const custom = new Map<string, RuleDefinition<any>>();
  for (const [id, definition] of Object.entries(config.customRules)) {
    if (BUILTIN_RULES.has(id)) {
      problems.push(t('config.customIsBuiltin', { id }));
      continue;
    }
    try {
      custom.set(id, compileCustomRule(id, definition));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  // A custom rule is on at its own severity unless `rules` says otherwise.
  const settings: Record<string, RuleSetting> = { ...Object.fromEntries([...custom].map(([id, rule]) => [id, rule.meta.defaultSeverity])), ...config.rules };
  for (const [id, setting] of Object.entries(settings)) {
    const rule = BUILTIN_RULES.get(id) ?? custom.get(id);
    if (!rule) {
      const near = id.length <= MAX_KEY_FOR_SUGGESTION ? closest(id, [...BUILTIN_RULES.keys(), ...custom.keys()]) : undefined;
      problems.push(near ? t('config.unknownRuleNear', { id: shownKey(id), near }) : t('config.unknownRule', { id: shownKey(id) }));
      continue;
    }
    const [severity, options] = typeof setting === 'string' ? [setting, {}] : [setting[0], setting[1] ?? {}];
    const parsed = rule.meta.schema.safeParse(options, { reportInput: true });
    if (!parsed.success) {
      problems.push(formatZodIssues(parsed.error, `rules.${id}[1]`, rule.meta.schema));
      continue;
    }
    if (severity === 'off') continue;
    if (onlyRules && !onlyRules.includes(id)) continue;
    rules.push({ rule, severity, options: parsed.data });
  }
  append(problems, scorecardProblems(config.scoring, (id) => BUILTIN_RULES.has(id) || custom.has(id)));
  append(problems, teamProblems(config.teams));
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return rules;
}

/** An agent listed in two teams would be counted in whichever came last, without a word: refused. */
function teamProblems(teams: Readonly<Record<string, readonly string[]>>): string[] {
  const teamOf = new Map<string, string>();
  const problems: string[] = [];
  for (const [team, agents] of Object.entries(teams)) {
    for (const agent of agents) {
      const first = teamOf.get(agent);
      if (first !== undefined && first !== team) problems.push(t('config.agentInTwoTeams', { agent, first, second: team }));
      else teamOf.set(agent, team);
    }
  }
  return problems;
}
