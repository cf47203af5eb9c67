import { countBefore } from '../sorted.js';
import { isCustomerMessage, isHumanReply, type Conversation, type Message } from '../model/conversation.js';
import { detectScript, normalizeText, toOriginalRange, type NormalizedText, type Script } from '../text/normalize.js';
import { tokenize, type Segmenter, type Token } from '../text/segment.js';
import { businessSecondsBetween, type BusinessCalendar } from '../time/business-hours.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import { ConversationActs } from '../analysis/acts.js';

/** One message with its normalised view. Tokens are segmented once, on first request. */
export class AnalyzedMessage {
  readonly message: Message;
  readonly normalized: NormalizedText;
  private tokenCache: Token[] | undefined;

  constructor(message: Message, private readonly segmenter: Segmenter) {
    this.message = message;
    this.normalized = normalizeText(message.text);
  }

  get seq(): number {
    return this.message.seq;
  }

  /** The normalised text rules match against. */
  get text(): string {
    return this.normalized.text;
  }

  /** The original text behind a [start, end) range of the normalised text, for quoting. */
  originalSlice(start: number, end: number): string {
    const [from, to] = toOriginalRange(this.normalized, start, end);
    return this.message.text.slice(from, to);
  }

  get tokens(): readonly Token[] {
    this.tokenCache ??= tokenize(this.normalized.text, this.segmenter);
    return this.tokenCache;
  }
}

/** Consecutive customer messages with no human reply between them. */
export interface CustomerBurst {
  /** Indexes into `messages`. */
  readonly customerSeqs: number[];
  /** The first human reply after the burst, if any. */
  readonly replySeq?: number;
  /** Seconds from the burst's first message to the reply, in business time when configured. */
  readonly waitSeconds?: number;
}

/**
 * What every rule needs about one conversation, computed once and shared: the normalised
 * messages, the script, customer bursts and the response latencies between them.
 */
export class ConversationAnalysis {
  readonly conversation: Conversation;
  readonly messages: readonly AnalyzedMessage[];
  readonly script: Script;
  readonly calendar: BusinessCalendar;
  private burstCache: CustomerBurst[] | undefined;
  private actsCache: ConversationActs | undefined;
  private replySeqCache: number[] | undefined;
  private customerSeqCache: number[] | undefined;

  constructor(conversation: Conversation, segmenter: Segmenter, calendar: BusinessCalendar, private readonly lexicons?: ReadonlyMap<string, Lexicon>) {
    this.conversation = conversation;
    this.messages = conversation.messages.map((m) => new AnalyzedMessage(m, segmenter));
    this.script = detectScript(this.messages.map((m) => m.normalized));
    this.calendar = calendar;
  }

  /** What each sentence does: the customer's complaints, the agent's acknowledgements … (src/analysis/acts.ts). */
  get acts(): ConversationActs {
    this.actsCache ??= new ConversationActs((id) => {
      const lexicon = this.lexicons?.get(id);
      if (!lexicon) throw new Error(`the conversation analysis needs phrase list "${id}", which is not loaded`);
      return lexicon;
    });
    return this.actsCache;
  }

  /** True when every customer message and every human reply carries a time. */
  get hasTimestamps(): boolean {
    const timed = this.messages.filter((m) => isCustomerMessage(m.message) || isHumanReply(m.message));
    return timed.length > 0 && timed.every((m) => m.message.time !== undefined);
  }

  get firstCustomerMessage(): AnalyzedMessage | undefined {
    return this.messages.find((m) => isCustomerMessage(m.message));
  }

  /** The first visible message from a human agent. Bot greetings do not count. */
  get firstHumanReply(): AnalyzedMessage | undefined {
    const first = this.firstCustomerMessage;
    if (!first) return undefined;
    return this.messages.find((m) => m.seq > first.seq && isHumanReply(m.message));
  }

  /** Business seconds between two messages, or undefined when either lacks a time. */
  secondsBetween(from: AnalyzedMessage, to: AnalyzedMessage): number | undefined {
    const start = from.message.time;
    const end = to.message.time;
    if (start === undefined || end === undefined) return undefined;
    return businessSecondsBetween(start, end, this.calendar);
  }

  get customerBursts(): readonly CustomerBurst[] {
    this.burstCache ??= this.computeBursts();
    return this.burstCache;
  }

  /** Positions of the human replies, or of the customer's messages, in order; found once, searched by halving. */
  private positionsOf(who: 'human' | 'customer'): number[] {
    if (who === 'human') {
      this.replySeqCache ??= this.messages.filter((m) => isHumanReply(m.message)).map((m) => m.seq);
      return this.replySeqCache;
    }
    this.customerSeqCache ??= this.messages.filter((m) => isCustomerMessage(m.message)).map((m) => m.seq);
    return this.customerSeqCache;
  }

  /** The human replies that follow a message, in order; the first `limit` of them when given. */
  humanRepliesAfter(seq: number, limit = Number.POSITIVE_INFINITY): AnalyzedMessage[] {
    const positions = this.positionsOf('human');
    const from = countBefore(positions, seq + 1);
    return positions.slice(from, from + limit).map((at) => this.messages[at]!);
  }

  /** The human replies before a message, in order; the last `limit` of them when given. */
  humanRepliesBefore(seq: number, limit = Number.POSITIVE_INFINITY): AnalyzedMessage[] {
    const positions = this.positionsOf('human');
    const to = countBefore(positions, seq);
    return positions.slice(Math.max(0, to - limit), to).map((at) => this.messages[at]!);
  }

  /** The last human reply before a message. */
  humanReplyBefore(seq: number): AnalyzedMessage | undefined {
    return this.humanRepliesBefore(seq, 1)[0];
  }

  /** The customer's last message before a message. */
  customerMessageBefore(seq: number): AnalyzedMessage | undefined {
    const positions = this.positionsOf('customer');
    const to = countBefore(positions, seq);
    return to === 0 ? undefined : this.messages[positions[to - 1]!];
  }

  private computeBursts(): CustomerBurst[] {
    const bursts: CustomerBurst[] = [];
    let open: number[] = [];
    const close = (replySeq?: number) => {
      if (open.length === 0) return;
      const first = this.messages[open[0]!]!;
      const reply = replySeq === undefined ? undefined : this.messages[replySeq]!;
      const waitSeconds = reply ? this.secondsBetween(first, reply) : undefined;
      bursts.push({ customerSeqs: open, replySeq, waitSeconds });
      open = [];
    };
    for (const m of this.messages) {
      if (isCustomerMessage(m.message)) open.push(m.seq);
      else if (isHumanReply(m.message)) close(m.seq);
    }
    close();
    return bursts;
  }
}
