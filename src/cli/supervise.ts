import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * The JavaScript heap supportlint gives itself, in MB (V8's --max-old-space-size).
 *
 * Linting keeps some 30 MB of live heap however large the input, but V8 sizes the heap it lets
 * garbage fill from the machine: with a 4 GB limit it lets the heap grow to four times the live size
 * between full collections, and a 1 GB export peaked at 400 MB of resident memory. At 256 MB or less
 * the factor is 1.3, and a streamed run stays near 190 MB, 60 MB of it jieba's dictionary. The limit
 * itself is for long conversations, which are held whole while they are linted: one of 50,000
 * messages keeps about 105 MB live.
 */
export const HEAP_LIMIT_MB = 256;

/** Set in the child's environment, so that the child runs the command line instead of another child. */
export const CHILD_MARKER = 'SUPPORTLINT_CHILD';

/**
 * Set in the child's environment when this process's standard error is a terminal: the child's is a
 * pipe to this process, and progress is shown only to a person at a terminal.
 */
export const STDERR_TTY_MARKER = 'SUPPORTLINT_STDERR_TTY';

/** V8 flags by which a user has chosen the heap size already; V8 takes `_` for `-` too. */
const HEAP_SIZE_FLAG = /^--max[-_](old[-_]space|heap)[-_]size(=|$)/;
/** Debugger and profiler flags: the developer wants this process, so it does the work itself. */
const DEBUG_FLAG = /^--(inspect|debug|cpu-prof|heap-prof|prof)([-=]|$)/;

export interface ChildPlan {
  /** Node's options for the child: the parent's, plus the heap limit unless the user set one. */
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  /** The limit supportlint added, or undefined when the user's own applies. */
  heapLimitMb?: number;
}

/** Whether NODE_OPTIONS or node's own options already size the heap. */
export function userSetHeapLimit(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const tokens = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return tokens.some((token) => HEAP_SIZE_FLAG.test(token.replace(/^["']/, '')));
}

/**
 * How to run the command line in a child process, or undefined to run it in this one: when this is
 * the child already, or when node runs under a debugger or profiler.
 */
export function planChild(execArgv: readonly string[], env: NodeJS.ProcessEnv, stderrIsTTY = false): ChildPlan | undefined {
  if (env[CHILD_MARKER]) return undefined;
  if (execArgv.some((arg) => DEBUG_FLAG.test(arg))) return undefined;
  const userSet = userSetHeapLimit(execArgv, env.NODE_OPTIONS);
  return {
    execArgv: userSet ? [...execArgv] : [...execArgv, `--max-old-space-size=${HEAP_LIMIT_MB}`],
    env: { ...env, [CHILD_MARKER]: '1', ...(stderrIsTTY ? { [STDERR_TTY_MARKER]: '1' } : {}) },
    heapLimitMb: userSet ? undefined : HEAP_LIMIT_MB,
  };
}

/** How V8 and node begin the report of a fatal out-of-memory, native stack trace and all. */
const OOM_MARKERS = ['<--- Last few GCs --->', '<--- JS stacktrace --->', 'FATAL ERROR:'];

function markerAt(text: string): number {
  let first = -1;
  for (const marker of OOM_MARKERS) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      if (at === 0 || text[at - 1] === '\n') {
        if (first < 0 || at < first) first = at;
        break;
      }
    }
  }
  return first;
}

/**
 * Passes the child's standard error through, except a fatal out-of-memory report: from its first
 * line on, text is held until the child has ended. If it died, the report is dropped for a plain
 * message; if it did not (a message that merely quoted such a line), the text is passed on.
 */
export class StderrFilter {
  private partial = '';
  private held: string[] | undefined;
  private atLineStart = true;

  constructor(private readonly write: (text: string) => void) {}

  get sawOutOfMemory(): boolean {
    return this.held !== undefined;
  }

  push(chunk: string): void {
    if (this.held) {
      this.held.push(chunk);
      return;
    }
    const text = this.partial + chunk;
    this.partial = '';
    const at = markerAt(text);
    if (at >= 0) {
      // V8 opens its report with an empty line; that goes with the report.
      const before = text.slice(0, at);
      const blank = before.endsWith('\n') && (before.length > 1 ? before.at(-2) === '\n' : this.atLineStart);
      this.emit(blank ? before.slice(0, -1) : before);
      this.held = [text.slice(at)];
      return;
    }
    const lineStart = text.lastIndexOf('\n') + 1;
    const last = text.slice(lineStart);
    if (!OOM_MARKERS.some((marker) => marker.startsWith(last))) {
      this.emit(text);
      return;
    }
    // A report may be split between chunks: keep back a last line that could begin one, and the
    // empty line before it.
    let keep = lineStart;
    if (keep > 0 && (keep === 1 ? this.atLineStart : text[keep - 2] === '\n')) keep--;
    this.emit(text.slice(0, keep));
    this.partial = text.slice(keep);
  }

  private emit(text: string): void {
    if (text === '') return;
    this.write(text);
    this.atLineStart = text.endsWith('\n');
  }

  /** The child has ended; `died` says whether it ended abnormally (a signal, or an abort). */
  end(died: boolean): void {
    this.emit(this.partial + (this.held && !died ? this.held.join('') : ''));
    this.partial = '';
  }
}

export function outOfMemoryMessage(heapLimitMb: number | undefined): string {
  const limit = heapLimitMb === undefined ? 'the heap limit set with --max-old-space-size' : `the ${heapLimitMb} MB of heap supportlint allows itself`;
  return (
    `supportlint: out of memory: this run needed more than ${limit}. ` +
    'Very long conversations are the usual cause. To allow more, set a larger limit, e.g.\n' +
    '  NODE_OPTIONS=--max-old-space-size=1024 supportlint lint …\n'
  );
}

const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

/**
 * Runs `script args` in a child node with the plan's options, standard input and output shared,
 * standard error passed through a StderrFilter, and signals to this process forwarded to it.
 * Resolves with the exit code to end with; when the child was killed by a signal (not an
 * out-of-memory abort), this process raises the same signal on itself.
 */
export function runChild(plan: ChildPlan, script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...plan.execArgv, script, ...args], { stdio: ['inherit', 'inherit', 'pipe'], env: plan.env });
    // A closed standard error (`2>&- `, a reader gone) must not end the parent before the child.
    process.stderr.on('error', () => {});
    const filter = new StderrFilter((text) => process.stderr.write(text));
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (text: string) => filter.push(text));
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.on('error', (error) => {
      stopForwarding();
      process.stderr.write(`supportlint: cannot start (${error.message}).\n`);
      resolve(2);
    });
    child.on('close', (code, signal) => {
      stopForwarding();
      const died = signal !== null || (code !== null && code > 2);
      filter.end(died);
      if (died && filter.sawOutOfMemory) {
        process.stderr.write(outOfMemoryMessage(plan.heapLimitMb));
        resolve(2);
      } else if (signal !== null) {
        // End the way the child ended, so that a shell sees the same status.
        process.kill(process.pid, signal);
        resolve(128 + (constants.signals[signal] ?? 0));
      } else {
        resolve(code ?? 2);
      }
    });
  });
}
