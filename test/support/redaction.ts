import { expect, it } from 'vitest';
import { redactText } from '../../src/text/redact.js';

/** One test a case: `input` redacted reads `expected`. */
export function masksAs(cases: ReadonlyArray<readonly [string, string]>): void {
  it.each(cases)('%s → %s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
}

/** One test a text that redaction must leave as it is. */
export function leavesAlone(texts: readonly string[]): void {
  it.each(texts)('leaves %s as it is', (text) => {
    expect(redactText(text)).toBe(text);
  });
}
