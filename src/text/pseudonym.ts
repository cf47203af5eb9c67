import { createHmac } from 'node:crypto';

/**
 * Stable pseudonyms for identifiers in redacted output: conversation ids, customer nicknames, agent
 * names and channels. A pseudonym is a keyed hash (HMAC-SHA256 of the kind and the value, first 10
 * hex digits) after a readable prefix: 会话-3f9a1c20b7. The same key gives the same pseudonym in
 * every run, so shards linted separately with `lint --redact -f json` still merge in `report`;
 * without the key, a pseudonym cannot be turned back into the name by trying names.
 */

/**
 * `value`: a value from the data quoted in a message about a skipped record (an unknown role, a bad
 * time). `reviewer`: the author of a waiver, a member of staff who is not necessarily an agent.
 */
export type IdentifierKind = 'conversation' | 'customer' | 'agent' | 'channel' | 'value' | 'reviewer';

const PREFIXES: Record<IdentifierKind, string> = { conversation: '会话', customer: '客户', agent: '客服', channel: '渠道', value: '值', reviewer: '审批人' };

/** A value that is already a pseudonym (output of an earlier redacted run): kept as it is. */
export const PSEUDONYM = /^(?:会话|客户|客服|渠道|值|审批人)-[0-9a-f]{10}$/u;

/**
 * The key used when neither SUPPORTLINT_REDACT_KEY nor `redact.key` gives one. It is published
 * here, so anyone can hash a list of likely names with it: pseudonyms made with it are guessable.
 */
export const DEFAULT_REDACT_KEY = 'supportlint-default-redact-key';

/**
 * What tells two pseudonym keys apart without giving either away: the HMAC of a fixed text, as a
 * pseudonym is the HMAC of a name. Shards written under `--redact` record it, so that `report`
 * can refuse to merge pseudonyms made with different keys, which would never match.
 */
export function keyFingerprint(key: string): string {
  return createHmac('sha256', key).update('supportlint\u0000key').digest('hex').slice(0, 10);
}

export function pseudonym(kind: IdentifierKind, value: string, key: string): string {
  if (PSEUDONYM.test(value)) return value;
  const digest = createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex');
  return `${PREFIXES[kind]}-${digest.slice(0, 10)}`;
}
