import type { Formatter } from './formatter.js';

/**
 * One finding per line, for grep, jq and loading into a warehouse. No summary line. Waived findings
 * follow their conversation's others, each with its `waiver` (`jq 'select(.waiver == null)'` drops them).
 */
export function jsonlFormatter(): Formatter {
  return {
    result: (result) =>
      [...result.findings, ...(result.waived ?? [])].map((f) => `${JSON.stringify({ ...f, agent: f.agent ?? null, file: result.file })}\n`).join(''),
    end: () => '',
  };
}
