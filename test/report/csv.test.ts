import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/engine/rule.js';
import { csvField, neutraliseFormula, renderCsv, UTF8_BOM } from '../../src/report/formats/csv.js';
import { sampleConversationReport, sampleReport } from './sample-report.js';

const records = (text: string) => parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;

describe('csv report', () => {
  it('quotes fields as RFC 4180 asks', () => {
    expect(csvField('小林')).toBe('小林');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一行\n两行')).toBe('"一行\n两行"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvField('')).toBe('');
  });

  it('guards text that a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutraliseFormula('+86 138')).toBe("'+86 138");
    expect(neutraliseFormula('@mention')).toBe("'@mention");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('小林')).toBe('小林');
  });

  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = renderCsv(sampleReport());
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes one row per group after the overall row, with every metric and its change', () => {
    const text = renderCsv(sampleReport());
    const header = text.slice(1, text.indexOf('\r\n')).split(',');
    expect(header.slice(0, 10)).toEqual(['level', 'group', 'team', 'period', 'previous_period', 'conversations', 'conversations_change', 'scored', 'iqs', 'iqs_change']);
    for (const category of CATEGORIES) expect(header).toContain(`category_${category}`);
    for (const column of ['first_response_median_seconds_change', 'first_response_p90_seconds_change', 'average_response_seconds_change', 'sla_share_change', 'unanswered_change', 'human_requests_ignored_change', 'csat_share_change', 'top_rules']) {
      expect(header).toContain(column);
    }
    expect(header.every((name) => /^[a-z0-9_]+$/.test(name))).toBe(true);

    const rows = records(text);
    expect(rows.map((row) => [row.level, row.group, row.team])).toEqual([
      ['overall', '', ''],
      ['agent', '小林', '售后一组'],
      ['agent', '阿美', '售后一组'],
      ['agent', '王强', '售前组'],
    ]);
    const xiaolin = rows[1]!;
    expect(xiaolin).toMatchObject({
      period: '2026-W46',
      previous_period: '2026-W45',
      conversations: '38',
      iqs: '72.4',
      iqs_change: '-5.7',
      first_response_median_seconds: '95',
      first_response_median_seconds_change: '15',
      first_response_p90_seconds_change: '110',
      sla_share: '0.7375',
      sla_share_change: '-0.0625',
      csat_share: '0.6667',
      human_requests_ignored_change: '2',
      category_escalation: '50',
      top_rules: 'blame-shifting:80;slow-response:50;crisis-not-escalated:10',
    });
    // Nothing measured is an empty cell, not a zero.
    expect(rows[2]!.csat_share).toBe('');
    expect(rows[2]!.csat_share_change).toBe('');
    expect(rows[2]!.csat_rated).toBe('0');
    expect(rows[3]!).toMatchObject({ previous_period: '', iqs: '91.25', iqs_change: '', first_response_median_seconds: '', category_responsiveness: '' });
  });

  it('round-trips names with commas, quotes and line breaks, and guards formula-like ones', () => {
    const data = sampleReport();
    data.groups[0]!.key = '林, "小林"\n二号';
    data.groups[1]!.key = '=1+2';
    const rows = records(renderCsv(data));
    expect(rows[1]!.group).toBe('林, "小林"\n二号');
    expect(rows[2]!.group).toBe("'=1+2");
  });

  it('with --by conversation, writes every conversation in input order', () => {
    const rows = records(renderCsv(sampleConversationReport()));
    expect(rows.map((row) => row.conversation_id)).toEqual(['qy-20261110-0042', 'qy-20261114-0005', 'qy-20261111-0031', 'wx-0009']);
    expect(rows[1]).toMatchObject({
      agents: '小林;阿美',
      started_at: '2026-11-14T09:00:02+08:00',
      score: '0',
      fatal: 'true',
      first_response_seconds: '65',
      deductions: '2',
      points_lost: '15',
      rules: 'crisis-not-escalated;slow-response',
      fatal_rules: 'crisis-not-escalated',
    });
    expect(rows[3]).toMatchObject({ score: '', fatal: 'false', first_response_seconds: '', deductions: '0', rules: '' });

    const many = sampleConversationReport();
    many.conversations = Array.from({ length: 620 }, (_, index) => ({ ...many.conversations![0]!, conversationId: `c-${index}` }));
    expect(records(renderCsv(many))).toHaveLength(620);
  });
});
