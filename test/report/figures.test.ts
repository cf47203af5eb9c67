import { describe, expect, it } from 'vitest';
import {
  betterHint,
  CHANGE_MEANINGS,
  changeLabel,
  conversationsLowestFirst,
  describeChange,
  formatEpoch,
  formatIsoTime,
  formatScore,
  formatSeconds,
  formatShare,
  periodLabel,
  rangeLabel,
  shorten,
} from '../../src/report/formats/figures.js';
import { sampleConversationReport, sampleReport } from './sample-report.js';

describe('report figures', () => {
  it('writes nulls as a dash, never as zero', () => {
    expect(formatScore(null)).toBe('—');
    expect(formatShare(null)).toBe('—');
    expect(formatSeconds(null)).toBe('—');
    expect(formatSeconds(undefined)).toBe('—');
    expect(formatScore(0)).toBe('0.0');
    expect(formatShare(0)).toBe('0.0%');
    expect(formatSeconds(0)).toBe('0秒');
  });

  it('writes durations in Chinese', () => {
    expect(formatSeconds(42)).toBe('42秒');
    expect(formatSeconds(65)).toBe('1分5秒');
    expect(formatSeconds(180)).toBe('3分钟');
    expect(formatSeconds(7380)).toBe('2小时3分');
    expect(formatSeconds(59.6)).toBe('1分钟');
  });

  it('gives each change an arrow for its sign and a tone for what the sign means', () => {
    expect(describeChange(2, CHANGE_MEANINGS.iqs)).toEqual({ arrow: '▲', amount: '2.0', tone: 'better' });
    expect(describeChange(-5.7, CHANGE_MEANINGS.iqs)).toEqual({ arrow: '▼', amount: '5.7', tone: 'worse' });
    // First response going down is the good news.
    expect(describeChange(-11, CHANGE_MEANINGS.firstResponseMedianSeconds)).toEqual({ arrow: '▼', amount: '11秒', tone: 'better' });
    expect(describeChange(110, CHANGE_MEANINGS.firstResponseP90Seconds)).toEqual({ arrow: '▲', amount: '1分50秒', tone: 'worse' });
    expect(describeChange(1, CHANGE_MEANINGS.fatal)).toEqual({ arrow: '▲', amount: '1', tone: 'worse' });
    expect(describeChange(-1, CHANGE_MEANINGS.humanRequestsIgnored).tone).toBe('better');
    // Shares move by percentage points.
    expect(describeChange(-0.0104, CHANGE_MEANINGS.slaShare)).toEqual({ arrow: '▼', amount: '1.0 个百分点', tone: 'worse' });
    expect(describeChange(0.11, CHANGE_MEANINGS.csatShare)).toEqual({ arrow: '▲', amount: '11.0 个百分点', tone: 'better' });
    // Volume is neither good nor bad.
    expect(describeChange(21, CHANGE_MEANINGS.conversations)).toEqual({ arrow: '▲', amount: '21', tone: 'neutral' });
  });

  it('calls a change that rounds to nothing level, and a missing one a dash', () => {
    expect(describeChange(0.04, CHANGE_MEANINGS.iqs)).toEqual({ arrow: '', amount: '持平', tone: 'same' });
    expect(describeChange(-0.0004, CHANGE_MEANINGS.slaShare).tone).toBe('same');
    expect(describeChange(0, CHANGE_MEANINGS.unanswered).amount).toBe('持平');
    expect(describeChange(null, CHANGE_MEANINGS.iqs)).toEqual({ arrow: '', amount: '—', tone: 'none' });
    expect(describeChange(undefined, CHANGE_MEANINGS.iqs).tone).toBe('none');
    expect(changeLabel(describeChange(-23, CHANGE_MEANINGS.firstResponseMedianSeconds))).toBe('▼ 23秒');
  });

  it('says which way is better in words', () => {
    expect(betterHint(CHANGE_MEANINGS.iqs)).toBe('越高越好');
    expect(betterHint(CHANGE_MEANINGS.averageResponseSeconds)).toBe('越短越好');
    expect(betterHint(CHANGE_MEANINGS.unanswered)).toBe('越少越好');
    expect(betterHint(CHANGE_MEANINGS.conversations)).toBe('');
  });

  it('names periods, ranges and times in the report time zone', () => {
    const data = sampleReport();
    expect(periodLabel(data.current)).toBe('2026-W46（2026-11-09 至 2026-11-15）');
    expect(periodLabel({ key: 'all' })).toBe('全部时间');
    expect(periodLabel({ key: '2026-11-02', start: '2026-11-02', end: '2026-11-02' })).toBe('2026-11-02（2026-11-02）');
    expect(periodLabel(null)).toBe('—');
    expect(rangeLabel(data.options)).toBe('2026-11-02 至 2026-11-15');
    expect(rangeLabel({ ...data.options, since: undefined, until: undefined })).toBe('全部数据（未限定日期）');
    expect(formatIsoTime('2026-11-16T01:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-16 09:30:00');
    expect(formatIsoTime('not a time', 'Asia/Shanghai')).toBe('not a time');
    expect(formatEpoch(Date.parse('2026-11-16T01:30:00Z'), 'Nowhere/Invalid')).toBe('2026-11-16 01:30:00');
  });

  it('cuts long text by characters, not UTF-16 units', () => {
    expect(shorten('短句', 10)).toBe('短句');
    expect(shorten('一二三四五六', 4)).toBe('一二三…');
    expect(shorten('😀😀😀😀', 3)).toBe('😀😀…');
  });

  it('orders conversations lowest score first, unscored last, ties in input order', () => {
    const ordered = conversationsLowestFirst(sampleConversationReport().conversations!).map((c) => [c.conversationId, c.score]);
    expect(ordered).toEqual([
      ['qy-20261114-0005', 0],
      ['qy-20261110-0042', 70],
      ['qy-20261111-0031', 85.5],
      ['wx-0009', null],
    ]);
  });
});
