import type { ConversationResult } from '../engine/lint.js';
import type { Finding, Occurrence, Quote } from '../engine/finding.js';
import type { ConversationMetrics } from '../metrics/conversation-metrics.js';
import type { ReportInput } from '../report/score.js';
import { findRedactions, isShareableTopic, redactQuote, redactText } from '../text/redact.js';
import { quotedValues, replaceQuotedValues } from '../text/quoted-values.js';
import { customerNamePattern } from '../text/name-spellings.js';
import { startsWithSurname } from '../text/pii.js';
import { DEFAULT_REDACT_KEY, pseudonym, PSEUDONYM, type IdentifierKind } from '../text/pseudonym.js';
import { CATALOGUES, t } from '../i18n/index.js';
import type { LintSummary } from './summary.js';
import { escapeRegex } from '../text/escape-regex.js';

/** How `--redact` treats identifiers. */
export interface RedactionSettings {
  /** HMAC key of the pseudonyms. */
  key: string;
  /** Agent names are shown as they are (their personal data inside still masked). */
  keepAgents: boolean;
}

/** The environment variable that holds the pseudonym key; it wins over `redact.key` in the configuration. */
export const REDACT_KEY_ENV = 'SUPPORTLINT_REDACT_KEY';

/**
 * Keys shorter than this are used, with a warning: the pseudonyms are an HMAC, and a key of a few
 * characters can be found by trying every key against one known name.
 */
export const MIN_REDACT_KEY_LENGTH = 12;

/** The key and options from the environment and the configuration, and a warning when the key is the default one. */
export function redactionSettings(config: { key?: string; keepAgents?: boolean } | undefined, env: NodeJS.ProcessEnv, keepAgents?: boolean): { settings: RedactionSettings; warning?: string } {
  // A key of blanks or invisible characters is no key: anyone could guess it.
  const usable = (value: string | undefined) => (value !== undefined && value.replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '') !== '' ? value : undefined);
  const key = usable(env[REDACT_KEY_ENV]) ?? usable(config?.key);
  const settings = { key: key || DEFAULT_REDACT_KEY, keepAgents: Boolean(keepAgents ?? config?.keepAgents) };
  if (key) {
    const length = [...key.trim()].length;
    return length >= MIN_REDACT_KEY_LENGTH ? { settings } : { settings, warning: `${t('redact.shortKey', { env: REDACT_KEY_ENV, length, min: MIN_REDACT_KEY_LENGTH })}\n` };
  }
  return {
    settings,
    warning: `${t('redact.defaultKey', { env: REDACT_KEY_ENV })}\n`,
  };
}

// Channel names that say where a conversation came from and nothing about who: shown as they are.
// Any other value (a shop, an account, a person's handle) becomes a pseudonym.
const GENERIC_CHANNELS = new Set([
  'web', 'app', 'ios', 'android', 'h5', 'pc', 'wap', 'mobile', 'email', 'e-mail', 'mail', 'sms', 'phone', 'voice', 'call', 'chat', 'livechat',
  'messenger', 'wechat', 'weixin', 'qq', 'weibo', 'whatsapp', 'telegram', 'line', 'facebook', 'twitter', 'instagram', 'api', 'widget', 'miniprogram',
  'taobao', 'tmall', 'jd', 'douyin', 'pinduoduo', 'kuaishou', 'xiaohongshu',
  '网页', '网站', '官网', '移动端', '手机端', 'pc端', '电脑端', '小程序', '微信', '微信公众号', '公众号', '企业微信', '视频号', '微博', '电话', '热线', '短信', '邮件', '邮箱',
  '淘宝', '天猫', '京东', '抖音', '抖店', '拼多多', '快手', '小红书', '千牛', '在线客服', '在线咨询', '留言',
]);

// What the catalogues quote in their own words, in every language: kept in redacted reasons.
const CATALOGUE_QUOTES = new Set(Object.values(CATALOGUES).flatMap((catalogue) => Object.values(catalogue).flatMap(quotedValues)));
// A quoted value with no letter or digit in it (a date's separator "-") names no one: kept.
const NAMES_NOTHING = /^[^\p{L}\p{N}]*$/u;

// A conversation id that another conversation's text may cite (a ticket number, TK-2026-88123): a
// digit, and six or more letters, digits and separators. Runs of that shape are looked up in the
// text; shorter ids ("c1", "12") are too likely to be something else.
const CITABLE_ID = /^(?=[^\d]*\d)[A-Za-z0-9][A-Za-z0-9_.:#/-]{5,63}$/;
const ID_RUN = /[A-Za-z0-9][A-Za-z0-9_.:#/-]{5,63}/g;
/** Ids kept for citations: the most recent ones, so that memory does not grow with the input. */
const CITABLE_IDS_KEPT = 100_000;

// A conversation id with a time in it ("小鱼儿 2026-11-02 10:00:03", as 千牛 ids are): the part
// before the time is the customer's nickname.
const ID_WITH_TIME = /^(.+?)\s+\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}/u;

/**
 * Rewrites lint results and report inputs for output that leaves the team: identifiers become
 * pseudonyms, and personal data in quotes, messages, suggestions and fixes is masked. Ranges are
 * moved so that they still point at the same words of the masked quote.
 */
export class Redactor {
  constructor(readonly settings: RedactionSettings) {}

  private pseudonym(kind: IdentifierKind, value: string): string {
    return pseudonym(kind, value, this.settings.key);
  }

  conversationId(id: string): string {
    return this.pseudonym('conversation', id);
  }

  agent(name: string): string {
    return this.settings.keepAgents ? redactText(name) : this.pseudonym('agent', name);
  }

  /** A waiver's author: staff, shown as agents are (a pseudonym unless agent names are kept). */
  reviewer(name: string): string {
    return this.settings.keepAgents ? redactText(name) : this.pseudonym('reviewer', name);
  }

  channel(value: string): string {
    return GENERIC_CHANNELS.has(value.trim().toLowerCase()) || PSEUDONYM.test(value) ? value : this.pseudonym('channel', value);
  }

  /**
   * A file path, with personal data in its names masked as in text, and a folder or file named
   * after a person (`王建国/chat.jsonl`, `王建国.jsonl`: one customer's chats exported apart) masked
   * as a name: a common surname and one to three Han characters, with nothing else in the name.
   */
  file(path: string): string {
    return redactText(path)
      .split(/([/\\])/u)
      .map((segment) => {
        const [, stem = '', extension = ''] = /^(.*?)((?:\.[A-Za-z0-9]{1,5})*)$/u.exec(segment) ?? [];
        if (!/^\p{Script=Han}{2,4}$/u.test(stem)) return segment;
        const surname = startsWithSurname(stem);
        return surname ? `${surname}${'*'.repeat(stem.length - surname.length)}${extension}` : segment;
      })
      .join('');
  }

  /** Agent names this run has met, in any conversation: one conversation's text can name another's agent. */
  private readonly agentsSeen = new Set<string>();
  /** Conversation ids this run has met that a text can cite (CITABLE_ID), the latest CITABLE_IDS_KEPT. */
  private readonly idsSeen = new Set<string>();

  /**
   * The names that may turn up in one conversation's free text, longest first, with what replaces
   * them: its id, its customer's nickname or display names, and the agents of this conversation and
   * of those before it.
   */
  private namesOf(conversationId: string, agents: readonly string[], customers: readonly string[] = []): Names {
    const names: Array<[string, string]> = [[conversationId, this.conversationId(conversationId)]];
    if (CITABLE_ID.test(conversationId) && !this.idsSeen.has(conversationId)) {
      this.idsSeen.add(conversationId);
      if (this.idsSeen.size > CITABLE_IDS_KEPT) this.idsSeen.delete(this.idsSeen.values().next().value!);
    }
    if (!this.settings.keepAgents) {
      for (const agent of agents) this.agentsSeen.add(agent);
      for (const agent of this.agentsSeen) names.push([agent, this.agent(agent)]);
    }
    const found: Array<readonly [RegExp, string, number]> = exactNames(names);
    // The customer's nickname and display names, in the other spellings an agent writes them in too.
    const nickname = ID_WITH_TIME.exec(conversationId)?.[1]?.trim();
    for (const customer of [...(nickname ? [nickname] : []), ...customers.map((c) => c.trim())]) {
      const pattern = PSEUDONYM.test(customer) ? undefined : customerNamePattern(customer);
      if (pattern) found.push([pattern, this.pseudonym('customer', customer), customer.length]);
    }
    return found.sort((a, b) => b[2] - a[2]);
  }

  /**
   * Free text of one conversation (a message shown around a finding): its id, the customer's
   * nickname and its agents' names become pseudonyms, and personal data is masked.
   */
  conversationText(conversationId: string, agents: readonly string[], value: string, customers: readonly string[] = []): string {
    return this.text(value, this.namesOf(conversationId, agents, customers));
  }

  private text(value: string, names: Names): string {
    return redactText(this.citedIdsReplaced(replaceNames(value, names)));
  }

  /** Conversation ids of this run (see CITABLE_ID) that the text cites, as their pseudonyms. */
  private citedIdsReplaced(text: string): string {
    if (this.idsSeen.size === 0) return text;
    return text.replace(ID_RUN, (run) => {
      if (this.idsSeen.has(run)) return this.conversationId(run);
      // A run that ends a sentence carries its full stop: "…TK-2026-88123."
      const trimmed = run.replace(/[_.:#/-]+$/, '');
      return trimmed !== run && this.idsSeen.has(trimmed) ? this.conversationId(trimmed) + run.slice(trimmed.length) : run;
    });
  }

  /**
   * A finding's message with what its excerpt masks masked in it too. A message quotes the matched
   * words ("{phrase}"), and a bare name there ("个人信息：“王建国”") is personal data only the
   * excerpt's context ("我叫【王建国】") shows: each span masked in the excerpt is masked wherever the
   * message repeats it, then the message is redacted as any text.
   */
  private message(message: string, excerpt: string, names: Names): string {
    let out = message;
    for (const { start, end, replacement } of findRedactions(excerpt)) {
      const original = excerpt.slice(start, end);
      if ([...original].length >= 2 && out.includes(original)) out = out.split(original).join(replacement);
    }
    return this.text(out, names);
  }

  private citesId(text: string): boolean {
    return this.idsSeen.size > 0 && this.citedIdsReplaced(text) !== text;
  }

  private quote<T extends { text: string; range?: [number, number] }>(value: T, names: Names): T {
    if (names.some(([pattern]) => holds(value.text, pattern)) || this.citesId(value.text)) return { ...value, text: this.text(value.text, names), range: undefined };
    const { text, range } = redactQuote(value.text, value.range);
    return range ? { ...value, text, range } : { ...value, text };
  }

  private metrics(metrics: ConversationMetrics): ConversationMetrics {
    const who = <T extends { agent: string | null }>(value: T): T => ({ ...value, agent: value.agent === null ? null : this.agent(value.agent) });
    return {
      ...metrics,
      channel: metrics.channel === null ? null : this.channel(metrics.channel),
      firstResponse: metrics.firstResponse ? who(metrics.firstResponse) : metrics.firstResponse,
      responses: metrics.responses.map(who),
      missedBursts: metrics.missedBursts.map(who),
      unanswered: metrics.unanswered ? who(metrics.unanswered) : metrics.unanswered,
      humanRequest: metrics.humanRequest ? who(metrics.humanRequest) : metrics.humanRequest,
      topics: metrics.topics.filter(isShareableTopic),
    };
  }

  private finding(finding: Finding, names: Names): Finding {
    const { text: excerpt, range } = this.quote({ text: finding.excerpt, range: finding.range }, names);
    const out: Finding = {
      ...finding,
      conversationId: this.conversationId(finding.conversationId),
      message: this.message(finding.message, finding.excerpt, names),
      excerpt,
      location: { ...finding.location, file: this.file(finding.location.file) },
      ...(finding.occurrences ? { occurrences: finding.occurrences.map((o) => this.occurrence(o, names)) } : {}),
    };
    if (range) out.range = range;
    else delete out.range;
    if (finding.agent !== undefined) out.agent = this.agent(finding.agent);
    if (finding.trigger) out.trigger = this.trigger(finding.trigger, names);
    if (finding.suggestion !== undefined) out.suggestion = this.text(finding.suggestion, names);
    // A fix's range points into the unmasked message: redacted output, which is read and not
    // applied, carries the rewrite as the masked suggestion only.
    delete out.fix;
    return out;
  }

  private occurrence(occurrence: Occurrence, names: Names): Occurrence {
    const { text: excerpt, range } = this.quote({ text: occurrence.excerpt, range: occurrence.range }, names);
    const out: Occurrence = { ...occurrence, message: this.message(occurrence.message, occurrence.excerpt, names), excerpt, location: { ...occurrence.location, file: this.file(occurrence.location.file) } };
    if (range) out.range = range;
    else delete out.range;
    return out;
  }

  private trigger(trigger: Quote, names: Names): Quote {
    const out = this.quote(trigger, names);
    if (out.range === undefined) delete out.range;
    if (trigger.agent !== undefined) out.agent = this.agent(trigger.agent);
    return out;
  }

  /** A lint result as `lint --redact` prints it. */
  result(result: ConversationResult): ConversationResult {
    const names = this.namesOf(result.conversationId, result.agents, result.customers);
    const { fixes: _unmaskedRewrites, customers: _displayNames, ...rest } = result;
    return {
      ...rest,
      conversationId: this.conversationId(result.conversationId),
      file: this.file(result.file),
      agents: result.agents.map((a) => this.agent(a)),
      findings: result.findings.map((f) => this.finding(f, names)),
      ...(result.waived ? { waived: result.waived.map((f) => ({ ...this.finding(f, names), waiver: { ...f.waiver, reason: this.text(f.waiver.reason, names), author: this.reviewer(f.waiver.author) } })) } : {}),
      notApplicable: result.notApplicable.map((n) => ({ ...n, reason: this.text(n.reason, names) })),
      ...(result.metrics ? { metrics: this.metrics(result.metrics) } : {}),
      ...(result.ruleErrors ? { ruleErrors: result.ruleErrors.map((e) => ({ ...e, message: this.text(e.message, names) })) } : {}),
    };
  }

  /**
   * A whole report, once every conversation has been read: an agent's name or a conversation's id
   * that a quote cites before the run met that agent or conversation (a complaint about yesterday's
   * agent, read before that agent's shift) becomes its pseudonym too. Every string is looked at.
   */
  lateCitations<T>(data: T): T {
    const names = exactNames(this.settings.keepAgents ? [] : [...this.agentsSeen].map((name) => [name, this.agent(name)] as const)).sort((a, b) => b[2] - a[2]);
    const rewrite = (value: unknown): unknown => {
      if (typeof value === 'string') return this.citedIdsReplaced(replaceNames(value, names));
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rewrite(inner)]));
      return value;
    };
    return rewrite(data) as T;
  }

  /** A conversation as `report --redact` counts and quotes it. */
  reportInput(input: ReportInput): ReportInput {
    const names = this.namesOf(input.conversationId, input.agents, input.customers);
    const { customers: _displayNames, ...rest } = input;
    return {
      ...rest,
      conversationId: this.conversationId(input.conversationId),
      file: this.file(input.file),
      agents: input.agents.map((a) => this.agent(a)),
      findings: input.findings.map((f) => ({
        ...f,
        message: this.message(f.message, f.excerpt, names),
        excerpt: this.text(f.excerpt, names),
        ...(f.agent ? { agent: this.agent(f.agent) } : {}),
        ...(f.trigger ? { trigger: { ...f.trigger, text: this.text(f.trigger.text, names) } } : {}),
      })),
      metrics: this.metrics(input.metrics),
    };
  }

  /**
   * Why a record was skipped or warned about. Readers quote the value they could not use in double
   * quotes (an unknown role, a bad time, a line that looks like a header), and such a value can be
   * anything: a role column holding "张三丰139…" names a person with no 我叫 before it, and a 千牛
   * note quotes a whole sender line “昵称 2026-11-02 10:00:00” in Chinese quotation marks. Every
   * quoted value becomes a pseudonym (the same value, the same pseudonym) in the same marks, except
   * the words the message catalogues quote themselves ("roles", an example time) and values of
   * punctuation only. An object or array quoted as JSON is one value (see quoted-values.ts).
   */
  reason(reason: string): string {
    return redactText(
      replaceQuotedValues(reason, (value, open, close) => open + (CATALOGUE_QUOTES.has(value) || NAMES_NOTHING.test(value) ? value : this.pseudonym('value', value)) + close),
    );
  }

  /** The run's summary: the conversations and files its failures and skipped records name. */
  summary(summary: LintSummary): LintSummary {
    const problem = <T extends { location: { file: string }; reason: string }>(p: T): T => ({ ...p, location: { ...p.location, file: this.file(p.location.file) }, reason: this.reason(p.reason) });
    return {
      ...summary,
      unreadableFiles: summary.unreadableFiles.map(problem),
      skipped: summary.skipped.map(problem),
      warningsAboutInput: summary.warningsAboutInput.map(problem),
      ruleErrors: summary.ruleErrors.map((f) => ({ ...f, conversationId: this.conversationId(f.conversationId), file: this.file(f.file), message: redactText(f.message) })),
      staleWaivers: summary.staleWaivers.map((w) => ({ ...w, conversationId: this.conversationId(w.conversationId) })),
    };
  }
}

/**
 * The names of one conversation that its free text may hold, each as a pattern of its spellings,
 * with what replaces it and the length of the name, by which they are tried, longest first.
 */
type Names = ReadonlyArray<readonly [RegExp, string, number]>;

/** Names written as they are, each with what replaces it; one character and pseudonyms are left out. */
function exactNames(names: ReadonlyArray<readonly [string, string]>): Array<readonly [RegExp, string, number]> {
  return names.filter(([name]) => [...name].length >= 2 && !PSEUDONYM.test(name)).map(([name, replacement]) => [new RegExp(escapeRegex(name), 'g'), replacement, name.length] as const);
}

function holds(text: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

function replaceNames(text: string, names: Names): string {
  let out = text;
  for (const [pattern, replacement] of names) if (holds(out, pattern)) out = out.replace(pattern, () => replacement);
  return out;
}

