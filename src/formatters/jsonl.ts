import type { Formatter } from './formatter.js';

/** One finding per line, for grep, jq and loading into a warehouse. No summary line. */
export function jsonlFormatter(): Formatter {
  return {
    result: (result) =>
      result.findings.map((f) => `${JSON.stringify({ ...f, agent: f.agent ?? null, file: result.file })}\n`).join(''),
    end: () => '',
  };
}
