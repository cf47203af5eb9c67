import type { MessageKind, Role } from '../model/conversation.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, type Adapter, type ReadEvent } from './adapter.js';
import { SessionSplitter } from './session-gap.js';
import { t } from '../i18n/index.js';

/*
 * 企业微信「会话内容存档」: the messages the GetChatData SDK returns, after DecryptData, one JSON
 * object per message, stored as JSONL or as a JSON array. Field names and message types follow
 * 企业微信开发者中心 › 会话内容存档 › 获取会话内容 › 消息格式
 * (https://developer.work.weixin.qq.com/document/path/91774):
 *   {msgid, action: send|recall|switch, from, tolist: [...], roomid, msgtime (UTC epoch ms), msgtype,
 *    <msgtype>: {...}}
 * `text.content` holds a text message; `revoke.pre_msgid` names the message a recall withdraws;
 * switch records (切换企业日志) are `{msgid, action: "switch", time, user}` and hold no message.
 * The archive has no role field. The same page says an id from outside the company is an
 * external_userid and a robot's is an external_userid starting "wb"; external contacts' ids start
 * "wm" (WeChat users) or "wo" (members of other WeCom companies). Everyone else is the company's
 * own staff, and `input.internalIds` names staff whose ids would otherwise look external.
 */


type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringAt = (value: unknown, key: string): string | undefined => {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : undefined;
};

/** The preview the WeCom client shows for a message that is not text, with its title where it has one. */
function label(name: string, ...details: Array<string | undefined>): string {
  const present = details.filter((d): d is string => d !== undefined);
  return present.length > 0 ? `[${name}] ${present.join(' ')}` : `[${name}]`;
}

/** Text items of a mixed (图文混排) message; each item's content is itself a JSON string. */
function mixedText(mixed: unknown): { text: string; kind: MessageKind } | undefined {
  const items = isObject(mixed) && Array.isArray(mixed.item) ? mixed.item : undefined;
  if (!items) return undefined;
  const parts: string[] = [];
  let hasText = false;
  for (const item of items) {
    const type = stringAt(item, 'type');
    let content: unknown;
    try {
      content = typeof (item as Json)?.content === 'string' ? JSON.parse((item as Json).content as string) : (item as Json)?.content;
    } catch {
      content = undefined;
    }
    if (type === 'text' && typeof (content as Json)?.content === 'string') {
      parts.push((content as Json).content as string);
      hasText = true;
    } else if (type === 'image') parts.push('[图片]');
    else if (type === 'emotion') parts.push('[表情]');
    else if (type) parts.push(`[${type}]`);
  }
  return { text: parts.join('\n'), kind: hasText ? 'text' : 'image' };
}

/**
 * What a message says. Text arrives as written; other types become the bracketed preview the
 * WeCom client shows ([图片], [文件] 名称), so reports stay readable and rules find nothing to judge.
 */
function contentOf(record: Json, msgtype: string): { text: string; kind: MessageKind } | { problem: string } {
  const body = record[msgtype];
  switch (msgtype) {
    case 'text': {
      const content = isObject(body) ? body.content : undefined;
      return typeof content === 'string' ? { text: content, kind: 'text' } : { problem: t('wecom.textWithoutContent', { value: describeValue(body) }) };
    }
    case 'markdown': {
      // Robots send Markdown; the page puts it in info.content.
      const content = isObject(record.info) ? record.info.content : undefined;
      return typeof content === 'string' ? { text: content, kind: 'text' } : { problem: t('wecom.markdownWithoutContent') };
    }
    case 'mixed':
      return mixedText(body) ?? { problem: t('wecom.mixedWithoutItems') };
    case 'image':
      return { text: '[图片]', kind: 'image' };
    case 'emotion':
      return { text: '[表情]', kind: 'image' };
    case 'voice':
      return { text: '[语音]', kind: 'file' };
    case 'video':
      return { text: '[视频]', kind: 'file' };
    case 'file':
      return { text: label('文件', stringAt(body, 'filename')), kind: 'file' };
    case 'link':
      return { text: label('链接', stringAt(body, 'title')), kind: 'file' };
    case 'weapp':
      return { text: label('小程序', stringAt(body, 'title')), kind: 'file' };
    case 'location':
      return { text: label('位置', stringAt(body, 'title'), stringAt(body, 'address')), kind: 'file' };
    case 'card':
      return { text: '[名片]', kind: 'file' };
    case 'chatrecord':
      return { text: label('聊天记录', stringAt(body, 'title')), kind: 'file' };
    case 'docmsg':
      return { text: label('在线文档', stringAt(record.doc, 'title')), kind: 'file' };
    case 'news': {
      const items = isObject(record.info) && Array.isArray(record.info.item) ? record.info.item : [];
      return { text: label('图文', stringAt(items[0], 'title')), kind: 'file' };
    }
    case 'todo':
      return { text: label('待办', stringAt(body, 'title')), kind: 'file' };
    case 'redpacket':
    case 'external_redpacket':
      return { text: '[红包]', kind: 'file' };
    case 'vote':
      return { text: '[投票]', kind: 'file' };
    case 'collect':
      return { text: '[填表]', kind: 'file' };
    case 'meeting':
      return { text: '[会议邀请]', kind: 'file' };
    case 'calendar':
      return { text: '[日程]', kind: 'file' };
    case 'meeting_voice_call':
      return { text: '[音频存档]', kind: 'file' };
    case 'voip_doc_share':
      return { text: '[共享文档]', kind: 'file' };
    case 'sphfeed':
      return { text: '[视频号]', kind: 'file' };
    default:
      // Types added after this reader was written still have a sender and a time: keep them.
      return { text: `[${msgtype}]`, kind: 'file' };
  }
}

/**
 * 企业微信会话内容存档 (decrypted GetChatData messages). One conversation per 1:1 chat between an
 * external contact and a staff member, or per group chat (roomid), cut into sessions at silences
 * longer than `input.sessionGapMinutes`, but not while the customer waits for a reply (see
 * SessionSplitter). Chats with no external contact are staff talking among themselves: they are
 * counted, not linted.
 */
export const wecomArchiveAdapter: Adapter = {
  name: 'wecom-archive',
  description: '企业微信会话内容存档 (decrypted GetChatData messages, JSONL or a JSON array)',
  layout: 'messages',
  detect(head) {
    const item = firstJsonItem(head);
    if (item && typeof item.msgid === 'string' && typeof item.action === 'string') {
      if (item.action === 'switch') return 'time' in item && 'user' in item ? 0.9 : 0;
      return 'from' in item && Array.isArray(item.tolist) && 'msgtime' in item && 'msgtype' in item ? 0.97 : 0;
    }
    // A damaged first record: the archive's own field names still say what it is.
    return ['msgid', 'action', 'tolist', 'msgtime', 'msgtype'].every((key) => head.includes(`"${key}"`)) ? 0.8 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const internalIds = new Set(options.internalIds);
    const sessions = new SessionSplitter(options.sessionGapMinutes);
    const roleOf = (id: string): Role => {
      if (internalIds.has(id)) return 'agent';
      if (id.startsWith('wb')) return 'bot';
      if (id.startsWith('wm') || id.startsWith('wo')) return 'customer';
      return 'agent';
    };
    const staffOnlyChats = new Set<string>();
    let staffOnlyRecords = 0;
    let warnedOrder = false;

    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      const location = document.location;
      const record = document.value;
      if (!isObject(record)) {
        yield { type: 'skipped', location, reason: t('wecom.archiveNotMessage', { value: describeValue(record) }) };
        continue;
      }
      const action = record.action;
      if (action === 'switch') {
        yield { type: 'record', location };
        continue;
      }
      if (action === 'recall') {
        const withdrawn = stringAt(record.revoke, 'pre_msgid');
        if (withdrawn) yield { type: 'recall', sourceId: withdrawn, location };
        else yield { type: 'skipped', location, reason: t('wecom.archiveNoRecallId') };
        continue;
      }
      if (action !== 'send') {
        yield { type: 'skipped', location, reason: action === undefined ? t('wecom.archiveNoAction') : t('wecom.archiveUnknownAction', { value: describeValue(action) }) };
        continue;
      }
      const from = stringAt(record, 'from');
      if (!from) {
        yield { type: 'skipped', location, reason: t('wecom.archiveNoSender', { value: describeValue(record.from) }) };
        continue;
      }
      const msgtype = stringAt(record, 'msgtype');
      if (!msgtype) {
        yield { type: 'skipped', location, reason: t('wecom.archiveNoMsgtype', { value: describeValue(record.msgtype) }) };
        continue;
      }
      const rawTime = record.msgtime;
      const time = typeof rawTime === 'number' || (typeof rawTime === 'string' && /^\d+$/.test(rawTime.trim())) ? parseInstant(rawTime, options.timezone) : undefined;
      if (time === undefined) {
        const reason = rawTime === undefined
          ? t('wecom.archiveNoTime')
          : t('wecom.archiveBadTime', { value: describeValue(rawTime) });
        yield { type: 'skipped', location, reason };
        continue;
      }
      // 同意/不同意存档 records note a contact's consent to archiving; they are not chat messages.
      if (msgtype === 'agree' || msgtype === 'disagree') {
        yield { type: 'record', location };
        continue;
      }
      const tolist = Array.isArray(record.tolist) ? record.tolist.filter((id): id is string => typeof id === 'string' && id !== '') : [];
      const roomId = stringAt(record, 'roomid');

      const isExternal = (id: string) => roleOf(id) === 'customer';
      const customer = isExternal(from) ? from : tolist.find(isExternal);
      if (!customer) {
        // Staff talking among themselves, in a 1:1 chat or an internal group: not a customer conversation.
        staffOnlyChats.add(roomId ?? [from, ...tolist].sort().join(' '));
        staffOnlyRecords++;
        yield { type: 'record', location };
        continue;
      }
      let key: string;
      let meta: Record<string, unknown>;
      if (roomId) {
        key = roomId;
        meta = { chatType: 'group', roomId };
      } else {
        const staff = customer === from ? tolist.find((id) => id !== from) : from;
        key = staff ? `${customer}/${staff}` : customer;
        meta = { chatType: 'single', externalUserId: customer, ...(staff ? { staffUserId: staff } : {}) };
      }

      const content = contentOf(record, msgtype);
      if ('problem' in content) {
        yield { type: 'skipped', location, reason: content.problem };
        continue;
      }
      const role = roleOf(from);
      const { conversationId, outOfOrder } = sessions.assign(key, time, role);
      if (outOfOrder && !warnedOrder) {
        warnedOrder = true;
        yield {
          type: 'warning',
          location,
          reason: t('wecom.archiveOutOfOrder', { minutes: options.sessionGapMinutes }),
        };
      }
      yield {
        type: 'message',
        conversationId,
        meta,
        message: {
          time,
          role,
          agentId: role === 'agent' || role === 'bot' ? from : undefined,
          text: content.text,
          kind: content.kind,
          sourceId: stringAt(record, 'msgid'),
          internal: false,
          location,
        },
      };
    }
    if (staffOnlyRecords > 0) {
      yield {
        type: 'warning',
        location: { file: input.name },
        reason: t('wecom.archiveStaffOnly', { records: staffOnlyRecords, chats: staffOnlyChats.size }),
      };
    }
  },
};
