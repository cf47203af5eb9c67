import type { Role } from '../model/conversation.js';

/**
 * Conversation ids for exports that carry no session id (企业微信 archives, 微信客服 sync_msg): each
 * key (a contact, a group, a customer of a kf account) is cut into sessions at silences longer than
 * the configured gap, and after an explicit end.
 *
 * A silence does not cut a session while the customer is still waiting, or the longest waits would
 * vanish from first-response and response figures (the question in one conversation, the late reply
 * in the next):
 * - a message of the company's side (agent, bot, system) after a silence stays in the session when
 *   a customer message since the last human reply is still waiting for one: it is the late reply;
 * - a customer message after a silence stays in the session when no human has answered in it yet:
 *   the customer is still waiting for the first response, and writes again.
 * A customer who writes again after a silence that follows a human reply starts a new session, as
 * does the company's side after a silence that follows its own message.
 *
 * The ids depend only on the order of the stream, so the two reads of grouping.ts agree. The
 * splitter assumes each key's records come in time order, as both APIs return them. Records that
 * do not are measured by the distance to the key's previous record in either direction, so a burst
 * listed a few seconds out of order stays in its session, and a newest-first export is still cut at
 * the right silences; a record far out of place starts a session of its own. `assign` says when the
 * order was broken by more than the gap, so the adapter can warn once.
 */
interface KeyState {
  lastTime?: number;
  session: number;
  ended: boolean;
  /** A customer message since the last human reply in this session waits for one. */
  awaitingReply: boolean;
  /** A human has replied in this session. */
  answered: boolean;
}

export class SessionSplitter {
  private readonly keys = new Map<string, KeyState>();
  private readonly gapMillis: number;

  constructor(gapMinutes: number) {
    this.gapMillis = gapMinutes * 60_000;
  }

  /**
   * The conversation id of a record of `key` at `time` (epoch ms) sent by `role`, and whether it
   * went back in time past the gap.
   */
  assign(key: string, time: number | undefined, role: Role): { conversationId: string; outOfOrder: boolean } {
    let state = this.keys.get(key);
    let outOfOrder = false;
    if (!state) {
      state = { lastTime: time, session: 1, ended: false, awaitingReply: false, answered: false };
      this.keys.set(key, state);
    } else {
      const gap = time !== undefined && state.lastTime !== undefined ? time - state.lastTime : 0;
      outOfOrder = gap < -this.gapMillis;
      const stillWaiting = state.awaitingReply && (role !== 'customer' || !state.answered);
      if (state.ended || outOfOrder || (gap > this.gapMillis && !stillWaiting)) {
        state.session++;
        state.awaitingReply = false;
        state.answered = false;
      }
      state.ended = false;
      if (time !== undefined) state.lastTime = time;
    }
    if (role === 'customer') state.awaitingReply = true;
    else if (role === 'agent') {
      state.awaitingReply = false;
      state.answered = true;
    }
    return { conversationId: `${key}#${state.session}`, outOfOrder };
  }

  /** The session of `key` has ended (an end event): its next record starts a new conversation. */
  end(key: string): void {
    const state = this.keys.get(key);
    if (state) state.ended = true;
  }
}
