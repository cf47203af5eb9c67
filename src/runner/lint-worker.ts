// A lint thread: builds its own settings from the resolved configuration it is given, then lints
// each batch of conversations it receives and sends the outcomes back in the same order.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import type { LintSettings, Locale } from '../engine/lint.js';
import type { Conversation } from '../model/conversation.js';
import { lintOutcome, type LintOutcome } from './linter.js';
import { buildLintSettings } from './settings.js';

export interface WorkerSetup {
  config: ResolvedConfig;
  onlyRules?: string[];
  locale?: Locale;
  metrics: boolean;
}

export interface WorkerRequest {
  id: number;
  conversations: Conversation[];
}

export type WorkerReply = { type: 'outcomes'; id: number; outcomes: LintOutcome[] } | { type: 'ready' } | { type: 'unavailable'; message: string };

if (!isMainThread && parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  let settings: LintSettings | undefined;
  try {
    settings = { ...buildLintSettings(setup.config, { onlyRules: setup.onlyRules, locale: setup.locale }), metrics: setup.metrics };
    // Load the phrase lists and the segmenter now, so a failure says so once rather than per conversation.
    void settings.lexicons.size;
    settings.segmenter('检查');
    port.postMessage({ type: 'ready' } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
  port.on('message', (request: WorkerRequest) => {
    if (!settings) return;
    const outcomes = request.conversations.map((conversation) => lintOutcome(conversation, settings!));
    port.postMessage({ type: 'outcomes', id: request.id, outcomes } satisfies WorkerReply);
  });
}
