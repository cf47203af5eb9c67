import type { EventType, MessageKind, Role, SourceLocation } from '../model/conversation.js';
import { firstJsonItem, jsonDocuments } from '../io/json-documents.js';
import { parseInstant } from '../time/instant.js';
import { describeValue, type Adapter, type AdapterOptions, type MessageDraft, type ReadEvent } from './adapter.js';
import { SessionSplitter } from './session-gap.js';
import { t } from '../i18n/index.js';

/*
 * 微信客服 kf/sync_msg responses, as saved from the API: one response
 * `{errcode, errmsg, next_cursor, has_more, msg_list: [...]}`, or several (a JSON array of them, or
 * one per line). Field names follow 企业微信开发者中心 › 微信客服 › 接收消息和事件 › 读取消息
 * (https://developer.work.weixin.qq.com/document/path/94670):
 *   {msgid, open_kfid, external_userid, send_time (epoch seconds), origin, servicer_userid, msgtype, <msgtype>: {...}}
 * origin 3 is the WeChat customer, 4 a system event, 5 a 接待人员 writing from the WeCom client.
 * Event messages (msgtype "event") carry open_kfid and external_userid inside `event`, with
 * `event.event_type`: enter_session, session_status_change (change_type 1 从接待池接入, 2 转接,
 * 3 结束, 4 重新接入已结束/已转接会话; old_/new_servicer_userid), user_recall_msg and
 * servicer_recall_msg (recall_msgid), msg_send_fail, servicer_status_change,
 * reject_customer_msg_switch_change (reject_switch).
 * The same page says sync_msg does not return messages sent through the send_msg API, so replies
 * of an API-driven bot are not in these files.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringAt = (value: unknown, key: string): string | undefined => {
  const field = isObject(value) ? value[key] : undefined;
  return typeof field === 'string' && field.trim() !== '' ? field.trim() : typeof field === 'number' ? String(field) : undefined;
};

const ROLE_BY_ORIGIN: Record<number, Role> = { 3: 'customer', 4: 'system', 5: 'agent' };

function looksLikeMessage(item: Json): boolean {
  return typeof item.msgid === 'string' && 'send_time' in item && 'origin' in item && 'msgtype' in item;
}

function label(name: string, ...details: Array<string | undefined>): string {
  const present = details.filter((d): d is string => d !== undefined);
  return present.length > 0 ? `[${name}] ${present.join(' ')}` : `[${name}]`;
}

/** Text arrives as written; other types become the bracketed preview the WeCom client shows. */
function contentOf(item: Json, msgtype: string): { text: string; kind: MessageKind } | { problem: string } {
  const body = item[msgtype];
  switch (msgtype) {
    case 'text': {
      const content = isObject(body) ? body.content : undefined;
      return typeof content === 'string' ? { text: content, kind: 'text' } : { problem: t('wecom.textWithoutContent', { value: describeValue(body) }) };
    }
    case 'msgmenu': {
      // A menu: its head, one line per option, its tail.
      if (!isObject(body)) return { problem: t('wecom.kfMenuWithoutObject') };
      const options = Array.isArray(body.list)
        ? body.list.map((entry) => (isObject(entry) && typeof entry.type === 'string' ? stringAt(entry[entry.type], 'content') : undefined))
        : [];
      const lines = [stringAt(body, 'head_content'), ...options, stringAt(body, 'tail_content')].filter((l): l is string => l !== undefined);
      return { text: lines.join('\n'), kind: 'text' };
    }
    case 'image':
      return { text: '[图片]', kind: 'image' };
    case 'voice':
      return { text: '[语音]', kind: 'file' };
    case 'video':
      return { text: '[视频]', kind: 'file' };
    case 'file':
      return { text: '[文件]', kind: 'file' };
    case 'location':
      return { text: label('位置', stringAt(body, 'name'), stringAt(body, 'address')), kind: 'file' };
    case 'link':
      return { text: label('链接', stringAt(body, 'title')), kind: 'file' };
    case 'business_card':
      return { text: '[名片]', kind: 'file' };
    case 'miniprogram':
      return { text: label('小程序', stringAt(body, 'title')), kind: 'file' };
    case 'merged_msg':
      return { text: label('聊天记录', stringAt(body, 'title')), kind: 'file' };
    case 'channels_shop_product':
      return { text: '[视频号商品]', kind: 'file' };
    case 'channels_shop_order':
      return { text: '[视频号订单]', kind: 'file' };
    case 'channels':
      return { text: '[视频号]', kind: 'file' };
    case 'meeting':
      return { text: '[会议]', kind: 'file' };
    case 'schedule':
      return { text: '[日程]', kind: 'file' };
    case 'note':
      return { text: '[笔记]', kind: 'file' };
    default:
      return { text: `[${msgtype}]`, kind: 'file' };
  }
}

/** A value as the reason quotes it: numbers bare, as the API sends them. */
const shown = (value: unknown) => (typeof value === 'number' ? String(value) : describeValue(value));

const servicer = (id: string | undefined) => (id ? `接待人员 ${id}` : '接待人员');

/** A session_status_change as an event message; change_type 3 ends the session. */
function sessionChange(event: Json): { event: EventType; text: string } | undefined {
  const oldServicer = stringAt(event, 'old_servicer_userid');
  const newServicer = stringAt(event, 'new_servicer_userid');
  switch (Number(event.change_type)) {
    case 1:
      return { event: 'join', text: `${servicer(newServicer)} 接入会话` };
    case 2:
      return { event: 'transfer', text: `会话由 ${oldServicer ?? '接待人员'} 转接给 ${newServicer ?? '其他接待人员'}` };
    case 3:
      return { event: 'end', text: `${servicer(oldServicer)} 结束会话` };
    case 4:
      return { event: 'join', text: `${servicer(newServicer)} 重新接入会话` };
    default:
      return undefined;
  }
}

/**
 * 微信客服 kf/sync_msg responses. One conversation per customer (external_userid) of a kf account
 * (open_kfid), cut into sessions at 结束会话 events and at silences longer than
 * `input.sessionGapMinutes`. Recalls by the customer or the 接待人员 withdraw the message.
 */
export const wecomKfAdapter: Adapter = {
  name: 'wecom-kf',
  description: '微信客服 kf/sync_msg responses ({errcode, next_cursor, has_more, msg_list}; one, an array, or JSONL)',
  layout: 'messages',
  detect(head) {
    const item = firstJsonItem(head);
    if (item) {
      if (Array.isArray(item.msg_list) && ('next_cursor' in item || 'has_more' in item)) return 0.96;
      if (looksLikeMessage(item)) return 0.95;
    }
    return ['msg_list', 'open_kfid', 'send_time', 'origin'].every((key) => head.includes(`"${key}"`)) ? 0.8 : 0;
  },
  async *read(input, options): AsyncGenerator<ReadEvent> {
    const reader = new KfReader(options);
    for await (const document of jsonDocuments(input)) {
      if (!document.ok) {
        yield { type: 'skipped', location: document.location, reason: document.reason };
        continue;
      }
      const location = document.location;
      const value = document.value;
      if (isObject(value) && 'msg_list' in value) {
        // A whole response (a JSON array or JSONL of responses): its messages share its location.
        if (!Array.isArray(value.msg_list)) {
          yield { type: 'skipped', location, reason: t('wecom.msgListNotArray', { value: describeValue(value.msg_list) }) };
        } else if (value.msg_list.length === 0) {
          yield { type: 'record', location };
        } else {
          for (const [index, item] of value.msg_list.entries()) yield* reader.read(item, location, `msg_list[${index}]: `);
        }
      } else if (isObject(value) && 'errcode' in value && Number(value.errcode) !== 0) {
        yield { type: 'skipped', location, reason: t('wecom.failedSync', { errcode: shown(value.errcode), errmsg: describeValue(value.errmsg) }) };
      } else {
        // An item of a single response's msg_list, streamed, or a bare message.
        yield* reader.read(value, location, '');
      }
    }
    if (reader.outOfOrderAt) {
      yield {
        type: 'warning',
        location: reader.outOfOrderAt,
        reason: t('wecom.kfOutOfOrder', { minutes: options.sessionGapMinutes }),
      };
    }
  },
};

/** Reads messages one at a time, keeping the per-customer session state of one pass. */
class KfReader {
  private readonly sessions: SessionSplitter;
  outOfOrderAt: SourceLocation | undefined;

  constructor(private readonly options: AdapterOptions) {
    this.sessions = new SessionSplitter(options.sessionGapMinutes);
  }

  *read(item: unknown, location: SourceLocation, where: string): Generator<ReadEvent> {
    const skip = (reason: string): ReadEvent => ({ type: 'skipped', location, reason: `${where}${reason}` });
    if (!isObject(item)) {
      yield skip(t('wecom.kfNotMessage', { value: describeValue(item) }));
      return;
    }
    const msgtype = stringAt(item, 'msgtype');
    if (!msgtype) {
      yield skip(t('wecom.kfNoMsgtype', { value: describeValue(item.msgtype) }));
      return;
    }
    const rawTime = item.send_time;
    const time = typeof rawTime === 'number' || (typeof rawTime === 'string' && /^\d+$/.test(rawTime.trim())) ? parseInstant(rawTime, this.options.timezone) : undefined;
    if (time === undefined) {
      yield skip(rawTime === undefined
        ? t('wecom.kfNoTime')
        : t('wecom.kfBadTime', { value: describeValue(rawTime) }));
      return;
    }
    const sourceId = stringAt(item, 'msgid');

    if (msgtype === 'event') {
      yield* this.readEvent(item, time, sourceId, location, skip);
      return;
    }
    const role = ROLE_BY_ORIGIN[Number(item.origin)];
    if (!role) {
      yield skip(t('wecom.kfUnknownOrigin', { value: shown(item.origin) }));
      return;
    }
    const kfId = stringAt(item, 'open_kfid');
    const customer = stringAt(item, 'external_userid');
    if (!kfId || !customer) {
      yield skip(t('wecom.kfNoOwner', { field: kfId ? 'external_userid' : 'open_kfid' }));
      return;
    }
    const content = contentOf(item, msgtype);
    if ('problem' in content) {
      yield skip(content.problem);
      return;
    }
    yield this.message(kfId, customer, location, {
      time,
      role,
      agentId: role === 'agent' ? stringAt(item, 'servicer_userid') : undefined,
      text: content.text,
      kind: role === 'system' ? 'event' : content.kind,
      event: role === 'system' ? 'other' : undefined,
      sourceId,
      internal: false,
      location,
    });
  }

  private *readEvent(item: Json, time: number, sourceId: string | undefined, location: SourceLocation, skip: (reason: string) => ReadEvent): Generator<ReadEvent> {
    const event = item.event;
    if (!isObject(event)) {
      yield skip(t('wecom.kfNoEvent', { value: describeValue(event) }));
      return;
    }
    const type = stringAt(event, 'event_type');
    // Events name the kf account and the customer inside `event`; the top-level fields are absent.
    const kfId = stringAt(event, 'open_kfid') ?? stringAt(item, 'open_kfid');
    const customer = stringAt(event, 'external_userid') ?? stringAt(item, 'external_userid');
    const draft = (eventType: EventType, text: string): MessageDraft => ({ time, role: 'system', text, kind: 'event', event: eventType, sourceId, internal: false, location });

    switch (type) {
      case 'user_recall_msg':
      case 'servicer_recall_msg': {
        const withdrawn = stringAt(event, 'recall_msgid');
        yield withdrawn ? { type: 'recall', sourceId: withdrawn, location } : skip(t('wecom.kfNoRecallId', { type }));
        return;
      }
      // About a 接待人员's own status, or a reply sent through the API that failed: no conversation message.
      case 'servicer_status_change':
      case 'msg_send_fail':
        yield { type: 'record', location };
        return;
      case undefined:
        yield skip(t('wecom.kfNoEventType', { value: describeValue(event.event_type) }));
        return;
    }
    if (!kfId || !customer) {
      yield skip(t('wecom.kfEventNoOwner', { type, field: kfId ? 'external_userid' : 'open_kfid' }));
      return;
    }
    if (type === 'session_status_change') {
      const change = sessionChange(event);
      if (!change) {
        yield skip(t('wecom.kfBadChangeType', { value: shown(event.change_type) }));
        return;
      }
      yield this.message(kfId, customer, location, draft(change.event, change.text));
      if (change.event === 'end') this.sessions.end(sessionKey(kfId, customer));
      return;
    }
    if (type === 'enter_session') {
      const scene = stringAt(event, 'scene');
      yield this.message(kfId, customer, location, draft('other', scene ? `客户进入会话（场景 ${scene}）` : '客户进入会话'), scene ? { scene } : {});
      return;
    }
    if (type === 'reject_customer_msg_switch_change') {
      const rejecting = Number(event.reject_switch) === 1;
      yield this.message(kfId, customer, location, draft('other', `${servicer(stringAt(event, 'servicer_userid'))} ${rejecting ? '开启' : '关闭'}了拒收客户消息`));
      return;
    }
    yield this.message(kfId, customer, location, draft('other', `[${type}]`));
  }

  private message(kfId: string, customer: string, location: SourceLocation, message: MessageDraft, extraMeta: Record<string, unknown> = {}): ReadEvent {
    const { conversationId, outOfOrder } = this.sessions.assign(sessionKey(kfId, customer), message.time, message.role);
    if (outOfOrder) this.outOfOrderAt ??= location;
    return { type: 'message', conversationId, message, meta: { openKfId: kfId, externalUserId: customer, ...extraMeta } };
  }
}

const sessionKey = (kfId: string, customer: string) => `${kfId}/${customer}`;
