import { describe, expect, it } from 'vitest';
import { median, percentile, MetricsAccumulator } from '../../src/report/accumulate.js';
import { PeriodCalendar } from '../../src/report/periods.js';
import { customerRating, scoreUnit, sharesOf, type ReportInput } from '../../src/report/score.js';
import type { CustomerSignals } from '../../src/analysis/satisfaction.js';
import { DEFAULT_SCORECARD, mergeScorecard, type Scorecard } from '../../src/report/scoring-config.js';
import type { ConversationMetrics } from '../../src/metrics/conversation-metrics.js';

const card: Scorecard = {
  categories: { empathy: 1, ownership: 1, resolution: 2, responsiveness: 1, tone: 1, compliance: 1, escalation: 1, customer: 2 },
  partialCredit: 0.5,
  points: { error: 30, warn: 10 },
  rules: { 'vague-commitment': 5 },
  fatal: ['forbidden-phrase'],
  slaSeconds: 180,
  targets: {},
};

const customer = (predictedSatisfaction: number | null): CustomerSignals => ({
  sentiment: predictedSatisfaction === null ? null : { start: 0, end: 0, worst: 0 },
  outcome: { outcome: 'unknown', cues: [] },
  predictedSatisfaction,
});

const finding = (ruleId: string, category: string, severity: 'error' | 'warn', agent: string | null = '小林') => ({
  ruleId, category, severity, agent, message: `${ruleId} message`, excerpt: 'quoted', messageSeq: 1,
});

describe('scoreUnit', () => {
  it('rates each applicable category pass, partial or fail and takes the weighted mean (the worked example of docs/report.md)', () => {
    // resolution has a warning only: partial, 50 (weight 2); ownership has an error: fail, 0 (weight 1);
    // tone has nothing: pass, 100 (weight 1); customer predicted 3.4 of 5: (3.4 − 1) / 3 → 80 (weight 2).
    // (2×50 + 1×0 + 1×100 + 2×80) / 6 = 360 / 6 = 60.
    const unit = scoreUnit(
      [finding('missing-next-step', 'resolution', 'warn'), finding('blame-shifting', 'ownership', 'error'), finding('missing-empathy', 'ownership', 'warn')],
      ['resolution', 'ownership', 'tone'],
      card,
      customer(3.4),
    );
    expect(unit.ratings).toMatchObject({ resolution: 'partial', ownership: 'fail', tone: 'pass', customer: 'scale', empathy: null });
    expect(unit.categories).toMatchObject({ resolution: 50, ownership: 0, tone: 100, customer: 80, responsiveness: null });
    expect(unit.score).toBeCloseTo(60, 6);
  });

  it('gives the worked example of docs/report.md with the default scorecard', () => {
    const unit = scoreUnit(
      [finding('blame-shifting', 'ownership', 'error'), finding('missing-next-step', 'resolution', 'warn')],
      ['empathy', 'ownership', 'resolution', 'tone', 'compliance'],
      DEFAULT_SCORECARD,
      customer(2.5),
    );
    expect(unit.categories.customer).toBe(50);
    expect(Math.round(unit.score! * 10) / 10).toBe(57.9);
  });

  it('makes one error or many the same fail, and a partial worth partialCredit', () => {
    const one = scoreUnit([finding('blame-shifting', 'ownership', 'error')], ['ownership', 'tone'], card);
    const many = scoreUnit(Array.from({ length: 5 }, () => finding('blame-shifting', 'ownership', 'error')), ['ownership', 'tone'], card);
    expect(one.score).toBe(50);
    expect(many.score).toBe(50);
    const generous = scoreUnit([finding('missing-greeting', 'tone', 'warn')], ['tone'], { ...card, partialCredit: 0.8 });
    expect(generous.score).toBeCloseTo(80, 6);
  });

  it('counts a category that did not apply as N/A, not as a pass', () => {
    const withoutTimes = scoreUnit([finding('blame-shifting', 'ownership', 'error')], ['ownership'], card);
    const withTimes = scoreUnit([finding('blame-shifting', 'ownership', 'error')], ['ownership', 'responsiveness'], card);
    expect(withoutTimes.score).toBe(0);
    expect(withTimes.score).toBe(50);
  });

  it('rates the customer category only when there is a prediction and it is weighted', () => {
    expect(scoreUnit([], ['tone'], card, customer(null)).categories.customer).toBeNull();
    expect(scoreUnit([], ['tone'], card, customer(1)).score).toBeCloseTo(100 / 3, 6);
    const off = { ...card, categories: { ...card.categories, customer: 0 } };
    expect(scoreUnit([], ['tone'], off, customer(1)).score).toBe(100);
    expect(scoreUnit([], ['tone'], off, customer(1)).ratings.customer).toBeNull();
  });

  it('maps predicted satisfaction 1 to 0 and 4 or more to 100', () => {
    expect(customerRating(1)).toBe(0);
    expect(customerRating(2.5)).toBe(50);
    expect(customerRating(4)).toBe(100);
    expect(customerRating(5)).toBe(100);
  });

  it('sets the score to 0 for a fatal rule', () => {
    const unit = scoreUnit([finding('forbidden-phrase', 'tone', 'error')], ['tone', 'resolution'], card, customer(5));
    expect(unit.fatal).toBe(true);
    expect(unit.score).toBe(0);
    expect(unit.deductions[0]).toMatchObject({ ruleId: 'forbidden-phrase', points: 30, fatal: true });
  });

  it('keeps per-rule points for the rule ranking, before severity points', () => {
    expect(scoreUnit([finding('vague-commitment', 'resolution', 'warn')], ['resolution'], card).deductions[0]!.points).toBe(5);
    expect(scoreUnit([finding('missing-next-step', 'resolution', 'warn')], ['resolution'], card).deductions[0]!.points).toBe(10);
  });

  it('gives no score when nothing applied', () => {
    expect(scoreUnit([], [], card).score).toBeNull();
  });

  it('leaves a category weighted 0 out of the score', () => {
    const zeroTone = { ...card, categories: { ...card.categories, tone: 0 } };
    expect(scoreUnit([finding('missing-greeting', 'tone', 'warn')], ['tone', 'resolution'], zeroTone).score).toBe(100);
  });
});

describe('mergeScorecard', () => {
  it('replaces keys one by one and the fatal list as a whole', () => {
    const merged = mergeScorecard(DEFAULT_SCORECARD, { categories: { tone: 40 }, fatal: [] });
    expect(merged.categories.tone).toBe(40);
    expect(merged.categories.ownership).toBe(DEFAULT_SCORECARD.categories.ownership);
    expect(merged.fatal).toEqual([]);
  });
});

const metrics = (over: Partial<ConversationMetrics> = {}): ConversationMetrics => ({
  channel: null, startedAt: 0, endedAt: 0, customerMessages: 2, humanReplies: 2,
  firstResponse: null, responses: [], missedBursts: [], unanswered: null, humanRequest: null, csat: null, topics: [],
  applicable: ['empathy', 'ownership', 'resolution', 'responsiveness', 'tone', 'compliance'],
  ...over,
});

describe('sharesOf: attribution to agents', () => {
  const input: ReportInput = {
    conversationId: 'c', file: 'f', agents: ['小林', '老周'],
    findings: [finding('blame-shifting', 'ownership', 'error', '小林'), finding('missing-empathy', 'empathy', 'warn', '老周'), finding('robot-reply', 'tone', 'warn', null)],
    metrics: metrics({ firstResponse: { seconds: 30, agent: '小林' }, responses: [{ seconds: 30, agent: '小林' }, { seconds: 200, agent: '老周' }], missedBursts: [{ agent: '老周' }] }),
  };

  it('gives each agent their own findings and waits; findings with no agent go to nobody', () => {
    const [lin, zhou] = sharesOf(input);
    expect(lin!.agent).toBe('小林');
    expect(lin!.share.findings.map((f) => f.ruleId)).toEqual(['blame-shifting']);
    expect(lin!.share.firstResponse).toBe(30);
    expect(lin!.share.responses).toEqual([30]);
    expect(zhou!.share.findings.map((f) => f.ruleId)).toEqual(['missing-empathy']);
    expect(zhou!.share.firstResponse).toBeNull();
    expect(zhou!.share.responses).toEqual([200]);
    expect(zhou!.share.missedBursts).toBe(1);
  });

  it('judges responsiveness only for an agent who had a wait attributed', () => {
    const quiet = { ...input, metrics: metrics({ firstResponse: { seconds: 30, agent: '小林' }, responses: [{ seconds: 30, agent: '小林' }] }) };
    const [lin, zhou] = sharesOf(quiet);
    expect(lin!.share.applicable).toContain('responsiveness');
    expect(zhou!.share.applicable).not.toContain('responsiveness');
  });

  it('makes one share, agent null, holding everything when no agent replied', () => {
    const shares = sharesOf({ ...input, agents: [] });
    expect(shares).toHaveLength(1);
    expect(shares[0]!.agent).toBeNull();
    expect(shares[0]!.share.findings).toHaveLength(3);
  });
});

describe('median and percentile', () => {
  it('takes the middle, or the mean of the two middle values', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('takes the nearest rank for p90', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([5], 90)).toBe(5);
  });
});

describe('MetricsAccumulator', () => {
  it('keeps the three costliest example quotes per rule, one per conversation', () => {
    const acc = new MetricsAccumulator(card);
    for (let i = 0; i < 5; i++) {
      const f = { ...finding('blame-shifting', 'ownership', i === 3 ? 'error' : 'warn'), excerpt: `quote ${i}` };
      const share = { findings: [f, f], applicable: ['ownership'], firstResponse: null, responses: [], missedBursts: 0, unanswered: false, humanRequest: null };
      acc.add(share, scoreUnit(share.findings, share.applicable, card), { conversationId: `c${i}`, csat: null, customer: null, points: (x) => card.points[x.severity] });
    }
    const rule = acc.finish((id) => id).topRules[0]!;
    expect(rule).toMatchObject({ ruleId: 'blame-shifting', findings: 10, conversations: 5, pointsLost: 4 * 20 + 60 });
    expect(rule.examples.map((e) => e.text)).toEqual(['quote 3', 'quote 0', 'quote 1']);
  });

  it('counts satisfied ratings and leaves unreadable ones out', () => {
    const acc = new MetricsAccumulator(card);
    const share = { findings: [], applicable: [], firstResponse: null, responses: [], missedBursts: 0, unanswered: false, humanRequest: null };
    const predictions = [4.5, 2, 2, 3];
    [true, true, false, null].forEach((satisfied, index) => {
      const signals = customer(predictions[index]!);
      acc.add(share, scoreUnit([], [], card, signals), { conversationId: 'c', csat: satisfied === null ? null : { score: satisfied ? 5 : 2, scale: 5, satisfied }, customer: signals, points: () => 0 });
    });
    // Predicted 4.5 for a satisfied rating agrees; 2 for a satisfied one does not; 2 for a dissatisfied one does.
    expect(acc.finish((id) => id).csat).toEqual({ rated: 3, satisfied: 2, share: 0.6667, predictedSatisfied: 1, agreement: 0.6667 });
  });

  it('names the category that cost the most IQS as the one to coach, fails before partials', () => {
    const acc = new MetricsAccumulator(card);
    const add = (findings: ReturnType<typeof finding>[], applicable: string[], signals: CustomerSignals | null) => {
      const share = { findings, applicable, firstResponse: null, responses: [], missedBursts: 0, unanswered: false, humanRequest: null };
      acc.add(share, scoreUnit(findings, applicable, card, signals), { conversationId: 'c', csat: null, customer: signals, points: () => 0 });
    };
    // Tone (weight 1) partial twice: 2 × 50 = 100 lost; resolution (weight 2) failed once: 200 lost.
    add([finding('robot-reply', 'tone', 'warn')], ['tone', 'resolution'], customer(4));
    add([finding('robot-reply', 'tone', 'warn'), finding('missing-next-step', 'resolution', 'error')], ['tone', 'resolution'], customer(4));
    const result = acc.finish((id) => id);
    expect(result.mostFailed).toBe('resolution');
    expect(result.failed).toMatchObject({ resolution: 1, tone: 0, customer: 0 });
    expect(result.customer).toMatchObject({ predicted: 2, predictedSatisfaction: 4 });
  });
});

describe('PeriodCalendar', () => {
  const shanghai = (iso: string) => Date.parse(iso);

  it('numbers ISO weeks by week year across the new year', () => {
    const weeks = new PeriodCalendar('week', 'Asia/Shanghai');
    // 2027-01-01 is a Friday: it belongs to the last ISO week of 2026.
    expect(weeks.keyOf(shanghai('2027-01-01T10:00:00+08:00'))).toBe('2026-W53');
    expect(weeks.info('2026-W53')).toEqual({ key: '2026-W53', start: '2026-12-28', end: '2027-01-03' });
    expect(weeks.previous('2027-W01')).toBe('2026-W53');
  });

  it('places an instant by the local day of the configured zone', () => {
    // 2026-11-08T17:30Z is Sunday night in UTC but Monday 01:30 in Shanghai.
    expect(new PeriodCalendar('week', 'Asia/Shanghai').keyOf(shanghai('2026-11-08T17:30:00Z'))).toBe('2026-W46');
    expect(new PeriodCalendar('week', 'UTC').keyOf(shanghai('2026-11-08T17:30:00Z'))).toBe('2026-W45');
    expect(new PeriodCalendar('month', 'Asia/Shanghai').keyOf(shanghai('2026-10-31T16:30:00Z'))).toBe('2026-11');
  });

  it('lists every period between two, including empty ones', () => {
    expect(new PeriodCalendar('month', 'Asia/Shanghai').range('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(new PeriodCalendar('day', 'Asia/Shanghai').info('2026-11-02')).toEqual({ key: '2026-11-02', start: '2026-11-02', end: '2026-11-02' });
  });
});
