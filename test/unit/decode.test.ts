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
