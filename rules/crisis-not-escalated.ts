import { z } from 'zod';
import { defineRule } from '../src/engine/rule.js';
import { assertedMatches } from '../src/engine/matching.js';
import type { AnalyzedMessage } from '../src/engine/analysis.js';
import type { Lexicon, LexiconMatch } from '../src/lexicon/lexicon.js';
import { insideMention } from '../src/text/clauses.js';

const CLAUSE = /[^,.!?;:。、！？；…~～\s\n\r]+/g;

// Weibo threads address accounts as "@北京12315" and tag topics as "#315曝光台#": a regulator in a
// handle or a tag names an account or a topic, it does not say what the customer will do.
function insideHashtag(text: string, index: number): boolean {
  const before = text.slice(0, index).split('#').length - 1;
  return before % 2 === 1 && text.indexOf('#', index) >= 0;
}

// "客服让我去12315投诉" and "居然让我自己报警" report someone else's advice; the customer does not threaten.
const SOMEONE_ELSE_SAID = /(让|叫|要求|建议|教|劝)(我|我们)?[^,.!?;:。、！？；\s]{0,6}$/;
// "之前投诉到工信部以后才有人管", "有邻居投诉到消协": what happened before, or to others, is history,
// not a threat the agent has to meet now.
const HISTORY_BEFORE = /(上次|之前|以前|曾经|去年|上个月|前几天|前段时间|有人|有住户|有用户|别人|邻居|朋友)/;
// "…以后才有人管" and "…才得以解决" tell a past sequence; "非得媒体曝光你们才…" is a threat.
const HISTORY_AFTER = /^[^,.!?;:。、！？；\s]{0,4}((以后|之后|后)才|才得以)/;

// "同事后来打了110" tells what someone else did; only the customer's own turn to the police is a signal.
const SOMEONE_ELSE_DID = /(邻居|他|她|别人|朋友|家人|同事|他们|她们|对方)[^,.!?;:。、！？；\s]*$/;
const POLICE = /(报警|110|警察)/;

// Only a negation of the signal itself counts: "我不会起诉你们", "没想过自杀". The engine's wider
// negation scope would also swallow the condition of a threat: in "再不处理我就报警" the 不 belongs
// to 处理, and the threat stands.
const NEGATED = /(不|没|没有|未|别|并不|不会|不想|不要|不用|不必|绝不|决不|从没|从来没|从未|不打算|不准备|不至于)(想|要|会|去|打算|准备|想过|过)?$/;

type Signal = 'selfHarm' | 'safety' | 'legal';

export default defineRule({
  meta: {
    id: 'crisis-not-escalated',
    title: '危机未升级',
    category: 'escalation',
    defaultSeverity: 'error',
    scope: 'conversation',
    description: '客户流露轻生念头、提到人身安全或报警、或威胁找律师、起诉、向监管部门投诉、找媒体曝光，客服接下来的回复没有升级、转交、安全关怀或具体处理措施',
    messages: {
      selfHarm: '危机未升级：客户流露轻生念头（“{phrase}”），接下来 {window} 条回复没有关心客户安全、提供求助渠道或转交专人。',
      safety: '危机未升级：客户提到人身安全或报警（“{phrase}”），接下来 {window} 条回复没有安全提示、具体处理措施或转交专人。',
      legal: '危机未升级：客户表示要走法律或监管途径（“{phrase}”），接下来 {window} 条回复没有升级、转交或具体处理措施。',
    },
    schema: z.strictObject({
      /** How many human replies after the customer's message may hold the escalation or safety response. */
      window: z.number().int().min(1).max(10).default(3),
    }),
    lexicons: [
      'crisis-not-escalated.self-harm',
      'crisis-not-escalated.safety',
      'crisis-not-escalated.legal',
      'crisis-not-escalated.escalation',
      'crisis-not-escalated.care',
      'crisis-not-escalated.handling',
      'missing-empathy.acknowledgement',
    ],
    hasSuggestions: true,
  },
  create(context) {
    const signals: ReadonlyArray<[Signal, Lexicon]> = [
      ['selfHarm', context.lexicon('crisis-not-escalated.self-harm')],
      ['safety', context.lexicon('crisis-not-escalated.safety')],
      ['legal', context.lexicon('crisis-not-escalated.legal')],
    ];
    const escalation = context.lexicon('crisis-not-escalated.escalation');
    const care = context.lexicon('crisis-not-escalated.care');
    const handling = context.lexicon('crisis-not-escalated.handling');
    const acknowledgement = context.lexicon('missing-empathy.acknowledgement');
    const says = (replies: readonly AnalyzedMessage[], lexicon: Lexicon) => replies.some((reply) => assertedMatches(reply, lexicon).length > 0);
    // Self-harm needs care or a person who takes over. A threat to go to law or a regulator is
    // also met by an acknowledgement with a concrete step ("抱歉…我马上为您核实"): a step alone
    // ("请私信提供账号") or an apology alone does not de-escalate. A safety matter by any of these.
    const answered: Record<Signal, (replies: readonly AnalyzedMessage[]) => boolean> = {
      selfHarm: (replies) => says(replies, escalation) || says(replies, care),
      safety: (replies) => says(replies, escalation) || says(replies, care) || (says(replies, acknowledgement) && says(replies, handling)),
      legal: (replies) => says(replies, escalation) || (says(replies, acknowledgement) && says(replies, handling)),
    };
    const { window } = context.options;

    /** The most serious signal the customer asserts, clause by clause. Conditional threats count. */
    const signalIn = (message: AnalyzedMessage): { signal: Signal; hit: LexiconMatch } | undefined => {
      const text = message.text;
      for (const [signal, lexicon] of signals) {
        if (!lexicon.mayMatchWithin(text)) continue;
        for (const clause of text.matchAll(CLAUSE)) {
          const offset = clause.index!;
          for (const hit of lexicon.matchAll(clause[0])) {
            const start = offset + hit.start;
            if (insideMention(text, start) || insideHashtag(text, start)) continue;
            const before = clause[0].slice(0, hit.start);
            if (signal !== 'selfHarm' && SOMEONE_ELSE_SAID.test(before)) continue;
            if (signal === 'safety' && POLICE.test(hit.entry) && SOMEONE_ELSE_DID.test(before)) continue;
            if (signal === 'legal' && (HISTORY_BEFORE.test(before) || HISTORY_AFTER.test(clause[0].slice(hit.end)))) continue;
            if (NEGATED.test(before.replace(/^(我|我们)/, ''))) continue;
            return { signal, hit: { entry: hit.entry, start, end: offset + hit.end } };
          }
        }
      }
      return undefined;
    };

    // One finding per stretch of replies: a customer who repeats a threat before the agent answers
    // is one episode.
    const judgedReplies = new Set<number>();
    return {
      customerMessage(message) {
        const found = signalIn(message);
        if (!found) return;
        const replies = context.analysis.humanRepliesAfter(message.seq, window);
        if (replies.length === 0) return; // nobody answered at all: unanswered-customer's concern
        const first = replies[0]!;
        if (judgedReplies.has(first.seq)) return;
        judgedReplies.add(first.seq);
        // An empty reply is a picture or emoji the export did not keep: it may have held the answer.
        if (replies.some((reply) => reply.text.trim() === '')) return;
        if (answered[found.signal](replies)) return;
        context.report({
          messageId: found.signal,
          data: { phrase: message.originalSlice(found.hit.start, found.hit.end), window: replies.length },
          messageSeq: first.seq,
          trigger: { messageSeq: message.seq, normalizedRange: [found.hit.start, found.hit.end] },
          suggestion: SUGGESTIONS[found.signal],
        });
      },
    };
  },
});

const SUGGESTIONS: Record<Signal, string> = {
  selfHarm: '先关心客户的安全，再转交专人跟进，例如：“听到您这么说我很担心，您现在安全吗？我马上请主管专门跟进；如果心里很难受，可以拨打心理援助热线 12356。”',
  safety: '先确认客户安全并给出处理措施，例如：“您的安全最重要，如遇危险请立即报警；这件事我马上上报主管核实，今天内给您回复。”',
  legal: '正面回应并升级处理，例如：“理解您的心情，我已把您的问题升级给专人处理，今天下班前给您明确答复。”',
};
