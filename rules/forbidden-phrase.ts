import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { LexiconMatch } from '../src/lexicon/lexicon.js';
import { toOriginalRange } from '../src/text/normalize.js';
import { isRepeatedSpeechAt } from '../src/text/quotation.js';

/**
 * What to say instead, by the kind of phrase. Phrases with no polite counterpart (insults,
 * "爱买不买") are dropped from the message. Phrases added from configuration fall through to
 * dropping as well.
 */
const POLITE_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(说|讲|告诉).*(过|了)|遍|次/, '我再为您说明一下'],
  [/懂|识字|长眼/, '不知道我有没有说清楚，我换个方式为您说明'],
  [/自己|问谁|关我|找别人|找谁/, '我来帮您查一下'],
];

const DANGLING = /^[\s,，、。.!！?？~～;；]+/;

function rewrite(message: AnalyzedMessage, hit: LexiconMatch): string {
  const original = message.message.text;
  const [from, to] = toOriginalRange(message.normalized, hit.start, hit.end);
  const phrase = message.text.slice(hit.start, hit.end);
  const polite = POLITE_FORMS.find(([pattern]) => pattern.test(phrase))?.[1];
  if (polite) return original.slice(0, from) + polite + original.slice(to);
  const rest = (original.slice(0, from) + original.slice(to).replace(DANGLING, '')).trim();
  return rest === '' ? '删去这句话，回到客户的问题上，例如：“我来帮您看看还有什么办法。”' : rest;
}

export default defineRule({
  meta: {
    id: 'forbidden-phrase',
    title: '服务禁语',
    category: 'tone',
    defaultSeverity: 'error',
    scope: 'message',
    description: '客服使用服务禁语：轻蔑、不耐烦、挑衅或辱骂客户的说法（你懂不懂、我已经说过了、爱买不买）',
    messages: {
      forbidden: '服务禁语：“{phrase}”。任何情况下都不应对客户这样说。',
    },
    schema: z.strictObject({}),
    lexicons: ['forbidden-phrase'],
    hasSuggestions: true,
  },
  create(context) {
    const forbidden = context.lexicon('forbidden-phrase');
    return {
      agentMessage(message) {
        // Every phrase is reported: a message with two insults has two problems.
        const hits = assertedMatches(message, forbidden, { hypotheticals: true }).filter((m) => !isRepeatedSpeechAt(message.text, m.start));
        for (const hit of hits) {
          context.report({
            messageId: 'forbidden',
            data: { phrase: message.originalSlice(hit.start, hit.end) },
            messageSeq: message.seq,
            normalizedRange: [hit.start, hit.end],
            suggestion: rewrite(message, hit),
          });
        }
      },
    };
  },
});
