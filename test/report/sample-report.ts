import type { ConversationScore, GroupReport, Metrics, MetricsChange, ReportData, ReportQuote, RuleLoss } from '../../src/report/model.js';
import type { Rating } from '../../src/report/score.js';
import type { ScoreCategory } from '../../src/report/scoring-config.js';

type Category = ScoreCategory;

/**
 * A weekly report built by hand: two ISO weeks, three agents in two teams, one agent new this
 * week (no previous period), one without any rating and one without timestamps, and quotes that
 * carry markup and a pipe, as customer text does.
 */

export const NASTY_TRIGGER = '你们网页弹出 <script>alert("xss")</script> 是什么鬼？我都快气死了';
export const PIPE_QUOTE = '请刷新页面 | 或者换个浏览器试试';

const categories = (values: Partial<Record<Category, number | null>> = {}): Record<Category, number | null> => ({
  empathy: null,
  ownership: null,
  resolution: null,
  responsiveness: null,
  tone: null,
  compliance: null,
  escalation: null,
  customer: null,
  ...values,
});

const noFails = (): Record<Category, number> => ({ empathy: 0, ownership: 0, resolution: 0, responsiveness: 0, tone: 0, compliance: 0, escalation: 0, customer: 0 });

/** Ratings as a conversation's category values imply them: 100 a pass, 0 a fail, between a partial. */
const ratingsOf = (values: Record<Category, number | null>, scale: readonly Category[] = ['customer']): Record<Category, Rating | null> =>
  Object.fromEntries(
    Object.entries(values).map(([category, value]) => [
      category,
      value === null ? null : scale.includes(category as Category) ? 'scale' : value === 100 ? 'pass' : value === 0 ? 'fail' : 'partial',
    ]),
  ) as Record<Category, Rating | null>;

interface MetricsInput {
  conversations: number;
  scored?: number;
  iqs: number | null;
  categories?: Partial<Record<Category, number | null>>;
  fatal?: number;
  findings?: number;
  pointsLost?: number;
  frt?: [count: number, median: number | null, p90: number | null];
  averageResponse?: [count: number, average: number | null];
  sla?: [bursts: number, within: number];
  unanswered?: number;
  humanRequests?: [asked: number, answered: number, ignored: number];
  csat?: [rated: number, satisfied: number];
  topRules?: RuleLoss[];
  /** Mean predicted satisfaction and [resolved, unresolved, unknown]. */
  predicted?: number | null;
  outcomes?: [resolved: number, unresolved: number, unknown: number];
  mostFailed?: Category | null;
}

function metrics(input: MetricsInput): Metrics {
  const [frtCount, median, p90] = input.frt ?? [0, null, null];
  const [responses, average] = input.averageResponse ?? [0, null];
  const [bursts, within] = input.sla ?? [0, 0];
  const [asked, answered, ignored] = input.humanRequests ?? [0, 0, 0];
  const [rated, satisfied] = input.csat ?? [0, 0];
  return {
    conversations: input.conversations,
    scored: input.scored ?? input.conversations,
    iqs: input.iqs,
    categories: categories(input.categories),
    failed: noFails(),
    mostFailed: input.mostFailed ?? null,
    fatal: input.fatal ?? 0,
    findings: input.findings ?? 0,
    pointsLost: input.pointsLost ?? 0,
    firstResponse: { count: frtCount, medianSeconds: median, p90Seconds: p90 },
    responseTime: { count: responses, averageSeconds: average },
    sla: { seconds: 180, bursts, withinSla: within, share: bursts === 0 ? null : within / bursts },
    unanswered: input.unanswered ?? 0,
    humanRequests: { asked, answered, ignored },
    csat: { rated, satisfied, share: rated === 0 ? null : satisfied / rated, predictedSatisfied: 0, agreement: rated === 0 ? null : 0 },
    customer: {
      predicted: input.predicted === null || input.predicted === undefined ? 0 : input.conversations,
      predictedSatisfaction: input.predicted ?? null,
      outcomes: { resolved: input.outcomes?.[0] ?? 0, unresolved: input.outcomes?.[1] ?? 0, unknown: input.outcomes?.[2] ?? 0 },
      negativeEndings: 0,
    },
    topRules: input.topRules ?? [],
  };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);

/** Current minus previous, as the report computes it. */
export function changeBetween(current: Metrics, previous: Metrics): MetricsChange {
  return {
    conversations: current.conversations - previous.conversations,
    iqs: minus(current.iqs, previous.iqs),
    fatal: current.fatal - previous.fatal,
    pointsLost: current.pointsLost - previous.pointsLost,
    firstResponseMedianSeconds: minus(current.firstResponse.medianSeconds, previous.firstResponse.medianSeconds),
    firstResponseP90Seconds: minus(current.firstResponse.p90Seconds, previous.firstResponse.p90Seconds),
    averageResponseSeconds: minus(current.responseTime.averageSeconds, previous.responseTime.averageSeconds),
    slaShare: minus(current.sla.share, previous.sla.share),
    unanswered: current.unanswered - previous.unanswered,
    humanRequestsIgnored: current.humanRequests.ignored - previous.humanRequests.ignored,
    csatShare: minus(current.csat.share, previous.csat.share),
    predictedSatisfaction: minus(current.customer.predictedSatisfaction, previous.customer.predictedSatisfaction),
  };
}

function group(key: string, team: string | undefined, current: Metrics, previous: Metrics | undefined, trend: GroupReport['trend']): GroupReport {
  return { key, ...(team ? { team } : {}), metrics: current, ...(previous ? { previous, change: changeBetween(current, previous) } : {}), trend };
}

const W45 = { key: '2026-W45', start: '2026-11-02', end: '2026-11-08' };
const W46 = { key: '2026-W46', start: '2026-11-09', end: '2026-11-15' };

const time = (iso: string) => Date.parse(iso);

const blameQuote: ReportQuote = {
  conversationId: 'qy-20261110-0042',
  agent: '小林',
  text: '这个是快递那边的问题，您去问一下快递吧',
  message: '把问题推给了快递，没有说明由谁跟进',
  trigger: '快递三天没动了，到底怎么回事？',
  time: time('2026-11-10T14:03:22+08:00'),
};

const blameQuote2: ReportQuote = {
  conversationId: 'qy-20261112-0107',
  agent: '小林',
  text: '系统就是这么规定的，我们也没办法',
  message: '把问题推给了系统规定，没有说明由谁跟进',
  trigger: '为什么退款要等七天？',
  time: time('2026-11-12T10:41:05+08:00'),
};

const empathyQuote: ReportQuote = {
  conversationId: 'qy-20261111-0031',
  agent: '阿美',
  text: PIPE_QUOTE,
  message: '客户表达了不满，之后的回复没有致歉或安抚',
  trigger: NASTY_TRIGGER,
  time: time('2026-11-11T21:15:40+08:00'),
};

const slowQuote: ReportQuote = {
  conversationId: 'qy-20261113-0210',
  agent: '小林',
  text: '您好，在的，请问有什么可以帮您？',
  message: '客户等了 7分12秒 才得到人工回复（限 3 分钟）',
  trigger: '在吗？订单一直显示待发货',
  time: time('2026-11-13T16:20:09+08:00'),
};

const crisisQuote: ReportQuote = {
  conversationId: 'qy-20261114-0005',
  agent: '小林',
  text: '好的，我这边记录一下',
  message: '客户提到“投诉到12315”，回复没有升级处理',
  trigger: '再不处理我就投诉到12315',
  time: time('2026-11-14T09:02:47+08:00'),
};

const vagueQuote: ReportQuote = {
  conversationId: 'qy-20261109-0077',
  agent: '王强',
  text: '我们会尽快给您处理的',
  message: '“尽快”没有给出具体时间或动作',
  time: time('2026-11-09T11:30:00+08:00'),
};

const blameLoss: RuleLoss = { ruleId: 'blame-shifting', title: '推诿', category: 'ownership', findings: 9, conversations: 8, pointsLost: 90, examples: [blameQuote, blameQuote2] };
const slowLoss: RuleLoss = { ruleId: 'slow-response', title: '回复慢', category: 'responsiveness', findings: 14, conversations: 11, pointsLost: 70, examples: [slowQuote] };
const empathyLoss: RuleLoss = { ruleId: 'missing-empathy', title: '缺少共情', category: 'empathy', findings: 6, conversations: 6, pointsLost: 60, examples: [empathyQuote] };
const crisisLoss: RuleLoss = { ruleId: 'crisis-not-escalated', title: '危机未升级', category: 'escalation', findings: 1, conversations: 1, pointsLost: 10, examples: [crisisQuote] };
const vagueLoss: RuleLoss = { ruleId: 'vague-commitment', title: '模糊承诺', category: 'resolution', findings: 5, conversations: 5, pointsLost: 25, examples: [vagueQuote] };

/** 小林 had a bad week: IQS down, a fatal finding, slower first responses. */
const xiaolinNow = metrics({
  conversations: 38,
  scored: 37,
  iqs: 72.4,
  categories: { empathy: 80.5, ownership: 61.2, resolution: 78, responsiveness: 66.7, tone: 92, compliance: 100, escalation: 50 },
  fatal: 1,
  findings: 29,
  pointsLost: 212,
  frt: [36, 95, 410],
  averageResponse: [150, 142],
  sla: [160, 118],
  unanswered: 3,
  humanRequests: [5, 3, 2],
  csat: [12, 8],
  topRules: [{ ...blameLoss, findings: 8, conversations: 7, pointsLost: 80 }, { ...slowLoss, findings: 10, pointsLost: 50 }, crisisLoss],
});
const xiaolinBefore = metrics({
  conversations: 35,
  iqs: 78.1,
  categories: { empathy: 82, ownership: 70, resolution: 80, responsiveness: 75, tone: 90, compliance: 100, escalation: null },
  findings: 21,
  pointsLost: 150,
  frt: [34, 80, 300],
  averageResponse: [140, 120],
  sla: [150, 120],
  unanswered: 1,
  humanRequests: [4, 4, 0],
  csat: [10, 7],
});

/** 阿美 improved, and her export carries no ratings at all. */
const ameiNow = metrics({
  conversations: 41,
  iqs: 88.9,
  categories: { empathy: 85, ownership: 95, resolution: 88, responsiveness: 90, tone: 96, compliance: 100, escalation: null },
  findings: 11,
  pointsLost: 70,
  frt: [41, 42, 130],
  averageResponse: [170, 65],
  sla: [170, 161],
  humanRequests: [2, 2, 0],
  topRules: [empathyLoss],
});
const ameiBefore = metrics({
  conversations: 50,
  iqs: 84.3,
  categories: { empathy: 78, ownership: 90, resolution: 85, responsiveness: 85, tone: 95, compliance: 100, escalation: null },
  findings: 18,
  pointsLost: 110,
  frt: [49, 65, 200],
  averageResponse: [190, 80],
  sla: [190, 171],
  humanRequests: [3, 2, 1],
});

/** 王强 joined this week, from a channel whose export has no timestamps. */
const wangNow = metrics({
  conversations: 27,
  iqs: 91.25,
  categories: { empathy: 90, ownership: 95, resolution: 85, tone: 96, compliance: 100 },
  findings: 5,
  pointsLost: 25,
  csat: [9, 9],
  topRules: [vagueLoss],
});

const overallNow = metrics({
  conversations: 106,
  scored: 105,
  iqs: 83.6,
  categories: { empathy: 84.8, ownership: 82.9, resolution: 84.3, responsiveness: 79.6, tone: 94.6, compliance: 100, escalation: 50 },
  fatal: 1,
  findings: 45,
  pointsLost: 307,
  frt: [77, 61, 295],
  averageResponse: [320, 101],
  sla: [330, 279],
  unanswered: 3,
  humanRequests: [7, 5, 2],
  csat: [21, 17],
  topRules: [blameLoss, slowLoss, empathyLoss, vagueLoss, crisisLoss],
});
const overallBefore = metrics({
  conversations: 85,
  iqs: 81.6,
  categories: { empathy: 79.8, ownership: 81.2, resolution: 82.6, responsiveness: 80.3, tone: 92.8, compliance: 100, escalation: null },
  findings: 39,
  pointsLost: 260,
  frt: [83, 72, 260],
  averageResponse: [330, 99],
  sla: [340, 291],
  unanswered: 1,
  humanRequests: [7, 6, 1],
  csat: [10, 7],
});

export function sampleReport(): ReportData {
  return {
    version: 1,
    tool: { name: 'supportlint', version: '0.1.0' },
    generatedAt: '2026-11-16T01:30:00.000Z',
    options: { period: 'week', by: 'agent', timezone: 'Asia/Shanghai', since: '2026-11-02', until: '2026-11-15', businessHours: true, redacted: false },
    scoring: {
      categories: { empathy: 20, ownership: 15, resolution: 25, responsiveness: 20, tone: 10, compliance: 5, escalation: 5, customer: 20 },
      partialCredit: 0.5,
      points: { error: 10, warn: 5 },
      rules: { 'slow-response': 5 },
      fatal: ['crisis-not-escalated', 'pii-exposure'],
      slaSeconds: 180,
      targets: {},
    },
    inputs: {
      files: ['exports/2026-11/qiyu-week45.csv', 'exports/2026-11/qiyu-week46.csv'],
      conversations: 203,
      outOfRange: 9,
      future: 0,
      early: 0,
      undated: 3,
      duplicates: 0, duplicateIds: [], waived: 0,
      records: { read: 4187, used: 4180, skipped: 7 },
    },
    periods: [W45, W46],
    current: W46,
    previous: W45,
    overall: group('全部', undefined, overallNow, overallBefore, [
      { period: '2026-W45', iqs: 81.6, conversations: 85 },
      { period: '2026-W46', iqs: 83.6, conversations: 106 },
    ]),
    groups: [
      group('小林', '售后一组', xiaolinNow, xiaolinBefore, [
        { period: '2026-W45', iqs: 78.1, conversations: 35 },
        { period: '2026-W46', iqs: 72.4, conversations: 38 },
      ]),
      group('阿美', '售后一组', ameiNow, ameiBefore, [
        { period: '2026-W45', iqs: 84.3, conversations: 50 },
        { period: '2026-W46', iqs: 88.9, conversations: 41 },
      ]),
      group('王强', '售前组', wangNow, undefined, [
        { period: '2026-W45', iqs: null, conversations: 0 },
        { period: '2026-W46', iqs: 91.25, conversations: 27 },
      ]),
    ],
    review: [],
    targets: [],
    topics: [
      { word: '退款', conversations: 31, previous: 22 },
      { word: '物流', conversations: 27, previous: 30 },
      { word: '发票', conversations: 9 },
      { word: '优惠券', conversations: 7, previous: 7 },
    ],
  };
}

const deduction = (ruleId: string, category: string, points: number, message: string, excerpt: string, extra: { fatal?: boolean; agent?: string | null; seq?: number | null; severity?: 'error' | 'warn' } = {}) => ({
  ruleId,
  category,
  severity: extra.severity ?? 'error',
  points,
  fatal: extra.fatal ?? false,
  agent: extra.agent === undefined ? '小林' : extra.agent,
  messageSeq: extra.seq === undefined ? 3 : extra.seq,
  message,
  excerpt,
});

/** A conversation's categories with the ratings they imply, and a customer side that says nothing. */
const scored = (values: Record<Category, number | null>) => ({
  categories: values,
  ratings: ratingsOf(values),
  sentiment: null,
  outcome: 'unknown' as const,
  outcomeCues: [],
  predictedSatisfaction: null,
});

/** The same week scored per conversation, as `--by conversation` reports it. */
export function sampleConversationReport(): ReportData {
  const base = sampleReport();
  const conversations: ConversationScore[] = [
    {
      conversationId: 'qy-20261110-0042',
      file: 'exports/2026-11/qiyu-week46.csv',
      channel: '网页',
      agents: ['小林'],
      startedAt: time('2026-11-10T14:01:10+08:00'),
      period: '2026-W46',
      score: 70,
      fatal: false,
      ...scored(categories({ ownership: 40, empathy: 100, responsiveness: 100 })),
      deductions: [deduction('blame-shifting', 'ownership', 10, '把问题推给了快递，没有说明由谁跟进', blameQuote.text)],
      firstResponseSeconds: 48,
    },
    {
      conversationId: 'qy-20261114-0005',
      file: 'exports/2026-11/qiyu-week46.csv',
      channel: 'App',
      agents: ['小林', '阿美'],
      startedAt: time('2026-11-14T09:00:02+08:00'),
      period: '2026-W46',
      score: 0,
      fatal: true,
      ...scored(categories({ escalation: 0, responsiveness: 80 })),
      deductions: [
        deduction('crisis-not-escalated', 'escalation', 10, crisisQuote.message, crisisQuote.text, { fatal: true }),
        deduction('slow-response', 'responsiveness', 5, '客户等了 4分30秒 | 才得到回复', '', { severity: 'warn', seq: null }),
      ],
      firstResponseSeconds: 65,
    },
    {
      conversationId: 'qy-20261111-0031',
      file: 'exports/2026-11/qiyu-week46.csv',
      channel: '网页',
      agents: ['阿美'],
      startedAt: time('2026-11-11T21:14:00+08:00'),
      period: '2026-W46',
      score: 85.5,
      fatal: false,
      ...scored(categories({ empathy: 60, ownership: 100 })),
      deductions: [deduction('missing-empathy', 'empathy', 10, empathyQuote.message, PIPE_QUOTE, { agent: '阿美' })],
      firstResponseSeconds: 3725,
    },
    {
      conversationId: 'wx-0009',
      file: 'exports/2026-11/wecom.json',
      channel: '企业微信',
      agents: ['王强'],
      startedAt: time('2026-11-06T18:45:00+08:00'),
      period: '2026-W45',
      score: null,
      fatal: false,
      ...scored(categories()),
      deductions: [],
    },
  ];
  return {
    ...base,
    options: { ...base.options, by: 'conversation' },
    groups: [],
    conversations,
  };
}
