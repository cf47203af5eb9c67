import type { Role, SourceLocation } from '../model/conversation.js';

export type Severity = 'error' | 'warn';

/** A quoted message: the original text and, when something matched, the matched [start, end). */
export interface Quote {
  messageSeq: number;
  role: Role;
  agent?: string;
  text: string;
  range?: [number, number];
  time?: number;
}

export interface Finding {
  ruleId: string;
  category: string;
  severity: Severity;
  messageId: string;
  /** Rendered in Chinese, in the script of the input or of --locale. */
  message: string;
  conversationId: string;
  /** 0-based; null for a finding about the whole conversation. */
  messageSeq: number | null;
  /** Role of the offending message (an agent, or a bot for bot loops). */
  role?: Role;
  /** The agent the finding is attributed to. */
  agent?: string;
  /** The offending message, quoted as it arrived. */
  excerpt: string;
  range?: [number, number];
  /** The customer message that set the rule off, where there is one. */
  trigger?: Quote;
  suggestion?: string;
  /** The whole offending message rewritten, where the rewrite is safe to apply unattended (see --fix). */
  fix?: string;
  location: SourceLocation;
  time?: number;
}
