import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { clausePhrase, dropClause, nextClause, originalFix, replaceClause } from '../src/text/clause-rewrite.js';
import { isRepeatedSpeechAt } from '../src/text/quotation.js';

type MessageId = 'tellHowToFeel' | 'belittle';

/** What is said instead of telling the customer how to feel: the feeling is acknowledged. */
const ACKNOWLEDGEMENT = '非常理解您的心情';
const WORRY_ACKNOWLEDGEMENT = '您的担心我能理解';
// "您想多了" and "多虑了" dismiss a worry rather than anger.
const WORRY = /想多|想太多|多虑|敏感|较真|计较/u;

/**
 * A clause after the command that makes light of the problem ("您别激动，这个问题不大") keeps the
 * message dismissive; it is said again as what we will do about it.
 */
const MAKING_LIGHT: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^(这个|这|那个)?(问题|事|事情|情况)(其实|真的|也)?(不大|不严重|很小|没什么)(的)?(啦|呀|哈|嘛)?$/u, () => '这个问题我来帮您处理'],
  [/^(这|这也|其实|也)?(没什么大不了|多大点事|小事一桩|小问题|不是什么大事)(的)?(啦|呀|哈|嘛|儿)?$/u, () => '这件事我来帮您处理'],
  [/^(又|也)?不是不(给你|给您|帮你|帮您)(发|退|换|处理|办)(了|的)?$/u, (m) => `我们会给您${{ 发: '发货', 退: '退款', 换: '换货' }[m[3] as '发' | '退' | '换'] ?? m[3]}的`],
  [/^(就|才|只|也就)(晚|慢|迟|耽误)了?([0-9一二两三几半]+)(天|个小时|小时|会儿)(而已)?(嘛|啊|呀)?$/u, (m) => `让您多等了${m[3]}${m[4]}，真的很抱歉`],
];

/** Written advice when the rewrite cannot be applied unattended. */
const ADVICE = '先承认客户的感受再处理问题，例如：“非常理解您的心情，我马上帮您查一下。”';

/**
 * The edit that turns the dismissive clause into an acknowledgement, or drops it when the message
 * already acknowledges the feeling ("请您先别生气，您的心情我们能理解" keeps the second half). A
 * clause right after it that makes light of the problem is rewritten with it.
 */
function rewrite(message: AnalyzedMessage, hit: LexiconMatch, alreadyAcknowledges: boolean): { start: number; end: number; text: string } | null {
  const text = message.text;
  const phrase = clausePhrase(text, hit.start, hit.end);
  const following = nextClause(text, phrase.clauseEnd);
  const light = following && !phrase.wordsAfter ? MAKING_LIGHT.map(([pattern, say]) => [pattern.exec(text.slice(following.start, following.end)), say] as const).find(([match]) => match) : undefined;
  if (alreadyAcknowledges && !light) return dropClause(phrase);
  const acknowledgement = WORRY.test(text.slice(hit.start, hit.end)) ? WORRY_ACKNOWLEDGEMENT : ACKNOWLEDGEMENT;
  // Words before the command ("这个问题您先冷静一下") would stand before the acknowledgement; that is left for a person.
  const replaced = replaceClause(text, phrase, acknowledgement, { keepWordsAfter: true });
  if (!replaced || !light || !following) return replaced;
  const [match, say] = light;
  return { start: replaced.start, end: following.end, text: `${replaced.text}${message.originalSlice(phrase.clauseEnd, following.start)}${say(match!)}` };
}

export default defineRule({
  meta: {
    id: 'dismissive-emotion',
    title: '否定情绪',
    category: 'empathy',
    defaultSeverity: 'warn',
    scope: 'message',
    description: '客服要求客户收起情绪（您别生气、冷静一下），或否定情绪的合理性（没必要生气、您想多了）',
    messages: {
      tellHowToFeel: '否定情绪：要求客户收起情绪（“{phrase}”）。先承认客户的感受，例如“非常理解您的心情”。',
      belittle: '否定情绪：否定客户情绪的合理性（“{phrase}”）。客户的感受不需要客服评判，先表示理解再解决问题。',
    },
    schema: z.strictObject({
      /**
       * Let an acknowledgement in the same message ("请您先别生气，您的心情我们能理解") excuse a
       * command to calm down. Off by default: the command still tells the customer how to feel.
       * Belittling ("没必要生气") is reported either way.
       */
      acknowledgementExcuses: z.boolean().default(false),
    }),
    lexicons: ['dismissive-emotion', 'dismissive-emotion.belittle', 'missing-empathy.acknowledgement'],
    hasSuggestions: true,
    fixable: true,
  },
  create(context) {
    const tell = context.lexicon('dismissive-emotion');
    const belittle = context.lexicon('dismissive-emotion.belittle');
    const acknowledgement = context.lexicon('missing-empathy.acknowledgement');

    // Questions are not skipped: "至于吗" and "别生气了好吗？" dismiss as much as statements do.
    const ownWords = (message: AnalyzedMessage, lexicon: typeof tell) =>
      assertedMatches(message, lexicon, { hypotheticals: true }).filter((m) => !isRepeatedSpeechAt(message.text, m.start));

    return {
      agentMessage(message) {
        const belittled = ownWords(message, belittle);
        const told = belittled.length > 0 ? [] : ownWords(message, tell);
        if (belittled.length === 0 && told.length === 0) return;
        const acknowledges = assertedMatches(message, acknowledgement).length > 0;
        if (belittled.length === 0 && acknowledges && context.options.acknowledgementExcuses) return;
        const messageId: MessageId = belittled.length > 0 ? 'belittle' : 'tellHowToFeel';
        const hit = belittled[0] ?? told[0]!;
        const change = rewrite(message, hit, acknowledges);
        context.report({
          messageId,
          data: { phrase: message.originalSlice(hit.start, hit.end) },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
          suggestion: ADVICE,
          fix: change ? originalFix(message.normalized, change.start, change.end, change.text) : undefined,
        });
      },
    };
  },
});
