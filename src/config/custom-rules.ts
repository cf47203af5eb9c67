import { z } from 'zod';
import { t } from '../i18n/index.js';
import type { AnalyzedMessage } from '../engine/analysis.js';
import { assertedMatches } from '../engine/matching.js';
import { CATEGORIES, defineRule, type RuleDefinition } from '../engine/rule.js';
import { Lexicon } from '../lexicon/lexicon.js';
import { agentLabel, roleSchema, type Role } from '../model/conversation.js';
import { toOriginalRange } from '../text/normalize.js';
import { normalizedPattern, normalizedPhrase } from './normalized-entries.js';

/**
 * Rules that QA staff declare in configuration, without code, after the condition types of
 * Vale (existence, substitution) and of commercial 智能质检 engines (keyword lists with role and
 * position scope, "B must follow A within N turns"):
 *
 *   customRules:
 *     no-wechat:   { type: phrase, phrases: [加微信], role: agent, message: 不要引导客户加微信 }
 *     refund-eta:  { type: require-after, when: {role: customer, phrases: [退款]}, then: {role: agent, phrases: [到账], within: 3}, message: … }
 *     say-sorry:   { type: substitution, phrase: 您别生气, suggestion: 非常理解您的心情 }
 */

const phraseList = z.array(z.string().min(1)).default([]);
const common = {
  /** Shown with every finding, in Chinese; rendered in traditional for traditional input. */
  message: z.string().min(1).optional(),
  severity: z.enum(['warn', 'error']).default('warn'),
  category: z.enum(CATEGORIES).default('tone'),
  /** A one-line description for `supportlint rules`. */
  description: z.string().optional(),
};
const matcher = {
  phrases: phraseList,
  /** Regular expressions, checked for catastrophic backtracking when they load. */
  patterns: phraseList,
};

/** An existence check, scoped by role and position, with exceptions and a minimum count. */
const phraseRuleSchema = z.strictObject({
  type: z.literal('phrase'),
  ...common,
  ...matcher,
  role: z.union([roleSchema, z.literal('any')]).default('agent'),
  /** Only the first or the last N messages of that role are looked at. */
  position: z.union([z.strictObject({ first: z.number().int().positive() }), z.strictObject({ last: z.number().int().positive() })]).optional(),
  /** A message that also matches one of these is not a finding. */
  unless: phraseList,
  /** Report only when the conversation holds at least this many matching messages. */
  minCount: z.number().int().positive().default(1),
});

const stepSchema = z.strictObject({ role: z.union([roleSchema, z.literal('any')]), ...matcher });

/** When a message from one role matches, a message from another role within N turns must match. */
const requireAfterRuleSchema = z.strictObject({
  type: z.literal('require-after'),
  ...common,
  when: stepSchema,
  then: stepSchema.extend({ within: z.number().int().positive().default(3) }),
});

/** A phrase and the wording to use instead. */
const substitutionRuleSchema = z.strictObject({
  type: z.literal('substitution'),
  ...common,
  phrase: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  suggestion: z.string().min(1),
  role: z.union([roleSchema, z.literal('any')]).default('agent'),
});

export const customRuleSchema = z.discriminatedUnion('type', [phraseRuleSchema, requireAfterRuleSchema, substitutionRuleSchema], {
  error: () => t('config.customRuleType'),
});
export type CustomRuleConfig = z.infer<typeof customRuleSchema>;

export const customRulesSchema = z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: () => t('config.customRuleId') }), customRuleSchema);

/** Compiles phrases and patterns, naming the key path in any error. */
function compileMatcher(keyPath: string, phrases: readonly string[], patterns: readonly string[]): Lexicon {
  if (phrases.length === 0 && patterns.length === 0) throw new CustomRuleError(t('config.customNoPhrases', { keyPath }));
  // Written as the messages they match are read (half-width, lower case, simplified).
  return new Lexicon({ id: keyPath, description: keyPath, sets: {}, phrases: phrases.map(normalizedPhrase), patterns: patterns.map(normalizedPattern) });
}

export class CustomRuleError extends Error {}

const roleMatches = (wanted: Role | 'any', message: AnalyzedMessage) => wanted === 'any' || message.message.role === wanted;

/** Visits every message of the conversation that has text, whatever its role. */
function everyMessage(visit: (message: AnalyzedMessage) => void) {
  return { customerMessage: visit, agentMessage: visit, botMessage: visit };
}

/** Turns one configured custom rule into a rule the engine runs like a built-in one. */
export function compileCustomRule(id: string, config: CustomRuleConfig): RuleDefinition<Record<string, never>> {
  const keyPath = `customRules.${id}`;
  const meta = {
    id,
    title: id,
    category: config.category,
    defaultSeverity: config.severity,
    description: config.description ?? config.message ?? `自定义规则 ${id}`,
    schema: z.strictObject({}),
    lexicons: [],
    custom: true,
  } as const;

  if (config.type === 'substitution') {
    const phrases = Array.isArray(config.phrase) ? config.phrase : [config.phrase];
    const lexicon = compileMatcher(keyPath, phrases, []);
    return defineRule({
      meta: { ...meta, scope: config.role === 'agent' ? 'message' : 'conversation', hasSuggestions: true, fixable: true, messages: { substitute: config.message ?? '建议把“{phrase}”换成“{suggestion}”。' } },
      create(context) {
        return everyMessage((message) => {
          if (!roleMatches(config.role, message)) return;
          for (const hit of assertedMatches(message, lexicon)) {
            context.report({
              messageId: 'substitute',
              data: { phrase: message.originalSlice(hit.start, hit.end), suggestion: config.suggestion },
              messageSeq: message.seq,
              normalizedRange: [hit.start, hit.end],
              suggestion: config.suggestion,
              fix: { range: toOriginalRange(message.normalized, hit.start, hit.end), text: config.suggestion },
            });
          }
        });
      },
    });
  }

  if (config.type === 'phrase') {
    const lexicon = compileMatcher(keyPath, config.phrases, config.patterns);
    const exceptions = config.unless.length > 0 ? compileMatcher(`${keyPath}.unless`, config.unless, []) : undefined;
    const messageScoped = config.role === 'agent' && !config.position && config.minCount === 1;
    return defineRule({
      meta: {
        ...meta,
        scope: messageScoped ? 'message' : 'conversation',
        hasSuggestions: false,
        messages: { match: config.message ?? `${id}：出现了“{phrase}”。`, count: config.message ?? `${id}：出现了 {count} 次（“{phrase}”）。` },
      },
      create(context) {
        const scoped: AnalyzedMessage[] = [];
        return {
          ...everyMessage((message) => {
            if (roleMatches(config.role, message)) scoped.push(message);
          }),
          conversationEnd() {
            const position = config.position;
            const inScope = !position ? scoped : 'first' in position ? scoped.slice(0, position.first) : scoped.slice(-position.last);
            const hits = inScope.flatMap((message) => {
              if (exceptions && exceptions.test(message.text)) return [];
              const hit = assertedMatches(message, lexicon)[0];
              return hit ? [{ message, hit }] : [];
            });
            if (hits.length < config.minCount) return;
            const reported = config.minCount === 1 ? hits : [hits[config.minCount - 1]!];
            for (const { message, hit } of reported) {
              context.report({
                messageId: config.minCount === 1 ? 'match' : 'count',
                data: { phrase: message.originalSlice(hit.start, hit.end), count: hits.length },
                messageSeq: message.seq,
                normalizedRange: [hit.start, hit.end],
              });
            }
          },
        };
      },
    });
  }

  const when = compileMatcher(`${keyPath}.when`, config.when.phrases, config.when.patterns);
  const then = compileMatcher(`${keyPath}.then`, config.then.phrases, config.then.patterns);
  return defineRule({
    meta: {
      ...meta,
      scope: 'conversation',
      hasSuggestions: false,
      messages: { missing: config.message ?? `${id}：“{phrase}”之后 {within} 条回复内没有出现要求的内容。` },
    },
    create(context) {
      return {
        conversationEnd() {
          const messages = context.analysis.messages.filter((m) => m.message.kind !== 'event');
          messages.forEach((message, index) => {
            if (!roleMatches(config.when.role, message)) return;
            const trigger = assertedMatches(message, when)[0];
            if (!trigger) return;
            const window = messages.slice(index + 1).filter((m) => roleMatches(config.then.role, m)).slice(0, config.then.within);
            if (window.some((m) => assertedMatches(m, then).length > 0)) return;
            const last = window[window.length - 1];
            context.report({
              messageId: 'missing',
              data: { phrase: message.originalSlice(trigger.start, trigger.end), within: config.then.within },
              messageSeq: last?.seq ?? null,
              agent: last ? agentLabel(last.message) : undefined,
              trigger: { messageSeq: message.seq, normalizedRange: [trigger.start, trigger.end] },
            });
          });
        },
      };
    },
  });
}
