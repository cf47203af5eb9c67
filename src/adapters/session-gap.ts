/**
 * Conversation ids for exports that carry no session id (企业微信 archives, 微信客服 sync_msg): each
 * key (a contact, a group, a customer of a kf account) is cut into sessions at silences longer than
 * the configured gap, and after an explicit end.
 *
 * The ids depend only on the order of the stream, so the two reads of grouping.ts agree. The
 * splitter assumes each key's records come in time order, as both APIs return them. Records that
 * do not are measured by the distance to the key's previous record in either direction, so a burst
 * listed a few seconds out of order stays in its session, and a newest-first export is still cut at
 * the right silences; a record far out of place starts a session of its own. `assign` says when the
 * order was broken by more than the gap, so the adapter can warn once.
 */
export class SessionSplitter {
  private readonly keys = new Map<string, { lastTime?: number; session: number; ended: boolean }>();
  private readonly gapMillis: number;

  constructor(gapMinutes: number) {
    this.gapMillis = gapMinutes * 60_000;
  }

  /** The conversation id of a record of `key` at `time` (epoch ms), and whether it went back in time past the gap. */
  assign(key: string, time: number | undefined): { conversationId: string; outOfOrder: boolean } {
    let state = this.keys.get(key);
    let outOfOrder = false;
    if (!state) {
      state = { lastTime: time, session: 1, ended: false };
      this.keys.set(key, state);
    } else {
      const gap = time !== undefined && state.lastTime !== undefined ? time - state.lastTime : 0;
      outOfOrder = gap < -this.gapMillis;
      if (state.ended || Math.abs(gap) > this.gapMillis) state.session++;
      state.ended = false;
      if (time !== undefined) state.lastTime = time;
    }
    return { conversationId: `${key}#${state.session}`, outOfOrder };
  }

  /** The session of `key` has ended (an end event): its next record starts a new conversation. */
  end(key: string): void {
    const state = this.keys.get(key);
    if (state) state.ended = true;
  }
}
