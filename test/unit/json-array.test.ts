import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detectAdapter } from '../../src/adapters/index.js';
import { openFile } from '../../src/io/input.js';
import { arrayItems, firstJsonItem, MAX_JSON_DEPTH, nestedTooDeep } from '../../src/io/json-documents.js';

const read = (text: string) => [...arrayItems(text, 'a.json')];

describe('a JSON array read whole', () => {
  it('yields each item with its index, strings with brackets, quotes and escapes included', () => {
    const items = read('\ufeff [ {"a": "x]}\\"{["}, [1, [2]], "s", 3 , null, {"b": {"c": "\\\\"}} ]\n');
    expect(items.map((item) => (item.ok ? item.value : item.reason))).toEqual([{ a: 'x]}"{[' }, [1, [2]], 's', 3, null, { b: { c: '\\' } }]);
    expect(items.map((item) => item.location.record)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('skips an item that is not valid JSON and reads the ones after it', () => {
    const items = read('[{"a": 1}, {"a": 2,}, {"a": 3}]');
    expect(items.map((item) => item.ok)).toEqual([true, false, true]);
    expect(items[1]).toMatchObject({ ok: false, location: { record: 1 }, reason: expect.stringContaining('不是合法的 JSON') });
  });

  it('reports where a truncated array breaks off, after reading the items before it', () => {
    const items = read('[{"a": 1}, {"a": 2}, {"a": "thr');
    expect(items.filter((item) => item.ok)).toHaveLength(2);
    expect(items.at(-1)).toMatchObject({ ok: false, location: { record: 2 }, reason: expect.stringContaining('第 2 项之后中断') });
  });

  it('a quote left open in one item costs that item only: the rest are read from the next item', () => {
    const item = (n: number, text = `话${n}`) => `{"id": "d${n}", "turns": [{"speaker": "c", "text": "${text}"}]}`;
    const items = Array.from({ length: 10 }, (_, n) => item(n));
    items[3] = `{"id": "d3", "turns": [{"speaker": "c", "text": "没有结束的引号}]}`;
    const read3 = read(`[${items.join(', ')}]`);
    expect(read3.map((x) => x.ok)).toEqual([true, true, true, false, true, true, true, true, true, true]);
    expect(read3[3]).toMatchObject({ location: { record: 3 }, reason: expect.stringContaining('没有正常结束') });
    expect(read3.filter((x) => x.ok).map((x) => (x.value as { id: string }).id)).toEqual(['d0', 'd1', 'd2', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9']);
    // Pretty-printed, and with the broken item last but one.
    items[3] = item(3);
    items[8] = `{\n  "id": "d8",\n  "turns": [{"speaker": "c", "text": "坏\\"}]\n}`;
    const pretty = read(`[\n${items.join(',\n')}\n]`);
    expect(pretty.map((x) => x.ok)).toEqual([true, true, true, true, true, true, true, true, false, true]);
  });

  it('an item left open with no item after it still breaks off as before', () => {
    const items = read('[{"id": 1}, {"id": 2}, {"id": "thr');
    expect(items.at(-1)).toMatchObject({ ok: false, location: { record: 2 }, reason: expect.stringContaining('第 2 项之后中断') });
  });

  it('reports a missing comma and content after the end', () => {
    expect(read('[{"a": 1} {"a": 2}]').at(-1)).toMatchObject({ ok: false, reason: expect.stringContaining('缺少逗号') });
    expect(read('[{"a": 1}] [2]').at(-1)).toMatchObject({ ok: false, reason: expect.stringContaining('数组结束后还有内容') });
    expect(read('[]')).toEqual([]);
  });

  it('skips an item nested too deep, and only that item', () => {
    const deep = '['.repeat(150) + ']'.repeat(150);
    const items = read(`[${deep}, {"ok": true}]`);
    expect(items.map((item) => item.ok)).toEqual([false, true]);
  });

  it('draws the depth limit where a parsed record meets it', () => {
    for (const levels of [MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, MAX_JSON_DEPTH + 2]) {
      const item = '{"a":['.repeat(levels >> 1) + (levels % 2 ? '{}' : '') + ']}'.repeat(levels >> 1);
      const [read] = [...arrayItems(`[${item}]`, 'a.json')];
      expect(levels === MAX_JSON_DEPTH ? read!.ok : levels > MAX_JSON_DEPTH ? !read!.ok : read!.ok).toBe(true);
      expect(read!.ok).toBe(!nestedTooDeep(JSON.parse(item)));
    }
  });
});

describe('the detection sample of a JSON array on one line', () => {
  const dialogue = (id: string, filler: number) =>
    JSON.stringify({ id, turns: [{ sender: 'customer', utterances: ['我的快递还没到', 'x'.repeat(filler)] }, { sender: 'helpdesk', utterances: ['我帮您查一下'] }] });

  it('grows past 64 KB until it holds the first item, and stops there instead of taking the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-head-'));
    try {
      const file = path.join(dir, 'one-line.json');
      // The first item alone is over 64 KB; the file, on one line, is some 2 MB.
      const items = [dialogue('d0', 100_000), ...Array.from({ length: 400 }, (_, i) => dialogue(`d${i + 1}`, 5_000))];
      writeFileSync(file, `[${items.join(',')}]`);
      const input = await openFile(file);
      expect(input.head.length).toBeGreaterThan(100_000);
      expect(input.head.length).toBeLessThan(400_000);
      expect(firstJsonItem(input.head)).toMatchObject({ id: 'd0' });
      expect(detectAdapter(input.head, 'one-line.json')?.name).toBe('dch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
