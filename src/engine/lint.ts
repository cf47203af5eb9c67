import { agentLabel, isCustomerMessage, isHumanReply, type Conversation } from '../model/conversation.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { toOriginalRange, toTraditional } from '../text/normalize.js';
import type { Segmenter } from '../text/segment.js';
import type { BusinessCalendar } from '../time/business-hours.js';
import { ConversationAnalysis } from './analysis.js';
import type { Finding, MessageFix, Quote, Severity, WaivedFinding } from './finding.js';
import { composeFixes } from './fix.js';
import type { Report, RuleContext, RuleDefinition, RuleVisitors } from './rule.js';
import { processFindings } from './process.js';
import { measureConversation, type ConversationMetrics } from '../metrics/conversation-metrics.js';
import { personalAnswers } from '../text/personal-answers.js';

export type Locale = 'zh-Hans' | 'zh-Hant';

export interface ConfiguredRule {
  rule: RuleDefinition<any>;
  severity: Severity;
  /** Already validated against the rule's schema. */
  options: unknown;
}

export interface LintSettings {
  rules: readonly ConfiguredRule[];
  lexicons: ReadonlyMap<string, Lexicon>;
  calendar: BusinessCalendar;
  segmenter: Segmenter;
  /** Forces the script of messages; by default it follows the conversation's own script. */
  locale?: Locale;
  /** Also measure what the IQS report needs (response times, topics, …); see src/metrics. */
  metrics?: boolean;
  /** Compose and check the fixes of each message (src/engine/fix.ts). Default true. */
  fixes?: boolean;
}

export interface NotApplicable {
  ruleId: string;
  reason: string;
}

/** A rule that threw on one conversation: it stopped there, and the other rules went on. */
export interface RuleError {
  ruleId: string;
  message: string;
}

export interface ConversationResult {
  conversationId: string;
  file: string;
  format: string;
  messageCount: number;
  agents: string[];
  /** The customer's display names the export gave (see Message.customerName): for --redact only, never printed. */
  customers?: string[];
  locale: Locale;
  findings: Finding[];
  /** Findings a waiver covers (see src/runner/waivers.ts); absent when none did. */
  waived?: WaivedFinding[];
  notApplicable: NotApplicable[];
  /** When settings.metrics is set. */
  metrics?: ConversationMetrics;
  /** Rules that threw on this conversation; absent when none did. */
  ruleErrors?: RuleError[];
  /** The accepted rewrite of each message whose findings had fixes; absent when there is none. */
  fixes?: MessageFix[];
}

/** Data keys whose values are quoted from the messages and must appear exactly as they arrived. */
const VERBATIM_KEY = /^(phrase|quote)|(Phrase|Quote)$/;

/**
 * Fills {placeholders} and renders the result in the locale's script. Generated values (durations,
 * counts) are converted with the template; quoted values (`phrase`, `quote…`, `…Phrase`) are put
 * back afterwards, so a quote stays in the characters the customer or agent typed.
 */
export function renderMessage(template: string, data: Record<string, string | number> | undefined, locale: Locale): string {
  const verbatim: string[] = [];
  const filled = template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!data || !Object.hasOwn(data, key)) return whole;
    if (!VERBATIM_KEY.test(key)) return String(data[key]);
    verbatim.push(String(data[key]));
    return `\u0000${verbatim.length - 1}\u0000`;
  });
  const localized = locale === 'zh-Hant' ? toTraditional(filled) : filled;
  return localized.replace(/\u0000(\d+)\u0000/g, (_whole, index: string) => verbatim[Number(index)]!);
}

/** Runs the configured rules over one conversation. Pure: no I/O, no environment. */
export function lintConversation(conversation: Conversation, settings: LintSettings): ConversationResult {
  const analysis = new ConversationAnalysis(conversation, settings.segmenter, settings.calendar, settings.lexicons);
  const locale: Locale = settings.locale ?? (analysis.script === 'traditional' ? 'zh-Hant' : 'zh-Hans');
  const findings: Finding[] = [];
  const notApplicable: NotApplicable[] = [];

  const quote = (messageSeq: number, normalizedRange?: [number, number]): Quote => {
    const analyzed = analysis.messages[messageSeq]!;
    const m = analyzed.message;
    return {
      messageSeq,
      role: m.role,
      agent: agentLabel(m),
      text: m.text,
      range: normalizedRange ? toOriginalRange(analyzed.normalized, normalizedRange[0], normalizedRange[1]) : undefined,
      time: m.time,
    };
  };

  const visitorSets: Array<{ ruleId: string; visitors: RuleVisitors }> = [];
  const ruleErrors: RuleError[] = [];
  const failed = new Set<string>();
  const fail = (ruleId: string, error: unknown) => {
    failed.add(ruleId);
    ruleErrors.push({ ruleId, message: error instanceof Error ? error.message : String(error) });
  };
  const ranRules = new Set<string>();
  const ranCategories = new Set<string>();
  for (const configured of settings.rules) {
    const { rule, severity } = configured;
    if (rule.meta.needsTimestamps && !analysis.hasTimestamps) {
      notApplicable.push({ ruleId: rule.meta.id, reason: 'no-timestamps' });
      continue;
    }
    ranRules.add(rule.meta.id);
    ranCategories.add(rule.meta.category);
    const context: RuleContext<unknown> = {
      options: configured.options,
      analysis,
      lexicon(id) {
        const lexicon = settings.lexicons.get(id);
        if (!lexicon) throw new Error(`rule ${rule.meta.id} asked for phrase list "${id}", which is not loaded`);
        return lexicon;
      },
      report(report: Report) {
        findings.push(toFinding(rule, severity, report));
      },
      notApplicable(reason) {
        notApplicable.push({ ruleId: rule.meta.id, reason });
      },
    };
    try {
      visitorSets.push({ ruleId: rule.meta.id, visitors: rule.create(context) });
    } catch (error) {
      fail(rule.meta.id, error);
    }
  }

  function toFinding(rule: RuleDefinition<any>, severity: Severity, report: Report): Finding {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${report.messageId}"`);
    const offending = report.messageSeq === null ? undefined : quote(report.messageSeq, report.normalizedRange);
    const trigger = report.trigger ? quote(report.trigger.messageSeq, report.trigger.normalizedRange) : undefined;
    const anchor = offending ?? trigger;
    const anchorMessage = anchor ? analysis.messages[anchor.messageSeq]!.message : undefined;
    return {
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity,
      messageId: report.messageId,
      message: renderMessage(template, report.data, locale),
      conversationId: conversation.id,
      messageSeq: report.messageSeq,
      role: offending?.role,
      agent: report.agent ?? offending?.agent,
      excerpt: anchor?.text ?? '',
      range: offending?.range,
      trigger,
      suggestion: report.suggestion === undefined ? undefined : renderMessage(report.suggestion, undefined, locale),
      fix: report.fix === undefined ? undefined : checkedFix(rule, report, anchorMessage?.text),
      location: anchorMessage?.location ?? { file: conversation.source.file },
      time: anchorMessage?.time,
    };
  }

  function checkedFix(rule: RuleDefinition<any>, report: Report, text: string | undefined): Finding['fix'] {
    const [start, end] = report.fix!.range;
    if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} reported a fix but its meta has no fixable`);
    if (report.messageSeq === null || text === undefined || !(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      throw new Error(`rule ${rule.meta.id} reported a fix outside its message: [${start}, ${end}]`);
    }
    // A rewrite in a traditional conversation is written in traditional, like the rest of it.
    return { range: [start, end], text: renderMessage(report.fix!.text, undefined, locale) };
  }

  const call = (name: keyof RuleVisitors, arg?: any) => {
    for (const { ruleId, visitors } of visitorSets) {
      if (failed.has(ruleId)) continue;
      try {
        (visitors[name] as ((a?: unknown) => void) | undefined)?.(arg);
      } catch (error) {
        fail(ruleId, error);
      }
    }
  };
  call('conversationStart');
  for (const analyzed of analysis.messages) {
    const m = analyzed.message;
    if (isCustomerMessage(m)) call('customerMessage', analyzed);
    else if (isHumanReply(m)) call('agentMessage', analyzed);
    else if (m.role === 'bot' && m.kind !== 'event') call('botMessage', analyzed);
  }
  call('conversationEnd');

  const agents = [...new Set(conversation.messages.filter(isHumanReply).map(agentLabel).filter((a): a is string => !!a))];
  // What --redact replaces wherever the conversation's quotes hold it: the customer's display names,
  // and values the customer gave as the bare answer to a question for them (personal-answers.ts).
  const customers = [...new Set([...conversation.messages.map((m) => m.customerName), ...metaNames(conversation.meta.customerNames), ...personalAnswers(conversation.messages)].filter((name): name is string => !!name))];
  const composed = settings.fixes === false ? { findings: processFindings(findings), fixes: [] } : composeFixes(processFindings(findings), (seq) => conversation.messages[seq]!.text, (seq, text) => relintMessage(conversation, seq, text, settings));
  const processed = composed.findings;
  return {
    conversationId: conversation.id,
    file: conversation.source.file,
    format: conversation.source.format,
    messageCount: conversation.messages.length,
    agents,
    ...(customers.length > 0 ? { customers } : {}),
    locale,
    findings: processed,
    notApplicable,
    metrics: settings.metrics ? measureConversation(analysis, processed, { lexicons: settings.lexicons, ranRules, ranCategories }) : undefined,
    ...(ruleErrors.length > 0 ? { ruleErrors } : {}),
    ...(composed.fixes.length > 0 ? { fixes: composed.fixes } : {}),
  };
}

/**
 * Lints a rewritten message alone, with the rules that judge one message and those that offer
 * fixes, to check a rewrite (src/engine/fix.ts). Its own fixes are not composed again.
 */
function relintMessage(conversation: Conversation, seq: number, text: string, settings: LintSettings): Finding[] {
  const message = { ...conversation.messages[seq]!, seq: 0, text };
  const rules = settings.rules.filter((r) => r.rule.meta.scope === 'message' || r.rule.meta.fixable);
  const alone: Conversation = { ...conversation, messages: [message] };
  return lintConversation(alone, { ...settings, rules, fixes: false, metrics: false }).findings;
}

/** The names a conversation's meta gives under `customerNames`, strings only (meta comes from data). */
export function metaNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}
