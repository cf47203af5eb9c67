import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBuffer, detectEncoding } from '../../src/io/decode.js';

const TEXT = '会话ID,角色,内容\nc-1,客户,快递三天没动了\n';

describe('detectEncoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(TEXT, 'utf8');
    expect(detectEncoding(plain).encoding).toBe('utf8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]);
    expect(detectEncoding(bom)).toEqual({ encoding: 'utf8', bomLength: 3 });
    expect(decodeBuffer(bom, 'utf8')).toBe(TEXT);
  });

  it('reads UTF-16 with a BOM', () => {
    const le = iconv.encode(TEXT, 'utf16le', { addBOM: true });
    expect(detectEncoding(le).encoding).toBe('utf16le');
    expect(decodeBuffer(le, 'utf16le')).toBe(TEXT);
  });

  it('takes text that is not valid UTF-8 as GB18030, as Excel on Chinese Windows saves it', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    expect(detectEncoding(gbk).encoding).toBe('gb18030');
    expect(decodeBuffer(gbk, 'gb18030')).toBe(TEXT);
  });

  it('keeps valid UTF-8 padded with NUL bytes (fixed-width columns) as UTF-8, and still tells UTF-16 without a BOM', () => {
    const lines = ['conversation_id,time,role,agent,text'];
    for (let i = 0; i < 50; i++) lines.push(`c${i},2026-11-02 10:00:00,customer,,在吗\0\0\0\0`, `c${i},2026-11-02 10:05:00,agent,A,滚，爱买不买\0\0\0\0\0\0`);
    const padded = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    expect(padded.filter((byte) => byte === 0).length / padded.length).toBeGreaterThan(0.08);
    expect(detectEncoding(padded, true)).toEqual({ encoding: 'utf8', bomLength: 0 });
    const shortRuns = Buffer.from(`${lines.join('\n').replace(/\0+/g, '\0\0')}\n`, 'utf8');
    expect(detectEncoding(shortRuns, true).encoding).toBe('utf8');
    // UTF-16 without a BOM has its NULs one at a time, ASCII text too (which is also valid UTF-8).
    const text = lines.join('\n').replaceAll('\0', '');
    expect(detectEncoding(iconv.encode(text, 'utf16le'), true).encoding).toBe('utf16le');
    expect(detectEncoding(iconv.encode(text, 'utf16be'), true).encoding).toBe('utf16be');
    const ascii = text.replace(/[^\x00-\x7f]/g, 'x');
    expect(detectEncoding(iconv.encode(ascii, 'utf16le'), true).encoding).toBe('utf16le');
    expect(detectEncoding(iconv.encode(ascii, 'utf16be'), true).encoding).toBe('utf16be');
  });

  it('does not mistake UTF-8 cut mid-character at the end of the sample for GB18030', () => {
    const bytes = Buffer.from(TEXT, 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2)).encoding).toBe('utf8');
  });
});

describe('JSON syntax errors', () => {
  it('say where the line breaks without quoting it, so no customer text reaches a CI log', async () => {
    const { jsonSyntaxReason } = await import('../../src/io/json-documents.js');
    let error: unknown;
    try {
      JSON.parse('张三 13812345678 不是JSON');
    } catch (caught) {
      error = caught;
    }
    const reason = jsonSyntaxReason(error);
    expect(reason).toContain('不是合法的 JSON');
    expect(reason).not.toMatch(/张三|1381/);
  });
});
