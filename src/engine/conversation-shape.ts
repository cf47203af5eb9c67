import type { AnalyzedMessage } from './analysis.js';
import type { Conversation } from '../model/conversation.js';

const PUBLIC_CHANNEL = /(weibo|微博|twitter|public)/iu;

/**
 * Public threads (Weibo helpdesk replies, tweets) are not chats: greetings and closings follow
 * other customs there. The STC-3 corpus (`dch`) is such a collection of Weibo threads.
 */
export function isPublicThread(conversation: Conversation): boolean {
  return PUBLIC_CHANNEL.test(conversation.channel ?? '') || conversation.source.format === 'dch';
}

const PHONE_CHANNEL = /(phone|call|voice|电话|语音|热线)/iu;

/** The channel a format implies when its export names none: STC-3 (`dch`) threads are Weibo's, call transcripts are calls. */
const FORMAT_CHANNELS: Readonly<Record<string, string>> = { dch: 'weibo', 'call-transcript': 'phone' };

/**
 * The conversation's channel, or the one its format implies: what a copy of it in another format
 * (`convert`) must carry, so that the copy is judged as the original is.
 */
export function channelOf(conversation: Pick<Conversation, 'channel' | 'source'>): string | undefined {
  return conversation.channel ?? (Object.hasOwn(FORMAT_CHANNELS, conversation.source.format) ? FORMAT_CHANNELS[conversation.source.format] : undefined);
}

/**
 * Phone calls (speech-recognition transcripts): the call ends when either side hangs up, and the
 * recogniser leaves fragments ("嗯？", "要不？") after the goodbye that nobody could have answered.
 */
export function isPhoneCall(conversation: Conversation): boolean {
  return PHONE_CHANNEL.test(conversation.channel ?? '') || conversation.source.format === 'call-transcript';
}

/** Sticker codes and platform masks ("#E-s[数字x]", "[呵呵]"), in the normalised text. */
export const STICKER_OR_MASK = /#e-[a-z]\[[^\]\s]{1,12}\]|\[[^\][\s]{1,12}\]/gu;

/** False for a reply with no words: an emoji or picture the export did not keep, or only stickers and masks. */
export function hasWords(message: AnalyzedMessage): boolean {
  return /[\p{Script=Han}a-z]/u.test(message.text.replace(STICKER_OR_MASK, ''));
}
