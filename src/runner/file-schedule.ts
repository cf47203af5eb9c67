import { statSync } from 'node:fs';
import path from 'node:path';
import type { Conversation } from '../model/conversation.js';
import type { LintOutcome } from './linter.js';
import type { LintSummary } from './summary.js';

/** What reading and linting one whole file gave, handed on when its turn comes. */
export interface FileOutcome {
  /** The file's record accounting: files, records, skipped and unreadable inputs, warnings, filtered. */
  summary: LintSummary;
  /** Its conversations' outcomes, in the order they were read. */
  outcomes: Array<{ conversation: Pick<Conversation, 'id' | 'source'>; outcome: LintOutcome }>;
}

export interface FileTask {
  readonly index: number;
  /** As the user gave it: opened from the working folder, and named so in findings. */
  readonly file: string;
  readonly bytes: number;
  /** Whether a lint thread, or this thread ahead of its turn, may take it whole. */
  readonly whole: boolean;
  state: 'todo' | 'thread' | 'ahead' | 'reading';
  /**
   * Its outcome once taken whole. Undefined when the thread that took it ended before it was done:
   * the file is read again in its turn, as if nobody had taken it.
   */
  outcome?: Promise<FileOutcome | undefined>;
}

/**
 * A file up to this size may be read and linted whole, by a lint thread or ahead of its turn: its
 * outcomes wait in memory until the files before it are handed on. JSON of this size is read whole
 * anyway (WHOLE_ARRAY_BYTES).
 */
export const WHOLE_FILE_BYTES = 16 * 1024 * 1024;
/** Files taken ahead of their turn hold at most this many bytes of input between them. */
const AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * Which file goes where when several are linted: the reading thread walks the files in order and
 * hands on what each gave; lint threads that have nothing to do take a later small file whole. So
 * several files are read and parsed at once, not only linted at once, and results still come out
 * in the order of the files. At most AHEAD_BYTES of files wait to be handed on.
 */
export class FileSchedule {
  readonly tasks: FileTask[];
  /** The file being read or waited for in turn. */
  private turn = 0;

  constructor(files: readonly string[], cwd: string) {
    this.tasks = files.map((file, index) => {
      let bytes = Number.POSITIVE_INFINITY;
      try {
        if (file !== '-') {
          const stat = statSync(path.resolve(cwd, file));
          if (stat.isFile()) bytes = stat.size;
        }
      } catch {
        // Opened, and reported, in its turn.
      }
      return { index, file, bytes, whole: bytes <= WHOLE_FILE_BYTES, state: 'todo' };
    });
  }

  /** Whether splitting by file can help: more than one file, and some of them small. */
  get worthwhile(): boolean {
    return this.tasks.length > 1 && this.tasks.some((task, index) => index > 0 && task.whole);
  }

  /** Marks file `index` as the one in turn. */
  inTurn(index: number): void {
    this.turn = index;
  }

  /**
   * The next file after the one in turn that may be taken whole, or undefined when none is left or
   * the files taken ahead hold enough input already.
   */
  takeAhead(by: 'thread' | 'ahead'): FileTask | undefined {
    let held = 0;
    for (let i = this.turn + 1; i < this.tasks.length; i++) {
      const task = this.tasks[i]!;
      if (task.state === 'thread' || task.state === 'ahead') {
        held += task.bytes;
        continue;
      }
      if (task.state !== 'todo' || !task.whole) continue;
      if (held > 0 && held + task.bytes > AHEAD_BYTES) return undefined;
      task.state = by;
      return task;
    }
    return undefined;
  }
}
