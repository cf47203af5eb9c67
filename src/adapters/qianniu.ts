import { t } from '../i18n/index.js';
import type { MessageKind, SourceLocation } from '../model/conversation.js';
import { readLines, type InputSource } from '../io/input.js';
import { formatLocalTime, parseInstant } from '../time/instant.js';
import type { Adapter, AdapterOptions, MessageDraft, ReadEvent } from './adapter.js';

/*
 * 千牛/旺旺 chat records (聊天记录), as the 聊天记录 window exports them to .txt or as they are copied
 * out of it. Each message starts with a sender line, `昵称 2026-11-02 10:00:03` (some versions put
 * the time on the next line, or in brackets: `昵称(2026-11-02 10:00:03):`), followed by the lines of
 * the message up to the next sender line. Times are the seller's local time, with no zone.
 *
 * Alibaba documents no schema for this text; the layout here is the one the client shows and
 * copies. What the reader relies on:
 * - A sub-account nick is `店铺名:子账号` (Taobao's 子账号 naming; the client may write a full-width
 *   `：`). A sub-account of the file's shop is the shop's agent: agentName is the sub-account, agentId
 *   the whole nick. Any other nick is the customer, another shop's sub-account too (it buys here). `--agent-pattern` (options.agentPattern) replaces this rule: the
 *   nicks it matches are agents, all others customers. 店小蜜, Alibaba's robot, answers under a
 *   sub-account named 店小蜜, and auto-replies are marked [自动回复]: both are bots.
 * - Lines that are not messages: `…撤回了一条消息` (a recall notice: the recalled text is no longer
 *   in the record), `已读`/`未读` (read status), `当前用户来自…` (where the buyer came from) are
 *   counted as records; `…转交给…` (the chat handed to another sub-account) becomes a transfer event.
 * - A file section belongs to one customer (a `与 昵称 的聊天记录` line names it); an agent's lines
 *   go to the conversation of the customer who spoke last. When a file holds several customers, each
 *   customer nick is its own conversation, split where the customer writes again after a silence
 *   longer than options.sessionGapMinutes. Conversation ids are `昵称 开始时间`.
 * - A sender line inside a message must match the file's own sender lines (see notAHeader): a
 *   customer who pastes `店铺名:子账号 2026-11-02 10:00:00` into a message is not an agent. The file's
 *   shop is decided before reading, by the whole file (see surveySenders), so that a quoted line
 *   before the first real one cannot claim it.
 */

/** The time as written, then its year, month, day, hour, minute and second. */
const DATE_TIME = String.raw`((\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)`;
/**
 * `昵称 2026-11-02 10:00:03`, `昵称(2026-11-02 10:00:03):`. As one pattern,
 * `^(\S.*?)(?:[ \t\u3000]+|[ \t\u3000]*[(（])${DATE_TIME}[)）]?[ \t]*[:：]?[ \t]*$`, it would try the
 * separator from every character of the nick and take quadratic time on a long run of spaces; the
 * time at the end is found first (TIME_AT_END), and the nick and separator before it are read by hand.
 */
const TIME_AT_END = new RegExp(String.raw`${DATE_TIME}[)）]?[ \t]*[:：]?[ \t]*$`, 'g');
const SEPARATOR = /[ \t\u3000]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** A match's groups: a sender line's or a time line's, where the time and its parts start at a known group. */
type TimeGroups = ReadonlyArray<string | undefined>;

/** A sender line's nick, then the time as written and its parts (as DATE_TIME's groups); null when the line is none. */
export function senderLine(line: string): TimeGroups | null {
  TIME_AT_END.lastIndex = 0;
  for (let found = TIME_AT_END.exec(line); found; found = TIME_AT_END.exec(line)) {
    const start = found.index;
    TIME_AT_END.lastIndex = start + 1;
    // Before the time: `[ \t\u3000]+`, or `[ \t\u3000]*` then a bracket; the nick is the rest.
    let end = start;
    if (line[end - 1] === '(' || line[end - 1] === '（') end--;
    else if (end === 0 || !SEPARATOR.test(line[end - 1]!)) continue;
    while (end > 0 && SEPARATOR.test(line[end - 1]!)) end--;
    const nick = line.slice(0, end);
    if (nick === '' || /^\s/.test(nick) || LINE_BREAK.test(nick)) continue;
    TIME_AT_END.lastIndex = 0;
    return [line, nick, ...found.slice(1, 8)];
  }
  TIME_AT_END.lastIndex = 0;
  return null;
}
/** A line with only the time, under a line with only the nick. */
const TIME_LINE = new RegExp(String.raw`^[(（]?${DATE_TIME}[)）]?[ \t]*[:：]?$`);
const SECTION_LINE = /^(?:与|和)\s*(.+?)\s*的聊天记录[:：]?$/;
/** A nick and a date with the time cut short: kept as text, since it cannot be told from a customer's words. */
const DAMAGED_SENDER_LINE = /^\S+[ \t\u3000]+[(（]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ \t]+\d{0,2}(?::\d{0,2}){0,2})?$/;
const SEPARATOR_LINE = /^[-=—─_*~]{3,}/;
const READ_STATUS_LINE = /^(?:已读|未读)$/;
const RECALL_LINE = /撤回了一条消息$/;
const ORIGIN_LINE = /^当前用户来自/;
/**
 * A hand-over notice (`店铺:小林 将会话转交给 店铺:小王`, `会话已由…转交给…`) names a sub-account or
 * starts with the chat, and has no sentence punctuation; "我把会话转交给售后，请稍等" is an agent's.
 */
const TRANSFER_LINE = /转交给/;
const TRANSFER_SUBJECT = /^(?:当前|该)?会话|\S[:：]\S/;
const SENTENCE_PUNCTUATION = /[，。！？!?,~～]/;
const SUB_ACCOUNT = /^(.+?)[:：](.+)$/;
const SYSTEM_NICKS = new Set(['系统', '系统消息', '系统提示', '千牛']);
const BOT_SUB_ACCOUNTS = /店小蜜|机器人|智能客服/;
const AUTO_REPLY = /^\s*[[【]自动回复[\]】]/;

function pad(value: string): string {
  return value.padStart(2, '0');
}

/** The sender line's time as text parseInstant reads, with the parts zero-padded. */
function timeText(match: TimeGroups, first: number): string {
  const [year, month, day, hour, minute, second] = match.slice(first + 1, first + 7);
  // ISO form with a "T": the fastest that parseInstant reads as a naive local time.
  return `${year}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${minute}:${second ?? '00'}`;
}

function isTransferNotice(line: string): boolean {
  return TRANSFER_LINE.test(line) && TRANSFER_SUBJECT.test(line) && !SENTENCE_PUNCTUATION.test(line);
}

interface Sender {
  role: MessageDraft['role'];
  agentId?: string;
  agentName?: string;
}

/**
 * Who the file's sender lines name, counted over the whole file before it is read. A customer may
 * paste lines of another shop's chat into a message, and a pasted sender line looks like a real
 * one; the lines that vote for the file's shop (店铺:子账号) leave out the two kinds a paste shows:
 * - a line whose time runs back from the sender line before it (the one that voted last, as the
 *   reader compares with the message it is in; a 与…的聊天记录 line starts afresh): a quote is older
 *   than the message it stands in;
 * - a shop's lines that come right after a customer's message ending in a colon (之前客服回我：),
 *   until the customer writes again: a quote the customer introduces.
 * The shop with the most votes is the file's. Shops that tie cannot be told apart: all of them are
 * the file's then, with a warning, so that no agent's line is read as a customer's text.
 */
interface FileSenders {
  /** The file's shop, or shops when they tie; empty when no sender line names a shop. */
  shops: ReadonlySet<string>;
  /** Nicks that a `与 昵称 的聊天记录` line names: customers, even when the nick holds a colon. */
  customers: ReadonlySet<string>;
  /** When shops tie: each one's first sender line and how many lines voted for it. */
  several?: Map<string, { lines: number; first: number }>;
}

const shopOf = (nick: string) => SUB_ACCOUNT.exec(nick)?.[1]!.trim();

/** Text that hands over to a quote: it ends in a colon. */
const INTRODUCES_QUOTE = /[：:]\s*$/u;

async function surveySenders(input: InputSource, timezone: string): Promise<FileSenders> {
  const customers = new Set<string>();
  const nicks = new Map<string, { lines: number; first: number }>();
  /** The time of the last sender line that voted; undefined at the start of the file or of a section. */
  let lastTime: number | undefined;
  /** The message being read: its sender, and its last line of text. */
  let reading: { nick: string; lastText: string; textBefore: string } | undefined;
  /** The shop whose lines a customer's colon introduced, until the customer writes again. */
  let quotedShop: string | undefined;
  const isCustomer = (nick: string) => customers.has(nick) || shopOf(nick) === undefined;
  const count = (nick: string, lineNumber: number, time: TimeGroups, first: number, textBefore: string | undefined) => {
    const shop = customers.has(nick) ? undefined : shopOf(nick);
    if (shop === undefined) quotedShop = undefined;
    else if (reading && isCustomer(reading.nick) && INTRODUCES_QUOTE.test(textBefore ?? '')) quotedShop = shop;
    reading = { nick, lastText: '', textBefore: '' };
    if (shop !== undefined && shop === quotedShop) return;
    const instant = parseInstant(timeText(time, first), timezone);
    if (instant !== undefined && lastTime !== undefined && instant < lastTime) return;
    if (instant !== undefined) lastTime = instant;
    const seen = nicks.get(nick);
    if (seen) seen.lines++;
    else nicks.set(nick, { lines: 1, first: lineNumber });
  };
  let previous: { line: string; lineNumber: number } | undefined;
  for await (const { line: raw, lineNumber } of readLines(input.text())) {
    const line = lineNumber === 1 ? raw.replace(/^\ufeff/, '') : raw;
    const trimmed = line.trim();
    const section = SECTION_LINE.exec(trimmed);
    const sender = section ? null : senderLine(line.trimEnd());
    const timeOnly = section || sender || !previous ? null : TIME_LINE.exec(trimmed);
    if (section) {
      customers.add(section[1]!);
      lastTime = undefined;
      reading = undefined;
      quotedShop = undefined;
    } else if (sender) count(sender[1]!.trim(), lineNumber, sender, 2, reading?.lastText);
    // The nick of a two-line sender was taken for text of the message before: look past it.
    else if (previous && timeOnly) count(previous.line.trim(), previous.lineNumber, timeOnly, 1, reading?.textBefore);
    else if (reading && trimmed !== '') {
      reading.textBefore = reading.lastText;
      reading.lastText = trimmed;
    }
    previous = section || sender || trimmed === '' ? undefined : { line, lineNumber };
  }
  const shops = new Map<string, { lines: number; first: number }>();
  for (const [nick, seen] of nicks) {
    const shop = shopOf(nick);
    if (shop === undefined || customers.has(nick) || SYSTEM_NICKS.has(nick)) continue;
    const counted = shops.get(shop);
    if (counted) {
      counted.lines += seen.lines;
      counted.first = Math.min(counted.first, seen.first);
    } else shops.set(shop, { ...seen });
  }
  // The most votes: a buyer whose nick holds a colon (tb:小鹿, with no 与…的聊天记录 line) names a
  // "shop" too, but the shop that answers names more lines. Shops that tie cannot be told apart.
  const most = Math.max(0, ...[...shops.values()].map((seen) => seen.lines));
  const fileShops = new Map([...shops].filter(([, seen]) => seen.lines === most));
  return { shops: new Set(fileShops.keys()), customers, ...(fileShops.size > 1 ? { several: fileShops } : {}) };
}

/** The warning for shops that tie, at the first line of the shop named last. */
function severalShopsWarning(file: string, several: NonNullable<FileSenders['several']>): ReadEvent {
  const shops = [...several].sort((a, b) => a[1].first - b[1].first);
  return {
    type: 'warning',
    location: { file, line: shops[shops.length - 1]![1].first },
    reason: `店铺${shops.map(([shop]) => `“${shop}”`).join('和')}的发送人行一样多（各 ${shops[0]![1].lines} 行），无法判断哪个是这个文件的店铺，所以它们的子账号都按客服读取。如果其中一个是客户引用的别家聊天，它的行也会被当作客服消息，请核对`,
  };
}

function senderOf(nick: string, options: AdapterOptions, senders: FileSenders): Sender {
  if (SYSTEM_NICKS.has(nick)) return { role: 'system' };
  if (senders.customers.has(nick)) return { role: 'customer' };
  const subAccount = SUB_ACCOUNT.exec(nick);
  // Another shop's sub-account (or a buyer nick with a colon in it) chats with this shop as a buyer.
  const ownSubAccount = subAccount !== null && (senders.shops.size === 0 || senders.shops.has(subAccount[1]!.trim()));
  const isAgent = options.agentPattern ? options.agentPattern.test(nick) : ownSubAccount;
  if (!isAgent) return { role: 'customer' };
  const agentName = subAccount ? subAccount[2]!.trim() : nick;
  if (BOT_SUB_ACCOUNTS.test(agentName)) return { role: 'bot', agentName };
  return { role: 'agent', agentId: nick, agentName };
}

interface OpenMessage {
  nick: string;
  time?: number;
  location: SourceLocation;
  lines: string[];
  /** Notices found among its lines, handed on after the message. */
  notices: Array<{ kind: 'record' | 'transfer'; text: string; location: SourceLocation }>;
}

/**
 * How a file writes its sender lines: the nick and time on one line, in brackets, or on two lines;
 * the date's separator; whether times carry seconds. One export writes all its sender lines alike.
 */
interface HeaderShape {
  layout: 'inline' | 'bracket' | 'split';
  separator: string;
  seconds: boolean;
}

function shapeOf(layout: HeaderShape['layout'], time: TimeGroups, first: number): HeaderShape {
  return { layout, separator: time[first]!.charAt(4), seconds: time[first + 6] !== undefined };
}

const sameShape = (a: HeaderShape, b: HeaderShape) => a.layout === b.layout && a.separator === b.separator && a.seconds === b.seconds;

function describeShape(shape: HeaderShape): string {
  const layout = shape.layout === 'inline' ? '昵称和时间在同一行' : shape.layout === 'bracket' ? '时间在括号里' : '时间在昵称的下一行';
  return `${layout}，日期用“${shape.separator}”分隔，${shape.seconds ? '带秒' : '不带秒'}`;
}

interface Session {
  id: string;
  lastTime?: number;
}

/** Reads one file; an object so that each read starts from a clean state (grouping reads twice). */
class QianniuReader {
  private open: OpenMessage | undefined;
  private currentCustomer: string | undefined;
  private readonly sessions = new Map<string, Session>();
  /** Agent and system messages read before any customer is known, in order. */
  private waiting: MessageDraft[] = [];
  /** The shape of the file's first sender line, which every later one shares. */
  private shape: HeaderShape | undefined;

  constructor(
    private readonly file: string,
    private readonly options: AdapterOptions,
    private readonly senders: FileSenders,
  ) {}

  private sessionOf(nick: string, time: number | undefined, customerSpeaks: boolean): Session {
    let session = this.sessions.get(nick);
    const gap = this.options.sessionGapMinutes * 60_000;
    const silenceEnded = customerSpeaks && session?.lastTime !== undefined && time !== undefined && time - session.lastTime > gap;
    if (!session || silenceEnded) {
      session = { id: time === undefined ? nick : `${nick} ${formatLocalTime(time, this.options.timezone)}` };
      this.sessions.set(nick, session);
    }
    if (time !== undefined) session.lastTime = Math.max(session.lastTime ?? time, time);
    return session;
  }

  /** Messages of the shop's side go to the customer who spoke last, or wait for the first one. */
  private *place(message: MessageDraft, customerNick?: string): Generator<ReadEvent> {
    if (customerNick !== undefined) {
      this.currentCustomer = customerNick;
      if (this.waiting.length > 0 && !this.sessions.has(customerNick)) {
        const waiting = this.waiting;
        this.waiting = [];
        for (const earlier of waiting) yield { type: 'message', conversationId: this.sessionOf(customerNick, earlier.time, false).id, message: earlier };
      }
      yield { type: 'message', conversationId: this.sessionOf(customerNick, message.time, true).id, message };
      return;
    }
    if (this.currentCustomer === undefined) {
      this.waiting.push(message);
      return;
    }
    yield { type: 'message', conversationId: this.sessionOf(this.currentCustomer, message.time, false).id, message };
  }

  private *transfer(text: string, time: number | undefined, location: SourceLocation): Generator<ReadEvent> {
    yield* this.place({ time, role: 'system', kind: 'event', event: 'transfer', text, internal: false, location });
  }

  /** A line that is not a sender line: a notice, or a line of the open message. */
  private *bodyLine(line: string, lineNumber: number): Generator<ReadEvent> {
    const location = { file: this.file, line: lineNumber };
    const trimmed = line.trim();
    const notice = READ_STATUS_LINE.test(trimmed) || RECALL_LINE.test(trimmed) || ORIGIN_LINE.test(trimmed) ? 'record' : isTransferNotice(trimmed) ? 'transfer' : undefined;
    if (notice && this.open) {
      this.open.notices.push({ kind: notice, text: trimmed, location });
      return;
    }
    if (notice === 'record') {
      yield { type: 'record', location };
      return;
    }
    if (notice === 'transfer') {
      yield* this.transfer(trimmed, undefined, location);
      return;
    }
    const section = SECTION_LINE.exec(trimmed);
    if (section) {
      yield* this.finish();
      this.currentCustomer = section[1];
      return;
    }
    if (SEPARATOR_LINE.test(trimmed)) return;
    if (this.open) {
      this.open.lines.push(line);
      if (DAMAGED_SENDER_LINE.test(trimmed)) {
        yield { type: 'warning', location, reason: t('qianniu.cutTime', { line: trimmed }) };
      }
      return;
    }
    if (trimmed !== '') {
      yield { type: 'skipped', location, reason: t('qianniu.outside') };
    }
  }

  /**
   * Why a line that looks like a sender line, inside a message, is rather a line of that message (a
   * customer quoting an earlier chat, or typing a shop's nick and a time), or undefined when it is
   * a sender line. It is text when it is written in another shape than the file's sender lines, when
   * its time is before the time of the message it stands in, or when it stands in another
   * customer's message and names a shop (店铺:子账号) other than the file's shop (see surveySenders).
   */
  private notAHeader(nick: string, shape: HeaderShape, time: TimeGroups, first: number): string | undefined {
    if (!this.open) return undefined;
    if (this.shape && !sameShape(shape, this.shape)) return `它的格式（${describeShape(shape)}）和这个文件的发送人行（${describeShape(this.shape)}）不同`;
    const instant = parseInstant(timeText(time, first), this.options.timezone);
    if (instant !== undefined && this.open.time !== undefined && instant < this.open.time) return `它的时间早于所在消息的时间（${formatLocalTime(this.open.time, this.options.timezone)}）`;
    const { shops, customers } = this.senders;
    const shop = shopOf(nick.trim());
    // Customers quote; another shop's nick that opens a line in an agent's message, or that the
    // customer writes under, is that customer writing (a nick with a colon, a sub-account buying here).
    const inAnotherCustomersText = this.open.nick !== nick.trim() && senderOf(this.open.nick, this.options, this.senders).role === 'customer';
    const foreignShop = shop !== undefined && shops.size > 0 && !shops.has(shop) && !customers.has(nick.trim()) && !this.options.agentPattern?.test(nick.trim());
    if (inAnotherCustomersText && foreignShop) return `店铺“${shop}”不是这个文件里的店铺（${[...shops].map((name) => `“${name}”`).join('、')}）`;
    return undefined;
  }

  /** A sender line that failed notAHeader: its lines join the open message, with a warning. */
  private *quotedHeader(lines: Array<{ line: string; lineNumber: number }>, why: string): Generator<ReadEvent> {
    for (const { line } of lines) this.open!.lines.push(line);
    const first = lines[0]!;
    yield {
      type: 'warning',
      location: { file: this.file, line: first.lineNumber },
      reason: `“${lines.map((l) => l.line.trim()).join(' ')}”像一行发送人，但${why}，所以按上一条消息里的文字读取。如果它确实是新消息的开头，请检查导出文件是否被改动过`,
    };
  }

  private *header(nick: string, layout: HeaderShape['layout'], time: TimeGroups, first: number, lines: Array<{ line: string; lineNumber: number }>): Generator<ReadEvent> {
    const shape = shapeOf(layout, time, first);
    const why = this.notAHeader(nick, shape, time, first);
    if (why !== undefined) {
      yield* this.quotedHeader(lines, why);
      return;
    }
    this.shape ??= shape;
    yield* this.start(nick, time, first, lines[0]!.lineNumber);
  }

  private *start(nick: string, time: TimeGroups, first: number, lineNumber: number): Generator<ReadEvent> {
    yield* this.finish();
    const location = { file: this.file, line: lineNumber };
    const instant = parseInstant(timeText(time, first), this.options.timezone);
    if (instant === undefined) {
      yield { type: 'skipped', location, reason: t('qianniu.badDate', { time: time[first]! }) };
      return;
    }
    this.open = { nick: nick.trim(), time: instant, location, lines: [], notices: [] };
  }

  /** Hands on the open message, then the notices found among its lines. */
  *finish(): Generator<ReadEvent> {
    const open = this.open;
    if (!open) return;
    this.open = undefined;
    const lines = [...open.lines];
    while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
    const text = lines.join('\n');
    if (text === '' && open.notices.length === 0) {
      yield { type: 'skipped', location: open.location, reason: t('qianniu.noMessage', { nick: open.nick }) };
    } else if (text !== '') {
      const sender = senderOf(open.nick, this.options, this.senders);
      const isBot = sender.role === 'agent' && AUTO_REPLY.test(text);
      const kind: MessageKind = sender.role === 'system' ? 'event' : text === '[图片]' ? 'image' : /^\[文件\]/.test(text) ? 'file' : 'text';
      const message: MessageDraft = {
        time: open.time,
        role: isBot ? 'bot' : sender.role,
        agentId: isBot ? undefined : sender.agentId,
        agentName: sender.agentName,
        text,
        kind,
        event: kind === 'event' ? (isTransferNotice(text) ? 'transfer' : 'other') : undefined,
        internal: false,
        location: open.location,
      };
      yield* this.place(message, sender.role === 'customer' ? open.nick : undefined);
    }
    for (const notice of open.notices) {
      if (notice.kind === 'record') yield { type: 'record', location: notice.location };
      else yield* this.transfer(notice.text, open.time, notice.location);
    }
  }

  *line(line: string, lineNumber: number, pending: { line: string; lineNumber: number } | undefined): Generator<ReadEvent, { line: string; lineNumber: number } | undefined> {
    const timeOnly = TIME_LINE.exec(line.trim());
    if (pending) {
      if (timeOnly) {
        yield* this.header(pending.line, 'split', timeOnly, 1, [pending, { line, lineNumber }]);
        return undefined;
      }
      yield* this.bodyLine(pending.line, pending.lineNumber);
    }
    const sender = senderLine(line.trimEnd());
    if (sender && !SECTION_LINE.test(line.trim())) {
      const layout = /[(（][ \t\u3000]*\d{4}[-/.]/.test(line.slice(sender[1]!.length)) ? 'bracket' : 'inline';
      yield* this.header(sender[1]!, layout, sender, 2, [{ line, lineNumber }]);
      return undefined;
    }
    if (timeOnly || line.trim() === '' || SEPARATOR_LINE.test(line.trim())) {
      yield* this.bodyLine(line, lineNumber);
      return undefined;
    }
    // Held for one line: it is a nick when the next line holds only a time.
    return { line, lineNumber };
  }

  /** Messages of the shop's side in a file where no customer ever wrote: one conversation, named by the file. */
  *end(): Generator<ReadEvent> {
    yield* this.finish();
    for (const message of this.waiting) yield { type: 'message', conversationId: this.currentCustomer ?? this.file, message };
    this.waiting = [];
  }
}

function looksLikeNick(nick: string): boolean {
  return nick.length <= 64 && !/[,\t{}"]/.test(nick);
}

export const qianniuAdapter: Adapter = {
  name: 'qianniu',
  description: '千牛/旺旺 chat-record text (昵称 2026-11-02 10:00:03, then the message; 店铺名:子账号 of the file’s shop is the agent)',
  layout: 'messages',
  detect(head, fileName) {
    const lines = head.replace(/^\ufeff/, '').split('\n', 400).map((l) => l.replace(/\r$/, ''));
    let senders = 0;
    let subAccounts = 0;
    let sections = 0;
    lines.forEach((line, i) => {
      if (SECTION_LINE.test(line.trim())) sections++;
      const inline = senderLine(line);
      const nick = inline ? inline[1]! : TIME_LINE.test(line.trim()) && i > 0 ? (lines[i - 1] ?? '').trim() : undefined;
      if (!nick || !looksLikeNick(nick)) return;
      senders++;
      if (SUB_ACCOUNT.test(nick)) subAccounts++;
    });
    if (senders >= 2 && (subAccounts >= 1 || sections >= 1)) return 0.9;
    if (senders >= 2) return /\.txt$/i.test(fileName) ? 0.6 : 0.5;
    return 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const senders = await surveySenders(input, options.timezone);
    if (senders.several) yield severalShopsWarning(input.name, senders.several);
    const reader = new QianniuReader(input.name, options, senders);
    let pending: { line: string; lineNumber: number } | undefined;
    for await (const { line, lineNumber } of readLines(input.text())) {
      pending = yield* reader.line(lineNumber === 1 ? line.replace(/^\ufeff/, '') : line, lineNumber, pending);
    }
    if (pending) yield* reader.line('', pending.lineNumber + 1, pending);
    yield* reader.end();
  },
};
