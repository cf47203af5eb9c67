import type { Message } from '../model/conversation.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { valueKind, type Adapter, type ReadEvent } from './adapter.js';
import { t } from '../i18n/index.js';

const SENDER_ROLES: Record<string, Message['role']> = { customer: 'customer', helpdesk: 'agent' };

interface Annotation {
  quality?: { A?: number; S?: number; E?: number };
}

function meanQuality(annotations: unknown): Record<string, number> | undefined {
  if (!Array.isArray(annotations) || annotations.length === 0) return undefined;
  let a = 0;
  let s = 0;
  let e = 0;
  let count = 0;
  for (const annotation of annotations as Annotation[]) {
    const quality = annotation?.quality;
    if (!quality) continue;
    count++;
    a += Number(quality.A ?? 0);
    s += Number(quality.S ?? 0);
    e += Number(quality.E ?? 0);
  }
  if (count === 0) return undefined;
  const mean = (sum: number) => Math.round((sum / count) * 1000) / 1000;
  return { A: mean(a), S: mean(s), E: mean(e) };
}

/**
 * NTCIR STC-3 / DialEval customer-helpdesk dialogues (DCH-1):
 * `[{id, turns: [{sender: customer|helpdesk, utterances: [...]}], annotations}]`.
 * Each utterance becomes a message; the annotators' mean A/S/E go to `meta.quality`.
 */
export const dchAdapter: Adapter = {
  name: 'dch',
  description: 'NTCIR STC-3 / DialEval dialogue JSON (turns with sender and utterances)',
  layout: 'dialogues',
  detect(head) {
    const item = firstJsonItem(head);
    // A turn that is not an object (null, a number) is skipped when read; the others decide.
    const turns = item && Array.isArray(item.turns) ? (item.turns as unknown[]).filter((t): t is Record<string, unknown> => !!t && typeof t === 'object') : [];
    if (turns.length > 0 && turns.every((t) => 'sender' in t && Array.isArray(t.utterances))) return 0.95;
    return /"turns"\s*:/.test(head) && /"sender"\s*:/.test(head) && /"utterances"\s*:/.test(head) ? 0.8 : 0;
  },
  async *read(input): AsyncGenerator<ReadEvent> {
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      const item = document.value as Record<string, unknown> | null;
      const location = document.location;
      if (!item || typeof item !== 'object' || !Array.isArray(item.turns)) {
        yield { type: 'skipped', location, reason: t('dch.notDialogue') };
        continue;
      }
      // An id is text or a number: ["1"] read as "1" would merge two dialogues.
      if (item.id !== undefined && item.id !== null && typeof item.id !== 'string' && typeof item.id !== 'number') {
        yield { type: 'skipped', location, reason: t('dch.idNotText', { kind: t(Array.isArray(item.id) ? 'value.array' : typeof item.id === 'boolean' ? 'value.boolean' : 'value.object') }) };
        continue;
      }
      const id = item.id === undefined || item.id === null ? `${input.name}#${location.record ?? location.line}` : String(item.id);
      const messages: Message[] = [];
      let problem: string | undefined;
      // Turns without a list of utterances hold no message: each is a record skipped with its reason.
      const turnProblems: string[] = [];
      for (const [index, turn] of (item.turns as Array<Record<string, unknown>>).entries()) {
        const role = SENDER_ROLES[String(turn?.sender)];
        if (!role) {
          problem = t('dch.unknownSender', { id, turn: index + 1, value: (JSON.stringify(turn?.sender) ?? 'undefined').slice(0, 40) });
          break;
        }
        if (!Array.isArray(turn.utterances)) {
          turnProblems.push(t('dch.turnWithoutUtterances', { id, turn: index + 1, value: JSON.stringify(turn.utterances ?? null).slice(0, 40) }));
          continue;
        }
        for (const [at, utterance] of turn.utterances.entries()) {
          if (typeof utterance !== 'string') {
            // Named by its kind only: an object here could hold anything, personal data included.
            turnProblems.push(t('dch.utteranceNotText', { id, turn: index + 1, utterance: at + 1, kind: valueKind(utterance) }));
            continue;
          }
          messages.push({ seq: messages.length, role, text: utterance, kind: 'text', internal: false, location });
        }
      }
      if (problem) {
        yield { type: 'skipped', location, reason: problem };
        continue;
      }
      for (const reason of turnProblems) yield { type: 'skipped', location, reason };
      if (messages.length === 0) {
        yield { type: 'skipped', location, reason: t('dch.noMessages', { id }) };
        continue;
      }
      const quality = meanQuality(item.annotations);
      yield {
        type: 'conversation',
        records: 1,
        conversation: { id, source: { file: input.name, format: 'dch' }, messages, meta: quality ? { quality } : {} },
      };
    }
  },
};
