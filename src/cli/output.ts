import { existsSync, fstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { openAtomicFile, sameFile } from '../io/atomic-file.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { ConversationResult } from '../engine/lint.js';
import type { Formatter, FormatterContext, FormatterOutput } from '../formatters/formatter.js';
import { list, t } from '../i18n/index.js';
import { closest } from '../i18n/did-you-mean.js';
import type { LintSummary } from '../runner/summary.js';

export interface OutputSink {
  write(text: FormatterOutput): Promise<void>;
  close(): Promise<void>;
}

/** `-` as an output file means standard output, as it does for inputs. */
export function isStdout(output: string | undefined): boolean {
  // /dev/stdout, a common CI idiom, is standard output itself: written to as such, not through a link.
  return output === undefined || output === '-' || output === '/dev/stdout' || output === '/dev/fd/1';
}

/** /dev/stderr is standard error itself, wherever it is redirected: written to as such, not through a link. */
function isStderr(output: string | undefined): boolean {
  return output === '/dev/stderr' || output === '/dev/fd/2';
}

/** Whether standard input is redirected from this file. */
function stdinIs(file: string): boolean {
  try {
    const input = fstatSync(0);
    const target = statSync(file);
    return input.isFile() && input.dev === target.dev && input.ino === target.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses an output file that is one of the inputs (the same file by any path or link): writing the
 * report would destroy what it was read from. Refuses a folder too, before any work is done.
 */
export function assertOutputsAreNotInputs(outputs: ReadonlyArray<string | undefined>, inputs: readonly string[], cwd: string, option = '--output'): void {
  for (const output of outputs) {
    if (isStdout(output)) continue;
    const target = path.resolve(cwd, output!);
    if (output!.trim() === '') throw new UsageError(t('output.emptyPath'));
    if (isFolder(target)) throw new UsageError(t('output.isFolder', { option, output: output! }));
    for (const input of inputs) {
      if (input === '-') {
        // `lint - -o in.jsonl < in.jsonl`: standard input is that very file.
        if (stdinIs(target)) throw new UsageError(t('output.isStdin', { option, output: output! }));
        continue;
      }
      if (sameFile(target, path.resolve(cwd, input))) {
        throw new UsageError(t('output.isInput', { option, output: output!, input }));
      }
    }
  }
}

function isFolder(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The files a run reads besides its inputs: configuration files, the baseline, the waivers. An
 * output may overwrite none of them. Presets and files that do not exist are left out.
 */
export function filesTheRunReads(cwd: string, ...groups: ReadonlyArray<ReadonlyArray<string | undefined>>): string[] {
  return groups.flat().filter((file): file is string => file !== undefined && file !== '-' && existsSync(path.resolve(cwd, file)));
}

/** Two reports may not go to one file: the second would silently replace the first. */
export function assertDistinctOutputs(files: ReadonlyArray<string | undefined>, cwd: string): void {
  const written: string[] = [];
  for (const file of files) {
    if (isStdout(file)) continue;
    const target = path.resolve(cwd, file!);
    if (written.some((earlier) => earlier === target || sameFile(earlier, target))) throw new UsageError(t('output.twice', { output: file! }));
    written.push(target);
  }
}

/**
 * Where a report goes: standard output, or a file written as the results arrive. A file is written
 * to a temporary file next to it and renamed into place on close, so it is never left half written
 * and an interrupted run leaves the old file as it was. A write waits for the stream to drain, so
 * a slow disk holds the run back instead of filling memory; an error is kept and raised at the next
 * write. (Racing every write against one long-lived "error" promise would leave a reaction on that
 * promise per write: a leak that grows with the input.)
 */
export function openSink(output: string | undefined, io: CliIO): OutputSink {
  // `-o ''` or `-f sarif:`: no file named, which would resolve to the working folder itself.
  if (output !== undefined && output.trim() === '') throw new UsageError(t('output.emptyPath'));
  if (isStdout(output)) return { write: async (text) => void (await io.stdout(text)), close: async () => {} };
  if (isStderr(output)) {
    return {
      write: async (text) => {
        if (typeof text !== 'string') throw new UsageError(t('output.binaryToStderr', { output: output! }));
        io.stderr(text);
      },
      close: async () => {},
    };
  }
  const file = openAtomicFile(path.resolve(io.cwd, output!), { cwd: io.cwd });
  const { stream } = file;
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= new UsageError(t('output.writeFailed', { output: output!, reason: error.message }))));
  const settled = (event: 'drain' | 'finish') =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off(event, done);
        stream.off('error', done);
        resolve();
      };
      stream.once(event, done);
      stream.once('error', done);
    });
  const check = async () => {
    if (failure) {
      await file.abort();
      throw failure;
    }
  };
  return {
    async write(text) {
      await check();
      if (!stream.write(text)) await settled('drain');
      await check();
    },
    async close() {
      await check();
      const finished = settled('finish');
      stream.end();
      await finished;
      await check();
      try {
        await file.commit();
      } catch (error) {
        await file.abort();
        throw new UsageError(t('output.commitFailed', { output: output!, reason: (error as Error).message }));
      }
    },
  };
}

/** One report of a run: a format, written to a file or, without one, to standard output. */
export interface OutputSpec {
  format: string;
  file?: string;
}

/**
 * Reads the repeatable --format option. `-f sarif:results.sarif` writes SARIF to a file, `-f stylish`
 * writes to standard output; --output sends the one format that has no file of its own to a file.
 * So `-f stylish -f sarif:results.sarif` prints to the console and leaves SARIF for code scanning.
 */
export function parseOutputSpecs(formats: readonly string[], output: string | undefined, known: readonly string[]): OutputSpec[] {
  const specs = (formats.length ? formats : ['stylish']).map((entry): OutputSpec => {
    const colon = entry.indexOf(':');
    const name = colon > 0 && known.includes(entry.slice(0, colon)) ? entry.slice(0, colon) : entry;
    if (!known.includes(name)) {
      throw new UsageError(t('output.unknownFormat', { entry, known: list(known) }) + (closest(name, known) ? t('common.didYouMean', { name: closest(name, known)! }) : ''));
    }
    // `json:-` is standard output, not a file named "-".
    return name === entry || isStdout(entry.slice(colon + 1)) ? { format: name } : { format: name, file: entry.slice(colon + 1) };
  });
  const toStdout = specs.filter((spec) => spec.file === undefined);
  if (toStdout.length > 1) throw new UsageError(t('output.oneToStdout', { formats: toStdout.map((s) => s.format).join(', '), example: `${toStdout[1]!.format}:report.${toStdout[1]!.format}` }));
  if (output !== undefined && !isStdout(output)) {
    if (toStdout.length === 0) throw new UsageError(t('output.noFormatForOutput'));
    toStdout[0]!.file = output;
  }
  return specs;
}

/** A binary report (xlsx) to standard output on a terminal would print bytes at the user: refused. */
export function refuseBinaryOnTerminal(specs: readonly OutputSpec[], binary: ReadonlySet<string>, stdoutIsTTY: boolean): void {
  const spec = specs.find((s) => binary.has(s.format) && s.file === undefined);
  if (spec && stdoutIsTTY) {
    throw new UsageError(`--format ${spec.format}：${spec.format.toUpperCase()} 是二进制文件，不能输出到终端。请写入文件，例如 -f ${spec.format}:问题.${spec.format} 或 -f ${spec.format} -o 问题.${spec.format}（也可以用管道或重定向接收）。`);
  }
}

/** Writes every report of a run as results arrive; each report keeps its own formatter state. */
export class Reports {
  private readonly open: Array<{ formatter: Formatter; sink: OutputSink; context: FormatterContext }>;

  constructor(specs: readonly OutputSpec[], makeFormatter: (name: string) => Formatter, context: (spec: OutputSpec) => FormatterContext, io: CliIO) {
    this.open = specs.map((spec) => ({ formatter: makeFormatter(spec.format), sink: openSink(spec.file, io), context: context(spec) }));
  }

  async start(): Promise<void> {
    for (const { formatter, sink, context } of this.open) if (formatter.start) await sink.write(formatter.start(context));
  }

  async result(result: ConversationResult): Promise<void> {
    for (const { formatter, sink, context } of this.open) {
      const text = formatter.result(result, context);
      if (text) await sink.write(text);
    }
  }

  async end(summary: LintSummary): Promise<void> {
    for (const { formatter, sink, context } of this.open) {
      await sink.write(await formatter.end(summary, context));
      await sink.close();
    }
  }
}
