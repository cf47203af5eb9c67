export interface CliIO {
  /** Writes to standard output; the promise, when there is one, settles once the text is flushed. */
  stdout: (text: string | Uint8Array) => void | Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  /** Progress is shown only to a person at a terminal. */
  stderrIsTTY?: boolean;
}

export function defaultIO(): CliIO {
  return {
    stdout: (text) => {
      if (!process.stdout.write(text)) return new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export function useColor(io: CliIO, option: boolean | undefined): boolean {
  if (option === false || io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY;
}
