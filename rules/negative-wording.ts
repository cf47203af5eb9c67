import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { Lexicon, LexiconMatch } from '../src/lexicon/lexicon.js';
import { clauseBounds } from '../src/text/clauses.js';
import { toOriginalRange } from '../src/text/normalize.js';
import { isRepeatedSpeechAt } from '../src/text/quotation.js';

// A sentence ends at 。!? ; or a line break; JDDC exports also separate sentences with spaces.
const SENTENCE_BREAK = /[.!?;。！？；\n\r\s]/;

// The shared hypothetical check reads one clause; these also look back over the sentence.
// "如合约未到期，是不能办理的" explains a rule for a case; "否则没办法查询" and "不然后台没法操作"
// state the consequence of a missing step. 例如/比如 and 如方便 are not conditions, and "…的话"
// closes a condition that opened without a marker.
const CONDITION = /(如果|如若|假如|倘若|要是|万一|一旦|若|(?<![例比譬诸])如(?!方便|下|此|何|今|同|实)|的话|否则|不然|要不然|以免)/;

// "由于您未提供详细信息，暂时无法核查" and "您不给订单号，我无法查看": the refusal only lasts until
// the customer supplies what is missing, which is itself the next step.
const MISSING_INFORMATION = /((您|你)[^,.!?;。！？；\s]{0,3}(不|没有?|未)[^,.!?;。！？；\s]{0,4}(给|提供|告知|发|说明|找到)|找不到)/;

// Words that turn what follows a refusal into an offer: in "没办法退，可以换" the 可以 is the
// alternative, while in "没办法帮您取消" the 帮您取消 is what was refused.
const CONTRAST = /(但|不过|可是|而是|可以|建议|或者|或是|换成|改为|改成|推荐|不如|要不)/;

// "请说一下你需要解决什么问题" asks; the question word comes after the phrase.
const QUESTION_WORD = /(什么|啥|哪|多少|怎么|怎样|几)/;

/** How each command is asked instead. */
const POLITE_FORMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^你需要$/, '麻烦您'],
  [/^你务必$/, '请您务必'],
  [/^你一定要$/, '请您一定'],
  [/^你给我$/, '麻烦您给我'],
];

function politeForm(command: string): string {
  return POLITE_FORMS.find(([pattern]) => pattern.test(command))?.[1] ?? '请您';
}

function sentenceStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !SENTENCE_BREAK.test(text[start - 1]!)) start--;
  return start;
}

function isConditional(text: string, start: number): boolean {
  const before = text.slice(sentenceStart(text, start), start);
  return CONDITION.test(before) || MISSING_INFORMATION.test(before);
}

/** An alternative counts unless it lies inside a refused phrase: after it, in its clause, with no contrast between. */
function offersAlternative(text: string, refusals: readonly LexiconMatch[], alternatives: readonly LexiconMatch[]): boolean {
  return alternatives.some((alternative) =>
    refusals.every((refusal) => {
      const [, clauseEnd] = clauseBounds(text, refusal.start);
      if (alternative.start < refusal.start || alternative.start >= clauseEnd) return true;
      if (alternative.start < refusal.end) return false;
      return CONTRAST.test(text.slice(refusal.end, alternative.end));
    }),
  );
}

export default defineRule({
  meta: {
    id: 'negative-wording',
    title: '消极措辞',
    category: 'tone',
    defaultSeverity: 'warn',
    scope: 'message',
    description: '客服只说做不到（没办法、做不到、不可能、不行）而不给替代方案，或用“你需要…/你必须…”命令客户',
    messages: {
      refusal: '消极措辞：只说做不到（“{phrase}”），没有给出替代方案。说明我方能做什么，或客户还可以怎么办。',
      command: '消极措辞：命令式的“{phrase}”。改用“请您…”或“麻烦您…”。',
    },
    schema: z.strictObject({
      /** Report commanding wording ("你需要…", "你必须…") as well as bare refusals. */
      commands: z.boolean().default(true),
    }),
    lexicons: ['negative-wording', 'negative-wording.alternative', 'negative-wording.command'],
    hasSuggestions: true,
    fixable: true,
  },
  create(context) {
    const refusal = context.lexicon('negative-wording');
    const alternative = context.lexicon('negative-wording.alternative');
    const command = context.lexicon('negative-wording.command');

    const ownWords = (message: AnalyzedMessage, lexicon: Lexicon) =>
      assertedMatches(message, lexicon, { questions: true, hypotheticals: true })
        .filter((m) => !isConditional(message.text, m.start) && !isRepeatedSpeechAt(message.text, m.start));

    function reportRefusal(message: AnalyzedMessage): void {
      const refusals = ownWords(message, refusal);
      if (refusals.length === 0) return;
      // An offer counts even when asked ("要不帮您换一个？") or conditional ("需要的话可以帮您申请").
      if (offersAlternative(message.text, refusals, assertedMatches(message, alternative))) return;
      const hit = refusals[0]!;
      context.report({
        messageId: 'refusal',
        data: { phrase: message.originalSlice(hit.start, hit.end) },
        messageSeq: message.seq,
        normalizedRange: [hit.start, hit.end],
        suggestion: '说明做不到的原因，并给出能做的事，例如：“这个暂时没办法直接退款，不过我可以马上帮您申请换货，您看可以吗？”',
      });
    }

    function reportCommand(message: AnalyzedMessage): void {
      const text = message.text;
      const hit = ownWords(message, command).find((m) => {
        const [, clauseEnd] = clauseBounds(text, m.start);
        return !QUESTION_WORD.test(text.slice(m.end, clauseEnd));
      });
      if (!hit) return;
      const range = toOriginalRange(message.normalized, hit.start, hit.end);
      context.report({
        messageId: 'command',
        data: { phrase: message.originalSlice(hit.start, hit.end) },
        messageSeq: message.seq,
        normalizedRange: [hit.start, hit.end],
        suggestion: '把命令改成请求，例如：“麻烦您提供一下订单号，我马上帮您查。”',
        // The command is its own words: "你需要提供订单号" asks as "麻烦您提供订单号".
        fix: { range, text: politeForm(text.slice(hit.start, hit.end)) },
      });
    }

    return {
      agentMessage(message) {
        reportRefusal(message);
        if (context.options.commands) reportCommand(message);
      },
    };
  },
});
