import { BUILTIN_RULES } from '../../rules/index.js';
import type { ConfigFile } from './schema.js';

/**
 * Rules precise enough to be on by default. A rule joins only after its hits on real
 * conversations were read and at least 90% were right; docs/precision.md keeps the figures.
 */
const RECOMMENDED_RULES = [
  'blame-shifting',
  'missing-empathy',
  'missing-next-step',
  'robot-reply',
  'slow-first-response',
  'slow-response',
  'ignored-human-request',
  'dismissive-emotion',
  'forbidden-phrase',
  'review-manipulation',
  'vague-commitment',
  'pii-exposure',
  'missing-greeting',
];

function allRules(): ConfigFile['rules'] {
  return Object.fromEntries([...BUILTIN_RULES.values()].map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
}

export const PRESETS: Record<string, () => ConfigFile> = {
  'supportlint:recommended': () => ({
    rules: Object.fromEntries(RECOMMENDED_RULES.map((id) => [id, BUILTIN_RULES.get(id)!.meta.defaultSeverity])),
  }),
  /** Every built-in rule at its default severity. */
  'supportlint:strict': () => ({ rules: allRules() }),
  'supportlint:all': () => ({ rules: allRules() }),
};
