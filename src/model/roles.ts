import type { Role } from './conversation.js';

/**
 * Source values that mean each role. Exports use English and Chinese labels; the platform
 * names (买家 on Taobao, 访客 on web chat, 坐席 in call-centre software) come from their consoles.
 */
const BUILTIN_ROLE_ALIASES: Record<string, Role> = {
  customer: 'customer', user: 'customer', client: 'customer', visitor: 'customer', buyer: 'customer',
  lead: 'customer', contact: 'customer', end_user: 'customer', enduser: 'customer', requester: 'customer',
  客户: 'customer', 顾客: 'customer', 买家: 'customer', 访客: 'customer', 用户: 'customer', 游客: 'customer',
  客戶: 'customer', 顧客: 'customer', 買家: 'customer', 訪客: 'customer', 用戶: 'customer',
  agent: 'agent', helpdesk: 'agent', staff: 'agent', admin: 'agent', operator: 'agent', support: 'agent',
  servicer: 'agent', seller: 'agent', 客服: 'agent', 坐席: 'agent', 商家: 'agent', 卖家: 'agent', 人工: 'agent',
  人工客服: 'agent', 賣家: 'agent', 店小二: 'agent',
  bot: 'bot', robot: 'bot', chatbot: 'bot', 机器人: 'bot', 機器人: 'bot', 智能客服: 'bot', 智能助手: 'bot',
  system: 'system', event: 'system', 系统: 'system', 系統: 'system', 系统消息: 'system',
};

export type RoleMap = Record<string, Role>;

const ROLES: ReadonlySet<string> = new Set<Role>(['customer', 'agent', 'bot', 'system']);

/** Resolves a source role value; configured mappings win over the built-in aliases. */
export function resolveRole(value: unknown, configured: RoleMap = {}): Role | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const raw = String(value).trim();
  const lowered = raw.toLowerCase();
  // Own properties only: "constructor" or "__proto__" in the data is not a role.
  for (const [map, key] of [[configured, raw], [configured, lowered], [BUILTIN_ROLE_ALIASES, lowered], [BUILTIN_ROLE_ALIASES, raw]] as const) {
    if (Object.hasOwn(map, key) && ROLES.has(map[key]!)) return map[key];
  }
  return undefined;
}

export const KNOWN_ROLE_VALUES_HINT = 'customer/agent/bot/system，或 客户/买家/访客、客服/坐席/商家、机器人、系统';
