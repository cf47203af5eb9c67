import type { FieldName } from './adapter.js';

/** The names exports commonly use for each canonical field, in English and Chinese. */
export const FIELD_ALIASES: Record<FieldName, readonly string[]> = {
  conversation: ['conversation_id', 'conversationId', 'session_id', 'sessionId', 'dialogue_id', 'dialog_id', 'chat_id', 'ticket_id', 'thread_id', 'id',
    '会话ID', '会话id', '会话编号', '会话', '对话ID', '对话编号', '会话ID号', '工单号', '會話ID'],
  messages: ['messages', 'turns', 'dialog', 'dialogue', 'history', 'conversation', 'utterances', 'content'],
  time: ['time', 'timestamp', 'created_at', 'createdAt', 'sent_at', 'date', 'datetime', 'msgtime', 'send_time', '时间', '发送时间', '消息时间', '時間', '日期时间'],
  role: ['role', 'sender', 'speaker', 'from', 'author_type', 'sender_type', 'type', '角色', '发送者', '发送方', '身份', '發送者', '角色类型'],
  agent: ['agent', 'agent_name', 'agentName', 'staff', 'staff_name', 'servicer', 'nick', '客服', '坐席', '客服昵称', '客服名称', '客服姓名', '接待客服'],
  agentId: ['agent_id', 'agentId', 'staff_id', 'staffId', 'servicer_userid', '客服ID', '客服工号', '工号'],
  // The customer's display name or nickname (Zendesk, Intercom and LiveChat give one): --redact replaces it where it is written.
  customer: ['customer', 'customer_name', 'customerName', 'visitor_name', 'buyer_nick', '客户昵称', '客户名称', '顾客昵称', '买家昵称'],
  text: ['text', 'content', 'message', 'msg', 'body', 'utterance', 'value', '内容', '消息内容', '聊天内容', '消息', '文本', '內容', '訊息'],
  kind: ['kind', 'msgtype', 'message_type', 'msg_type', '消息类型'],
  internal: ['internal', 'is_internal', 'private', 'whisper', '内部备注'],
  channel: ['channel', 'source_channel', '渠道', '来源渠道'],
};
