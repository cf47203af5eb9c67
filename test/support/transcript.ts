import { DateTime } from 'luxon';
import type { Conversation, Message, Role } from '../../src/model/conversation.js';

const ROLE_WORDS: Record<string, Role> = {
  客户: 'customer', 顧客: 'customer', 客戶: 'customer', 客服: 'agent', 機器人: 'bot', 机器人: 'bot', 系统: 'system', 系統: 'system',
};

/**
 * Builds a conversation from short lines, so rule tests read like transcripts:
 *
 *   '客户: 快递三天没动了'
 *   '10:00:41 客服(小林): 非常抱歉，我马上帮您查'
 *   '机器人: 您好，请问有什么可以帮您'
 *   '客服[internal]: 这单先别回'
 *
 * An optional leading time (HH:MM, HH:MM:SS, or 2026-11-03T09:00) is read on `date` in Asia/Shanghai.
 */
export function transcript(lines: readonly string[], options: { id?: string; date?: string; timezone?: string } = {}): Conversation {
  const date = options.date ?? '2026-11-02';
  const zone = options.timezone ?? 'Asia/Shanghai';
  const messages: Message[] = lines.map((line, seq) => {
    const match = /^(?:((?:\d{4}-\d{2}-\d{2}T)?\d{1,2}:\d{2}(?::\d{2})?)\s+)?(\S+?)(?:\((.+?)\))?(\[internal\])?[:：]\s?(.*)$/su.exec(line);
    if (!match) throw new Error(`transcript line ${seq + 1} is not "role: text": ${line}`);
    const [, clock, roleWord, agent, internal, text] = match;
    const role = ROLE_WORDS[roleWord!] ?? (roleWord as Role);
    if (!['customer', 'agent', 'bot', 'system'].includes(role)) throw new Error(`transcript line ${seq + 1}: unknown role ${roleWord}`);
    const [day, hours] = clock?.includes('T') ? clock.split('T') : [date, clock];
    const time = hours
      ? DateTime.fromFormat(`${day} ${hours.length <= 5 ? `${hours}:00` : hours}`, 'yyyy-MM-dd H:mm:ss', { zone }).toMillis()
      : undefined;
    if (time !== undefined && !Number.isFinite(time)) throw new Error(`transcript line ${seq + 1}: bad time ${clock}`);
    return {
      seq,
      time,
      role,
      agentName: role === 'agent' ? (agent ?? '小林') : undefined,
      text: text!,
      kind: role === 'system' ? 'event' : 'text',
      internal: Boolean(internal),
      location: { file: 'test.jsonl', line: seq + 1 },
    };
  });
  return { id: options.id ?? 'c-test', source: { file: 'test.jsonl', format: 'jsonl' }, messages, meta: {} };
}
