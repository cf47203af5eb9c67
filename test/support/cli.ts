import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, type CliIO } from '../../src/cli/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The repository's own configuration: recommended plus the rules the samples are written to show. */
export const REPO_CONFIG = path.join(ROOT, '.supportlintrc.yaml');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Standard output as bytes, for binary formats (xlsx). */
  stdoutBytes: Buffer;
}

/** Runs the command line in-process, as a user in `cwd` would, and captures what it prints. */
export async function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutIsTTY?: boolean } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const bytes: Buffer[] = [];
  const io: CliIO = {
    stdout: (text) => {
      bytes.push(Buffer.from(text));
      if (typeof text === 'string') stdout += text;
    },
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr, stdoutBytes: Buffer.concat(bytes) };
}

/** A new folder under the system's temporary folder holding the JSONL sample as `c.jsonl`, and these files. */
export function sampleWorkspace(files: Record<string, string> = {}, prefix = 'supportlint-ws-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  writeFileSync(path.join(dir, 'c.jsonl'), readFileSync(path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl')));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}
