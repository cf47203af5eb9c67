// A lint thread: builds its own settings from the resolved configuration it is given, then lints
// each batch of conversations it receives and sends the outcomes back in the same order. It also
// reads and lints whole files it is given (see FileSchedule).
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../config/resolve.js';
import type { LintSettings, Locale } from '../engine/lint.js';
import type { Conversation } from '../model/conversation.js';
import type { DateRange } from '../time/date-range.js';
import type { FileOutcome } from './file-schedule.js';
import { lintOutcome, type LintOutcome } from './linter.js';
import { buildLintSettings, readOptionsFrom, type InputOptions } from './settings.js';
import { checkJiebaModule } from '../text/jieba.js';

/** What a thread needs to read files itself: the read options over the configuration, and where paths start. */
export interface ThreadReading {
  input: InputOptions;
  cwd: string;
}

export interface WorkerSetup {
  config: ResolvedConfig;
  onlyRules?: string[];
  locale?: Locale;
  metrics: boolean;
  read?: ThreadReading;
}

export type WorkerRequest =
  | { type: 'batch'; id: number; conversations: Conversation[] }
  | { type: 'file'; id: number; file: string; dates?: DateRange & { timezone: string } };

export type WorkerReply =
  | { type: 'outcomes'; id: number; outcomes: LintOutcome[] }
  | { type: 'file'; id: number; outcome: FileOutcome }
  | { type: 'fileFailed'; id: number; message: string }
  | { type: 'ready' }
  | { type: 'unavailable'; message: string };

/** Reads and lints one whole file here. The reader's modules load on the first file, not at start. */
async function lintFile(request: Extract<WorkerRequest, { type: 'file' }>, setup: WorkerSetup, settings: LintSettings): Promise<FileOutcome> {
  const { lintWholeFile, forcedAdapter, dateFilter } = await import('./lint-files.js');
  const options = readOptionsFrom(setup.config, setup.read?.input ?? {}, setup.read?.cwd ?? process.cwd());
  const accept = request.dates ? dateFilter(request.dates, request.dates.timezone) : undefined;
  // Paths start where the reading thread's start, so the file is named as the user gave it.
  return lintWholeFile(request.file, forcedAdapter(options.format), options, (conversation) => lintOutcome(conversation, settings), accept);
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  let settings: LintSettings | undefined;
  try {
    settings = { ...buildLintSettings(setup.config, { onlyRules: setup.onlyRules, locale: setup.locale }), metrics: setup.metrics };
    // Load the phrase lists and jieba's native module now, so a failure says so once rather than per conversation.
    void settings.lexicons.size;
    checkJiebaModule();
    port.postMessage({ type: 'ready' } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
  // Requests are handled one at a time, in the order they came: a file is read asynchronously, and
  // a batch that arrives meanwhile waits for it.
  let queue = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (!settings) return;
    const ready = settings;
    queue = queue.then(async () => {
      if (request.type === 'batch') {
        const outcomes = request.conversations.map((conversation) => lintOutcome(conversation, ready));
        port.postMessage({ type: 'outcomes', id: request.id, outcomes } satisfies WorkerReply);
        return;
      }
      try {
        port.postMessage({ type: 'file', id: request.id, outcome: await lintFile(request, setup, ready) } satisfies WorkerReply);
      } catch (error) {
        port.postMessage({ type: 'fileFailed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
      }
    });
  });
}
