import { DateTime } from 'luxon';
import type { Conversation } from '../model/conversation.js';
import { channelOf } from '../engine/conversation-shape.js';
import { metaNames } from '../engine/lint.js';

/** One canonical JSONL line per message; `lint` reads these back unchanged. */
export function toCanonicalLines(conversation: Conversation, timezone: string): string {
  return conversation.messages
    .map((m) =>
      JSON.stringify({
        conversation_id: conversation.id,
        seq: m.seq,
        time: m.time === undefined ? undefined : DateTime.fromMillis(m.time, { zone: timezone }).toISO({ suppressMilliseconds: true }),
        role: m.role,
        agent: m.agentName,
        agent_id: m.agentId,
        // The customer's display name: `lint --redact` of the copy replaces it, as of the original.
        customer: m.role === 'customer' ? (m.customerName ?? metaNames(conversation.meta.customerNames)[0]) : undefined,
        text: m.text,
        kind: m.kind === 'text' ? undefined : m.kind,
        event: m.event,
        message_id: m.sourceId,
        internal: m.internal || undefined,
        channel: channelOf(conversation),
        source: m.location.line !== undefined ? `${m.location.file}:${m.location.line}` : m.location.record !== undefined ? `${m.location.file}#${m.location.record}` : m.location.file,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
