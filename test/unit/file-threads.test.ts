import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { FileSchedule, WHOLE_FILE_BYTES } from '../../src/runner/file-schedule.js';
import { WorkerPool } from '../../src/runner/worker-pool.js';
import type { ConversationResult } from '../../src/engine/lint.js';
import type { Conversation } from '../../src/model/conversation.js';
import { lintFiles } from '../../src/runner/lint-files.js';
import { inProcessLinter, lintOutcome, SharedLinter, type ConversationLinter } from '../../src/runner/linter.js';
import { buildLintSettings, readOptionsFrom } from '../../src/runner/settings.js';
import { emptySummary } from '../../src/runner/summary.js';
import { REPO_CONFIG, runCli } from '../support/cli.js';

/** A canonical JSON export of `count` conversations, some of which shift blame. */
function exportOf(prefix: string, count: number, day: string): string {
  const conversations = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    messages: [
      { role: 'customer', time: `${day}T09:00:00+08:00`, text: `第${i}单的包裹一周了还没送到，怎么回事` },
      { role: 'agent', agent: i % 3 ? '小周' : '小吴', time: `${day}T09:01:00+08:00`, text: i % 2 ? '这是仓库那边的问题，您自己联系仓库吧' : '抱歉让您久等了，我马上帮您查物流，十分钟内回复您' },
    ],
  }));
  return JSON.stringify({ conversations });
}

/** On a machine with fewer cores than a test asks for threads, the run says it used fewer. */
const withoutThreadNote = (stderr: string) => stderr.split('\n').filter((line) => !line.includes('超过本机的')).join('\n');

describe('several files linted by lint threads', () => {
  let dir: string;
  const files = ['a.json', 'b.json', 'broken.json', 'c.json', 'empty.json', 'd.json'];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-files-'));
    writeFileSync(path.join(dir, 'a.json'), exportOf('a', 40, '2026-11-02'));
    writeFileSync(path.join(dir, 'b.json'), exportOf('b', 25, '2026-11-03'));
    writeFileSync(path.join(dir, 'broken.json'), exportOf('x', 5, '2026-11-03').slice(0, 300));
    writeFileSync(path.join(dir, 'c.json'), exportOf('c', 60, '2026-11-04'));
    writeFileSync(path.join(dir, 'empty.json'), '');
    writeFileSync(path.join(dir, 'd.json'), exportOf('d', 10, '2026-11-05'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lint = (...extra: string[]) => runCli(['lint', ...files, '-c', REPO_CONFIG, '-f', 'json', ...extra], { cwd: dir });

  it('gives the same results, in the same order, with the same accounting, as linting in one thread', async () => {
    const alone = await lint('--concurrency', 'off');
    expect(alone.stderr).toContain('broken.json');
    const here = JSON.parse(alone.stdout);
    expect(here.results.map((r: { conversationId: string }) => r.conversationId).slice(0, 2)).toEqual(['a-0', 'a-1']);
    expect(here.summary.records.skipped + here.summary.records.used).toBe(here.summary.records.read);
    for (const threads of ['1', '2']) {
      const run = await lint('--concurrency', threads);
      expect(run.code).toBe(alone.code);
      expect(withoutThreadNote(run.stderr)).toBe(alone.stderr);
      expect(JSON.parse(run.stdout)).toEqual(here);
    }
  }, 60_000);

  it('cuts a number of threads above the cores to the cores, with a note, and lints the same', async () => {
    const cores = availableParallelism();
    const run = await lint('--concurrency', String(cores + 3));
    expect(run.stderr).toContain(`--concurrency ${cores + 3} 超过本机的 ${cores} 个核心，按 ${cores} 个检查线程运行`);
    const alone = await lint('--concurrency', 'off');
    expect(withoutThreadNote(run.stderr)).toBe(alone.stderr);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(alone.stdout));
  }, 60_000);

  it('applies --since and --until in the threads, counting what they leave out', async () => {
    const alone = JSON.parse((await lint('--concurrency', 'off', '--since', '2026-11-03', '--until', '2026-11-04')).stdout);
    const threaded = JSON.parse((await lint('--concurrency', '2', '--since', '2026-11-03', '--until', '2026-11-04')).stdout);
    expect(threaded).toEqual(alone);
    const ids = new Set(threaded.results.map((r: { conversationId: string }) => r.conversationId.split('-')[0]));
    // The broken file's conversations before the break are read too.
    expect([...ids].sort()).toEqual(['b', 'c', 'x']);
  }, 60_000);
});

describe('the reading thread and a lint thread sharing the files', () => {
  it('hands on the same results and accounting as the reading thread alone', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-shared-'));
    const names = ['p.json', 'q.json', 'bad.json', 'r.json', 's.json'];
    names.forEach((name, i) => writeFileSync(path.join(dir, name), name === 'bad.json' ? '[{"id": 1, "messages": [' : exportOf(name[0]!, 30 + 7 * i, '2026-11-02')));
    const config = await loadConfig({ configFile: REPO_CONFIG, cwd: dir });
    const settings = buildLintSettings(config);
    const options = readOptionsFrom(config, {}, dir);
    const run = async (linter: ConversationLinter) => {
      const results: ConversationResult[] = [];
      const summary = await lintFiles(names, options, linter, emptySummary(), (result) => void results.push(result));
      return { results, summary };
    };
    try {
      const alone = await run(inProcessLinter(settings));
      expect(alone.results.length).toBeGreaterThan(100);
      const shared = await run(new SharedLinter(new WorkerPool(1, { config, metrics: false, read: { input: {}, cwd: dir } }, 256), settings));
      expect(shared).toEqual(alone);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a lint thread taking whole files', () => {
  it('reads, lints and accounts for each file it takes, and names it as the user gave it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-pool-'));
    writeFileSync(path.join(dir, 'one.json'), exportOf('one', 6, '2026-11-02'));
    writeFileSync(path.join(dir, 'two.json'), exportOf('two', 3, '2026-11-09'));
    const config = await loadConfig({ configFile: REPO_CONFIG, cwd: dir });
    const pool = new WorkerPool(1, { config, metrics: false, read: { input: {}, cwd: dir } }, 256);
    try {
      const schedule = new FileSchedule(['one.json', 'two.json', 'missing.json'], dir);
      schedule.inTurn(-1);
      pool.offer(() => schedule.takeAhead('thread'), { since: '2026-11-01', until: '2026-11-05', timezone: 'Asia/Shanghai' });
      const [one, two] = schedule.tasks;
      // The thread takes the first file once it has loaded the rules.
      for (let waited = 0; one!.state === 'todo' && waited < 30_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(one!.state).toBe('thread');
      const first = await one!.outcome;
      expect(first?.summary.files).toBe(1);
      expect(first?.outcomes.map((o) => o.conversation.id)).toEqual(['one-0', 'one-1', 'one-2', 'one-3', 'one-4', 'one-5']);
      const blamed = first!.outcomes.filter((o) => 'result' in o.outcome && o.outcome.result.findings.some((f) => f.ruleId === 'blame-shifting'));
      expect(blamed.map((o) => o.conversation.id)).toEqual(['one-1', 'one-3', 'one-5']);
      expect(first!.outcomes.every((o) => o.conversation.source.file === 'one.json')).toBe(true);
      // The second file starts after --until: read and counted, not linted.
      const second = await two!.outcome;
      expect([second?.summary.records.read, second?.summary.filtered, second?.outcomes.length]).toEqual([3, 3, 0]);
      expect(schedule.tasks[2]!.state).toBe('todo');
    } finally {
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('FileSchedule', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'supportlint-schedule-'));
    for (const name of ['1.json', '2.json', '3.json', '4.json']) writeFileSync(path.join(dir, name), '[]');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands out files after the one in turn, each once, and never standard input or a missing file', () => {
    const schedule = new FileSchedule(['1.json', '-', '2.json', 'missing.json', '3.json', '4.json'], dir);
    expect(schedule.worthwhile).toBe(true);
    expect(schedule.takeAhead('thread')?.file).toBe('2.json');
    expect(schedule.takeAhead('ahead')?.file).toBe('3.json');
    schedule.inTurn(5);
    expect(schedule.takeAhead('thread')).toBeUndefined();
    schedule.inTurn(0);
    expect(schedule.takeAhead('thread')?.file).toBe('4.json');
    expect(schedule.takeAhead('thread')).toBeUndefined();
  });

  it('stops handing out files when those taken ahead hold enough input', () => {
    // Files as large as the whole-file limit: four of them fill what may wait.
    const big = new FileSchedule(Array.from({ length: 8 }, () => '1.json'), dir);
    for (const task of big.tasks) Object.assign(task, { bytes: WHOLE_FILE_BYTES });
    const taken = [];
    for (let task = big.takeAhead('thread'); task; task = big.takeAhead('thread')) taken.push(task.index);
    expect(taken).toEqual([1, 2, 3, 4]);
    expect(new FileSchedule(['1.json'], dir).worthwhile).toBe(false);
  });
});

describe('batches sent to lint threads', () => {
  it('stay full while the reading thread waits for its oldest outcome: no round trip per conversation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-batches-'));
    // One JSON-lines file, read here and sent to the thread conversation by conversation.
    const lines = Array.from({ length: 400 }, (_, i) => [
      JSON.stringify({ conversation_id: `k-${i}`, time: '2026-11-02T09:00:00+08:00', role: 'customer', text: `第${i}单怎么还没发货` }),
      JSON.stringify({ conversation_id: `k-${i}`, time: '2026-11-02T09:01:00+08:00', role: 'agent', agent: '小周', text: '这是仓库那边的问题' }),
    ].join('\n'));
    writeFileSync(path.join(dir, 'k.jsonl'), `${lines.join('\n')}\n`);
    const config = await loadConfig({ configFile: REPO_CONFIG, cwd: dir });
    const pool = new WorkerPool(1, { config, metrics: false }, 256);
    const sizes: number[] = [];
    const send = (pool as unknown as { send(batch: { jobs: unknown[] }): void }).send.bind(pool);
    (pool as unknown as { send(batch: { jobs: unknown[] }): void }).send = (batch) => {
      sizes.push(batch.jobs.length);
      send(batch);
    };
    try {
      const results: ConversationResult[] = [];
      await lintFiles(['k.jsonl'], readOptionsFrom(config, {}, dir), pool, emptySummary(), (result) => void results.push(result));
      expect(results.map((r) => r.conversationId)).toEqual(Array.from({ length: 400 }, (_, i) => `k-${i}`));
      expect(results.every((r) => r.findings.some((f) => f.ruleId === 'blame-shifting'))).toBe(true);
      // 400 conversations in batches of 64: six full ones and the rest.
      expect(sizes).toEqual([64, 64, 64, 64, 64, 64, 16]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a conversation too large for a lint thread', () => {
  it('is linted in the calling thread, with the findings it gets there, when that thread\'s heap is larger', async () => {
    const config = await loadConfig({ configFile: REPO_CONFIG, cwd: process.cwd() });
    const settings = buildLintSettings(config, {});
    // 40,000 messages need more than a 48 MB heap to lint.
    const messages: Conversation['messages'] = Array.from({ length: 40_000 }, (_, seq) => ({
      seq,
      time: Date.parse('2026-11-02T01:00:00Z') + seq * 30_000,
      role: seq % 2 ? ('agent' as const) : ('customer' as const),
      ...(seq % 2 ? { agentName: '小林' } : {}),
      text: seq === 1 ? '这是快递那边的问题，您去问一下快递吧' : `第${seq}条：我的快递三天都没动了，请帮我查一下 ${seq}`,
      kind: 'text' as const,
      internal: false,
      location: { file: 'big.jsonl', line: seq + 1 },
    }));
    const conversation: Conversation = { id: 'big', source: { file: 'big.jsonl', format: 'jsonl' }, messages, meta: {} };
    let lintedHere = 0;
    const pool = new WorkerPool(1, { config, metrics: false }, 48, (c) => {
      lintedHere++;
      return lintOutcome(c, settings);
    });
    try {
      const outcome = await pool.lint(conversation);
      pool.flush();
      expect(lintedHere).toBe(1);
      expect('result' in outcome && outcome.result.findings.some((f) => f.ruleId === 'blame-shifting')).toBe(true);
    } finally {
      await pool.close();
    }
    // Without a larger heap to fall back on, it is reported as not linted, with what to do.
    const alone = new WorkerPool(1, { config, metrics: false }, 48);
    try {
      const outcome = alone.lint(conversation);
      alone.flush();
      expect((await outcome) as { failure?: string }).toMatchObject({ failure: expect.stringContaining('max-old-space-size') });
    } finally {
      await alone.close();
    }
  }, 180_000);
});
