import path from 'node:path';
import { run, type CliIO } from '../../src/cli/index.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The repository's own configuration: recommended plus the rules the samples are written to show. */
export const REPO_CONFIG = path.join(ROOT, '.supportlintrc.yaml');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, as a user in `cwd` would, and captures what it prints. */
export async function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdoutIsTTY: false,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
