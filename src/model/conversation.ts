import { z } from 'zod';

/** Who sent a message. Bots and systems never count as a human reply. */
export const ROLES = ['customer', 'agent', 'bot', 'system'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const MESSAGE_KINDS = ['text', 'image', 'file', 'event'] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKindSchema>;

/** Where a message or record came from: a file plus a 1-based line or a 0-based record index. */
export const sourceLocationSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().optional(),
  /** 1-based column, where the source has one (canned-reply libraries). */
  column: z.number().int().positive().optional(),
  record: z.number().int().nonnegative().optional(),
});
export type SourceLocation = z.infer<typeof sourceLocationSchema>;

/** What an event message marks: an agent joining or leaving, a transfer, the end, a rating. */
export const EVENT_TYPES = ['join', 'leave', 'transfer', 'assign', 'end', 'rating', 'other'] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof eventTypeSchema>;

export const messageSchema = z.object({
  /** 0-based position within the conversation. */
  seq: z.number().int().nonnegative(),
  /** Epoch milliseconds, when the export carries a time. */
  time: z.number().finite().optional(),
  role: roleSchema,
  agentId: z.string().optional(),
  agentName: z.string().optional(),
  /**
   * The customer's display name, where the export gives one with each message (Zendesk's visitor
   * display_name, Intercom's and LiveChat's author names): never shown, but --redact replaces it
   * wherever an agent writes it.
   */
  customerName: z.string().optional(),
  // (A name given once for the whole conversation, such as Zendesk's visitor.name, is in the
  // conversation's meta.customerNames.)
  /** The text exactly as it arrived. Rules match a normalised view and quote this. */
  text: z.string(),
  kind: messageKindSchema,
  /** For kind `event`: what happened. */
  event: eventTypeSchema.optional(),
  /** The export's own id for the message (msgid, part id), where it has one. */
  sourceId: z.string().optional(),
  /** Internal notes and whispers: never seen by the customer. */
  internal: z.boolean(),
  location: sourceLocationSchema,
});
export type Message = z.infer<typeof messageSchema>;

export const conversationSchema = z.object({
  id: z.string().min(1),
  source: z.object({ file: z.string(), format: z.string() }),
  channel: z.string().optional(),
  messages: z.array(messageSchema),
  meta: z.record(z.string(), z.unknown()),
});
export type Conversation = z.infer<typeof conversationSchema>;

/** A human agent's message the customer can see. Bots, systems and internal notes are excluded. */
export function isHumanReply(message: Message): boolean {
  return message.role === 'agent' && !message.internal && message.kind !== 'event';
}

export function isCustomerMessage(message: Message): boolean {
  return message.role === 'customer' && message.kind !== 'event';
}

/** Display name of the agent who sent a message, or undefined for non-agents. */
export function agentLabel(message: Message): string | undefined {
  return message.agentName ?? message.agentId;
}
