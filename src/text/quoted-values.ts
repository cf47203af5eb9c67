/**
 * Values quoted in a message about the data: `未知的角色 "乔峰"`, `“小鱼儿 2026-11-02 10:00:00”像一行发送人`.
 * Readers quote a value they could not use in straight or Chinese double quotes, and a value that is
 * not a string is quoted as JSON (`内容是 "{"name":"王建国"}"`, cut after 40 characters with `…`), so
 * its own quotation marks are inside the outer ones. A straight quote that opens on `{` or `[` runs to
 * the bracket that closes it (quotation marks inside its strings, and escaped ones, skipped), or to
 * the `…` that cut it: the whole object or array is one value.
 */

/** Where a JSON object or array that starts at `start` ends, its closing quotation mark included; -1 when it does not end as a quoted value does. */
function structuredValueEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let at = start; at < text.length; at++) {
    const char = text[at]!;
    if (char === '\n') return -1;
    // describeValue cuts a value after 40 characters and adds an ellipsis.
    if (at - start === 40 && char === '…' && text[at + 1] === '"') return at + 1;
    if (inString) {
      if (char === '\\') at++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return text[at + 1] === '"' ? at + 1 : -1;
    }
  }
  return -1;
}

/**
 * `text` with every quoted value replaced by what `replace` makes of it (given the value and its
 * opening and closing marks). A quotation mark that is never closed on its line is left as it is.
 */
export function replaceQuotedValues(text: string, replace: (value: string, open: string, close: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = 0; at < text.length; at++) {
    const open = text[at]!;
    if (open !== '"' && open !== '“') continue;
    const close = open === '"' ? '"' : '”';
    const structured = open === '"' && (text[at + 1] === '{' || text[at + 1] === '[') ? structuredValueEnd(text, at + 1) : -1;
    const end = structured >= 0 ? structured : text.indexOf(close, at + 1);
    if (end < 0) continue;
    const value = text.slice(at + 1, end);
    if (value.includes('\n')) continue;
    out += text.slice(copied, at) + replace(value, open, close);
    copied = end + 1;
    at = end;
  }
  return out + text.slice(copied);
}

/** The values quoted in `text`, in order. */
export function quotedValues(text: string): string[] {
  const values: string[] = [];
  replaceQuotedValues(text, (value) => {
    values.push(value);
    return value;
  });
  return values;
}
