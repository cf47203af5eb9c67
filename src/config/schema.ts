import { z } from 'zod';
import { FIELD_NAMES } from '../adapters/adapter.js';
import { customRulesSchema } from './custom-rules.js';
import { lexiconChangeSchema } from '../lexicon/lexicon.js';
import { compileUserRegex } from '../lexicon/user-regex.js';
import { roleSchema } from '../model/conversation.js';
import { businessHoursSchema, holidaysSchema } from '../time/business-hours.js';
import { isValidTimezone } from '../time/instant.js';
import { scoringSchema } from '../report/scoring-config.js';
import { t } from '../i18n/index.js';

/** User patterns run on the linear-time engine: valid means it compiles there. */
function isValidRegex(source: string): boolean {
  try {
    compileUserRegex(source, 'input.agentPattern');
    return true;
  } catch {
    return false;
  }
}

export const severitySettingSchema = z.enum(['off', 'warn', 'error']);
export type SeveritySetting = z.infer<typeof severitySettingSchema>;

/** `error`, or `[warn, {threshold: 120}]`, as in ESLint. */
export const ruleSettingSchema = z.union([
  severitySettingSchema,
  z.tuple([severitySettingSchema]),
  z.tuple([severitySettingSchema, z.record(z.string(), z.unknown())]),
], { error: () => t('config.ruleSetting') });
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const configSchema = z.strictObject({
  /** Presets (supportlint:recommended, supportlint:all) or paths of other config files. */
  extends: z.union([z.string(), z.array(z.string())]).optional(),
  rules: z.record(z.string(), ruleSettingSchema).optional(),
  /** Rules declared without code: phrase, require-after and substitution (see custom-rules.ts). */
  customRules: customRulesSchema.optional(),
  /** Source role values to roles, e.g. {"店小二": agent, "访客": customer}. */
  roles: z.record(z.string(), roleSchema).optional(),
  timezone: z.string().refine(isValidTimezone, { error: () => t('config.timezone') }).optional(),
  businessHours: businessHoursSchema.optional(),
  holidays: holidaysSchema.optional(),
  /** Additions to and removals from the built-in phrase lists, by list id. */
  lexicons: z.record(z.string(), lexiconChangeSchema).optional(),
  dictionaries: z.strictObject({ words: z.array(z.string().min(1)).default([]) }).optional(),
  /** The IQS scorecard: category weights, points per finding, fatal rules, the SLA. */
  scoring: scoringSchema.optional(),
  /** Teams and their agents (names or ids as the export gives them), for `report --by team`. */
  teams: z.record(z.string(), z.array(z.string().min(1))).optional(),
  /** `--redact` in lint and report: the key of the pseudonyms, and whether agent names stay readable. */
  redact: z.strictObject({
    /** HMAC key for pseudonyms (SUPPORTLINT_REDACT_KEY wins over it). Keep it out of shared repositories. */
    key: z.string().min(1).optional(),
    /** Agent names are shown as they are; --redact-keep-agents does the same for one run. */
    keepAgents: z.boolean().optional(),
  }).optional(),
  /** `lint`: repeated hits of one rule in one conversation are shown as one finding with a count (default true; --no-collapse). */
  collapse: z.boolean().optional(),
  /** Glob patterns of input files to skip. */
  ignore: z.array(z.string()).optional(),
  input: z.strictObject({
    format: z.string().optional(),
    /** Table inputs (CSV/TSV/XLSX) start with a header row; false: every row is data, and fieldMap names columns by number. */
    header: z.boolean().optional(),
    /** The column or key of each field: a name, or a 1-based column number for tables (`text: 7`). */
    fieldMap: z.partialRecord(z.enum(FIELD_NAMES), z.union([z.string().min(1), z.number().int().positive().transform(String)])).optional(),
    /** Raw values of a field to the values supportlint reads, e.g. { role: { "0": customer, "1": agent } }. */
    valueMap: z.partialRecord(z.enum(FIELD_NAMES), z.record(z.string(), z.string())).optional(),
    /** A table cell whose text joins several messages with this separator becomes several messages (JDDC: "!@@@!"). */
    splitMessages: z.string().min(1).optional(),
    /** Sender ids of the company's own staff, for exports without a role field (企业微信会话存档). */
    internalIds: z.array(z.string().min(1)).optional(),
    /** A regular expression: sender names that match it are agents (千牛 chat records). */
    agentPattern: z.string().refine(isValidRegex, { error: () => t('config.agentPattern') }).optional(),
    /** Minutes of silence after which a contact's messages start a new conversation, for exports without session ids. */
    sessionGapMinutes: z.number().positive().optional(),
  }).optional(),
});
export type ConfigFile = z.infer<typeof configSchema>;
