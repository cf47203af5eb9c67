import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { toOriginalRange } from '../src/text/normalize.js';
import { isRepeatedSpeechAt } from '../src/text/quotation.js';

type MessageId = 'tellHowToFeel' | 'belittle';

/** The acknowledgement that replaces the command in the suggested rewrite. */
const ACKNOWLEDGEMENT = '非常理解您的心情';

/**
 * The message with the dismissive words replaced by an acknowledgement, or dropped when the
 * message already acknowledges the feeling ("请您先别生气，您的心情我们能理解" keeps the second half).
 */
function rewrite(message: AnalyzedMessage, hit: LexiconMatch, alreadyAcknowledges: boolean): string {
  const original = message.message.text;
  const [from, to] = toOriginalRange(message.normalized, hit.start, hit.end);
  if (!alreadyAcknowledges) return original.slice(0, from) + ACKNOWLEDGEMENT + original.slice(to);
  // Dropping the words also drops the punctuation that followed them, and a comma left dangling.
  const rest = original.slice(to).replace(/^[\s,，、~～!！]+/, '');
  const before = original.slice(0, from);
  return (rest === '' ? before.replace(/[\s,，、~～]+$/, '') : before + rest) || ACKNOWLEDGEMENT;
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
        context.report({
          messageId,
          data: { phrase: message.originalSlice(hit.start, hit.end) },
          messageSeq: message.seq,
          normalizedRange: [hit.start, hit.end],
          suggestion: rewrite(message, hit, acknowledges),
          fix: rewrite(message, hit, acknowledges),
        });
      },
    };
  },
});
