import { availableParallelism, freemem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { lintConversation, type ConversationResult, type LintSettings, type Locale } from '../engine/lint.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Conversation } from '../model/conversation.js';
import { WorkerPool } from './worker-pool.js';
import type { ThreadReading } from './lint-worker.js';
import type { InputSize } from '../io/input-size.js';
import type { FileTask } from './file-schedule.js';
import type { DateRange } from '../time/date-range.js';

/** What became of one conversation: its result, or why it could not be linted at all. */
export type LintOutcome = { result: ConversationResult } | { failure: string };

/**
 * Lints conversations one by one. Outcomes may settle in any order; lintFiles hands them on in
 * the order the conversations were read.
 */
export interface ConversationLinter {
  lint(conversation: Conversation): Promise<LintOutcome>;
  /** Conversations that may wait for their outcome at once; 0 when each settles at once. */
  readonly capacity: number;
  /**
   * Sends work held back for a fuller batch; with `outcome`, only when that outcome is held back:
   * the reading thread waits for its oldest outcome, and sending a batch of one each time it waits
   * would cost a round trip to a thread per conversation.
   */
  flush(outcome?: Promise<LintOutcome>): void;
  /**
   * A moment for the event loop, when the linter needs one: replies from lint threads are only
   * heard when the reading thread stops, and reading from memory never stops by itself.
   */
  pause?(): Promise<void> | undefined;
  close(): Promise<void>;
  /** Lint threads that can take whole files (see lintFiles); absent when conversations are linted here. */
  readonly files?: FileThreads;
  /** Lints in this thread, where this thread may lint: for files it reads ahead of their turn. */
  lintHere?(conversation: Conversation): LintOutcome;
}

/** Lint threads that read and lint whole files when they have nothing else to do. */
export interface FileThreads {
  /**
   * Gives the threads a source of files: each thread that is idle takes the next one, and settles
   * its `outcome`. `dates` is the --since/--until test the threads apply.
   */
  offer(next: () => FileTask | undefined, dates?: DateRange & { timezone: string }): void;
}

/** Lints one conversation. Rules have their own boundaries in lintConversation; a failure here is the analysis itself. */
export function lintOutcome(conversation: Conversation, settings: LintSettings): LintOutcome {
  try {
    return { result: lintConversation(conversation, settings) };
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

/** Lints in this thread, with the settings given. */
export function inProcessLinter(settings: LintSettings): ConversationLinter {
  return {
    capacity: 0,
    lint: (conversation) => Promise.resolve(lintOutcome(conversation, settings)),
    flush() {},
    close: () => Promise.resolve(),
  };
}

/**
 * Conversations up to this size may be linted in the calling thread while the lint threads are
 * busy; a longer one always goes to a thread. One that runs out of a thread's memory comes back
 * here when this thread's heap is the larger (see createLinter), and is otherwise skipped with a
 * message instead of ending the run.
 */
const HELPER_MAX_MESSAGES = 2000;
/** How often the calling thread stops reading and linting to hear from the lint threads. */
const PAUSE_EVERY_MS = 2;
/** Results that may wait for the conversations before them when the calling thread helps. */
const SHARED_WAITING = 4096;

/**
 * Lint threads, with the calling thread lending a hand: a conversation read while every thread
 * is busy is linted here rather than queued. The calling thread reads the input too, so it lints
 * only when the threads cannot keep up with its reading; on two cores that uses both.
 */
export class SharedLinter implements ConversationLinter {
  readonly capacity: number;

  readonly files: FileThreads | undefined;

  constructor(
    private readonly pool: Pick<WorkerPool, 'capacity' | 'saturated' | 'lint' | 'flush' | 'close'> & { files?: FileThreads },
    private readonly settings: LintSettings,
  ) {
    this.files = pool.files;
    // What waits for its turn is mostly results linted here, which hold only their findings: the
    // conversations out at the threads are bounded by saturated(). A tight bound would make this
    // thread stop reading whenever the oldest conversation is still at a thread.
    this.capacity = Math.max(pool.capacity, SHARED_WAITING);
  }

  private lastPause = performance.now();

  lint(conversation: Conversation): Promise<LintOutcome> {
    if (conversation.messages.length <= HELPER_MAX_MESSAGES && this.pool.saturated()) return Promise.resolve(lintOutcome(conversation, this.settings));
    return this.pool.lint(conversation);
  }

  lintHere(conversation: Conversation): LintOutcome {
    return lintOutcome(conversation, this.settings);
  }

  /** Every couple of milliseconds, so that threads that have finished a batch are heard and get the next. */
  pause(): Promise<void> | undefined {
    const now = performance.now();
    if (now - this.lastPause < PAUSE_EVERY_MS) return undefined;
    this.lastPause = now;
    return new Promise((resolve) => setImmediate(resolve));
  }

  flush(outcome?: Promise<LintOutcome>): void {
    this.pool.flush(outcome);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** `--concurrency`: `auto`, `off`, or a number of lint threads. */
export type Concurrency = 'auto' | 'off' | number;

export function parseConcurrency(value: string): Concurrency | undefined {
  if (value === 'auto' || value === 'off') return value;
  if (!/^[1-9]\d*$/.test(value)) return undefined;
  // Any number of threads is accepted; the command cuts it to the machine's cores, with a note.
  // A number too long to hold exactly is still more than any machine has.
  return Math.min(Number(value), Number.MAX_SAFE_INTEGER);
}

/** Inputs smaller than this are linted in the calling thread: starting a thread would cost more than it saves. */
export const SMALL_INPUT_BYTES = 4 * 1024 * 1024;
/** Memory one lint thread needs beside its heap: jieba's and OpenCC's dictionaries, phrase lists. */
const THREAD_BASE_MB = 120;

/**
 * How many lint threads `auto` uses: one per core beyond the one that reads and writes, at least
 * one, and no more than free memory holds; the calling thread lends a hand when they are busy
 * (SharedLinter). Small inputs are linted in the calling thread alone: starting a thread would
 * cost more than it saves.
 */
export function autoThreads(size: InputSize, cores = availableParallelism(), freeMb = freemem() / 2 ** 20): number {
  if (size.total < SMALL_INPUT_BYTES) return 0;
  // On two cores, input read whole (JSON) leaves the reading thread free to lint it all itself: a
  // lint thread there costs its start-up (modules, dictionaries, JIT) and splits one core's work
  // over two that run slower together. Measured on the STC-3 benchmark: 4.35 s in this thread,
  // 5.28 s with a thread. A streamed export keeps this thread busy reading, and a thread gains.
  if (cores <= 2 && sharesWork(size)) return 0;
  const byCores = Math.max(1, cores - 1);
  const byMemory = Math.max(1, Math.floor(freeMb / (THREAD_BASE_MB * 2)));
  return Math.min(byCores, byMemory);
}

/**
 * The old-generation heap each lint thread may use, in MB. Linting keeps a few MB live per batch
 * of conversations, but V8 lets garbage fill a heap in proportion to its limit before it collects:
 * with the machine's default limit a lint thread grew to 190 MB on a 25 MB export, with 256 MB it
 * stays near 100 MB. A conversation is held whole while it is linted, and one of 50,000 messages
 * needs about 105 MB, so 256 MB leaves room; one that needs more is skipped with a message that
 * says how to raise the limit. `--max-old-space-size` (in NODE_OPTIONS or node's own options) sets
 * the limit for lint threads too.
 */
export const DEFAULT_THREAD_HEAP_MB = 256;

export function threadHeapMb(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS): number {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  const userSet = flags.some((flag) => /^--max[-_]old[-_]space[-_]size=\d+/.test(flag));
  return userSet ? Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20) : DEFAULT_THREAD_HEAP_MB;
}

export interface LinterPlan {
  config: ResolvedConfig;
  onlyRules?: string[];
  locale?: Locale;
  metrics?: boolean;
  concurrency: Concurrency;
  /** The size of the input, to size `auto` (see inputSize). */
  inputSize: InputSize;
  /** How lint threads read files they take whole; without it they lint only what they are sent. */
  read?: ThreadReading;
}

/**
 * The linter for a run: lint threads, each building its own settings from the resolved
 * configuration, or this thread with `settings` when `--concurrency off` or the input is small.
 */
export function createLinter(plan: LinterPlan, settings: LintSettings): ConversationLinter {
  // A number beyond the cores only queues for them (the command line says so when it cuts one).
  const threads = plan.concurrency === 'off' ? 0 : plan.concurrency === 'auto' ? autoThreads(plan.inputSize) : Math.min(plan.concurrency, availableParallelism());
  if (threads === 0) return inProcessLinter(settings);
  const heapMb = threadHeapMb();
  // Twice the thread's heap at least, or the calling thread would run out of memory where the thread did.
  const lintTooLarge = getHeapStatistics().heap_size_limit / 2 ** 20 >= heapMb * 2 ? (conversation: Conversation) => lintOutcome(conversation, settings) : undefined;
  const pool = new WorkerPool(threads, { config: plan.config, onlyRules: plan.onlyRules, locale: plan.locale, metrics: plan.metrics ?? false, read: plan.read }, heapMb, lintTooLarge);
  // A number of threads given by the user is what lints. Under `auto` this thread helps where the
  // input is mostly read whole (JSON), which leaves it idle; reading a streamed export keeps it
  // busy, and helping would only load the rules' dictionaries into it a second time.
  return plan.concurrency === 'auto' && sharesWork(plan.inputSize) ? new SharedLinter(pool, settings) : pool;
}

/** Whether the calling thread has time to lint: most of the input is read whole, not streamed. */
export function sharesWork(size: InputSize): boolean {
  return size.streamed * 2 < size.total;
}
