import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../package-root.js';
import type { Conversation } from '../model/conversation.js';
import type { ConversationLinter, FileThreads, LintOutcome } from './linter.js';
import type { WorkerSetup, WorkerReply, WorkerRequest } from './lint-worker.js';
import type { FileOutcome, FileTask } from './file-schedule.js';
import type { DateRange } from '../time/date-range.js';

/** A batch is sent when it holds this many conversations … */
const BATCH_CONVERSATIONS = 64;
/** … or this many messages, whichever comes first. */
const BATCH_MESSAGES = 4000;
/** Batches each thread may hold at once: one being linted, one waiting, so a thread never idles. */
const BATCHES_PER_THREAD = 2;

/** The lint threads could not start, so nothing can be linted. */
export class LinterUnavailableError extends Error {}

interface Job {
  conversation: Conversation;
  resolve(outcome: LintOutcome): void;
  reject(error: Error): void;
}

interface Batch {
  id: number;
  jobs: Job[];
  messages: number;
}

interface Thread {
  worker: Worker;
  batches: Map<number, Batch>;
  /** Messages in the batches it holds, to send the next batch to the least loaded thread. */
  load: number;
  /** It built its settings and can lint. */
  ready: boolean;
  /** The whole file it reads and lints, if any. */
  file?: { id: number; settle(outcome: FileOutcome | undefined): void };
}

/**
 * Where the thread's script is: next to this module once built (dist/src/runner/, or dist/bundle/
 * when this module is inside the bundled command line); the built one when run from source.
 */
function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return path.join(path.dirname(here), 'lint-worker.js');
  return path.join(PACKAGE_ROOT, 'dist', 'src', 'runner', 'lint-worker.js');
}

function mb(bytes: number): string {
  return `${Math.round(bytes)} MB`;
}

/**
 * Lint threads (worker_threads), each with its own settings built from the resolved configuration.
 * Conversations go out in batches to the least loaded thread. A thread that runs out of memory or
 * dies fails only what it held: its batches are tried again one conversation at a time on a fresh
 * thread. A conversation that runs out of a thread's memory alone is linted in the calling thread
 * when its heap is larger (lintTooLarge); otherwise, and when a thread dies of anything else, it is
 * reported as not linted, with the reason.
 */
export class WorkerPool implements ConversationLinter, FileThreads {
  readonly capacity: number;
  readonly files: FileThreads = this;
  private nextFile: (() => FileTask | undefined) | undefined;
  private dates: (DateRange & { timezone: string }) | undefined;
  private readonly threads: Thread[] = [];
  private pending: Job[] = [];
  /** The outcomes of the pending jobs, to tell whether an outcome waited for is held back. */
  private pendingOutcomes = new Set<Promise<LintOutcome>>();
  private pendingMessages = 0;
  private nextBatch = 0;
  private unavailable: string | undefined;
  private closed = false;

  constructor(
    threadCount: number,
    private readonly setup: WorkerSetup,
    private readonly heapMb: number,
    /** Lints a conversation too large for a thread's heap in this thread, where the heap is larger. */
    private readonly lintTooLarge?: (conversation: Conversation) => LintOutcome,
  ) {
    this.capacity = threadCount * BATCHES_PER_THREAD * BATCH_CONVERSATIONS;
    for (let i = 0; i < threadCount; i++) this.threads.push(this.startThread());
  }

  private startThread(): Thread {
    const worker = new Worker(workerScript(), { workerData: this.setup, resourceLimits: { maxOldGenerationSizeMb: this.heapMb }, stdout: false, stderr: false });
    const thread: Thread = { worker, batches: new Map(), load: 0, ready: false };
    worker.on('message', (reply: WorkerReply) => this.onReply(thread, reply));
    worker.on('error', (error) => this.onDeath(thread, error));
    worker.on('exit', (code) => {
      if (!this.closed && this.threads.includes(thread)) this.onDeath(thread, new Error(`the lint thread ended with code ${code}`));
    });
    return thread;
  }

  lint(conversation: Conversation): Promise<LintOutcome> {
    if (this.unavailable) return Promise.reject(new LinterUnavailableError(this.unavailable));
    let job: Job | undefined;
    const outcome = new Promise<LintOutcome>((resolve, reject) => (job = { conversation, resolve, reject }));
    this.pending.push(job!);
    this.pendingOutcomes.add(outcome);
    this.pendingMessages += conversation.messages.length;
    if (this.pending.length >= BATCH_CONVERSATIONS || this.pendingMessages >= BATCH_MESSAGES) this.flush();
    return outcome;
  }

  /**
   * Every thread holds as much as it should: one batch being linted and one waiting, or, while it
   * is still starting, one waiting. More work sent now would only queue.
   */
  saturated(): boolean {
    return this.threads.every((thread) => thread.file !== undefined || thread.batches.size >= (thread.ready ? BATCHES_PER_THREAD : 1));
  }

  offer(next: () => FileTask | undefined, dates?: DateRange & { timezone: string }): void {
    this.nextFile = next;
    this.dates = dates;
    this.feedIdle();
  }

  /** Threads that are ready and hold nothing take the next whole file, if there is one. */
  private feedIdle(): void {
    if (!this.nextFile || this.closed || this.unavailable) return;
    for (const thread of this.threads) {
      if (!thread.ready || thread.file || thread.batches.size > 0) continue;
      const task = this.nextFile();
      if (!task) return;
      const id = this.nextBatch++;
      task.outcome = new Promise<FileOutcome | undefined>((settle) => (thread.file = { id, settle }));
      const request: WorkerRequest = { type: 'file', id, file: task.file, dates: this.dates };
      thread.worker.postMessage(request);
    }
  }

  flush(outcome?: Promise<LintOutcome>): void {
    if (this.pending.length === 0 || (outcome && !this.pendingOutcomes.has(outcome))) return;
    const batch: Batch = { id: this.nextBatch++, jobs: this.pending, messages: this.pendingMessages };
    this.pending = [];
    this.pendingOutcomes.clear();
    this.pendingMessages = 0;
    this.send(batch);
  }

  private send(batch: Batch): void {
    // A thread reading a whole file is the last choice: the batch would wait for the file.
    const busy = (candidate: Thread) => (candidate.file ? 1 : 0);
    let thread = this.threads[0]!;
    for (const candidate of this.threads) if (busy(candidate) < busy(thread) || (busy(candidate) === busy(thread) && candidate.load < thread.load)) thread = candidate;
    thread.batches.set(batch.id, batch);
    thread.load += batch.messages;
    const request: WorkerRequest = { type: 'batch', id: batch.id, conversations: batch.jobs.map((job) => job.conversation) };
    thread.worker.postMessage(request);
  }

  private onReply(thread: Thread, reply: WorkerReply): void {
    if (reply.type === 'unavailable') {
      this.fail(reply.message);
      return;
    }
    if (reply.type === 'ready') {
      thread.ready = true;
      this.feedIdle();
      return;
    }
    if (reply.type === 'file' || reply.type === 'fileFailed') {
      const file = thread.file;
      if (!file || file.id !== reply.id) return;
      thread.file = undefined;
      // A file the thread could not finish is read again in its turn by the reading thread, which
      // reports what is wrong with it.
      file.settle(reply.type === 'file' ? reply.outcome : undefined);
      this.feedIdle();
      return;
    }
    const batch = thread.batches.get(reply.id);
    if (!batch) return;
    thread.batches.delete(reply.id);
    thread.load -= batch.messages;
    batch.jobs.forEach((job, i) => job.resolve(reply.outcomes[i]!));
    this.feedIdle();
  }

  /** Nothing can be linted: every conversation waiting, and every one to come, fails the run. */
  private fail(reason: string): void {
    this.unavailable ??= reason;
    for (const thread of this.threads) {
      for (const batch of thread.batches.values()) for (const job of batch.jobs) job.reject(new LinterUnavailableError(reason));
      thread.batches.clear();
      thread.file?.settle(undefined);
      thread.file = undefined;
    }
    for (const job of this.pending) job.reject(new LinterUnavailableError(reason));
    this.pending = [];
    this.pendingOutcomes.clear();
    void this.close();
  }

  private onDeath(thread: Thread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index < 0 || this.closed) return;
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    if (!thread.ready) {
      // A thread that cannot even load the rules will not do better a second time.
      this.fail(outOfMemory ? `内存不足：每个检查线程 ${mb(this.heapMb)} 的上限装不下规则和词典。请用 NODE_OPTIONS=--max-old-space-size=<MB> 调高上限（至少 256）。` : error.message);
      return;
    }
    const lost = [...thread.batches.values()];
    // A file it was reading is read again in its turn, by the reading thread.
    thread.file?.settle(undefined);
    thread.file = undefined;
    const replacement = this.startThread();
    this.threads[index] = replacement;
    void thread.worker.terminate();
    // A thread lints its batches in the order they were sent: the first was being linted, and the
    // others only waited. They go out again as they were.
    const [current, ...waiting] = lost;
    for (const batch of waiting) this.send(batch);
    if (!current) return;
    if (current.jobs.length > 1) {
      // Which conversation was too much is not known: each is tried again on its own.
      for (const job of current.jobs) this.send({ id: this.nextBatch++, jobs: [job], messages: job.conversation.messages.length });
      return;
    }
    const job = current.jobs[0]!;
    // A conversation too large for a thread's heap is linted here, as --concurrency off would, where
    // this thread's heap is the larger: the findings do not depend on the number of threads.
    if (outOfMemory && this.lintTooLarge) {
      job.resolve(this.lintTooLarge(job.conversation));
      return;
    }
    const reason = outOfMemory
      ? `检查这个会话（${job.conversation.messages.length} 条消息）所需的内存超过了每个检查线程 ${mb(this.heapMb)} 的上限，已跳过。可以用 NODE_OPTIONS=--max-old-space-size=<MB> 调高上限，或把超长会话拆开后再检查。`
      : `检查线程意外结束（${error.message}），这个会话没有检查完。`;
    job.resolve({ failure: reason });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const thread of this.threads) thread.file?.settle(undefined);
    await Promise.all(this.threads.map((thread) => thread.worker.terminate()));
  }
}
