import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from './support/cli.js';

const SAMPLE = 'fixtures/jsonl/transcripts.jsonl';
const BIN = path.join(ROOT, 'bin', 'supportlint.js');

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'supportlint-'));
}

describe('supportlint lint', () => {
  it('prints findings grouped by conversation with a summary, and exits 1 on errors', async () => {
    const result = await runCli(['lint', SAMPLE]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('会话 c-1001');
    expect(result.stdout).toContain('blame-shifting');
    expect(result.stdout).toContain('客服 小林');
    expect(result.stdout).toMatch(/记录 读取 20 = 使用 20 \+ 跳过 0/);
    expect(result.stdout).not.toContain('会话 c-1002'); // a clean conversation is not listed
  });

  it('marks the matched words when colour is off', async () => {
    const result = await runCli(['lint', SAMPLE, '--rule', 'blame-shifting']);
    expect(result.stdout).toContain('【是快递那边的问题】');
  });

  it('writes versioned JSON with the documented fields on every finding', async () => {
    const result = await runCli(['lint', SAMPLE, '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.version).toBe(1);
    const findings = report.results.flatMap((r: { findings: unknown[] }) => r.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      for (const key of ['ruleId', 'severity', 'conversationId', 'messageSeq', 'agent', 'message', 'excerpt']) expect(finding).toHaveProperty(key);
    }
  });

  it('--quiet keeps errors only, and --rule runs only the named rules', async () => {
    const quiet = JSON.parse((await runCli(['lint', SAMPLE, '--format', 'json', '--quiet'])).stdout);
    expect(quiet.summary.warnings).toBe(0);
    expect(quiet.summary.errors).toBeGreaterThan(0);
    const only = await runCli(['lint', SAMPLE, '--format', 'json', '--rule', 'slow-first-response']);
    const ruleIds = new Set(JSON.parse(only.stdout).results.flatMap((r: { findings: Array<{ ruleId: string }> }) => r.findings.map((f) => f.ruleId)));
    expect([...ruleIds]).toEqual(['slow-first-response']);
    expect(only.code).toBe(0); // warnings only
  });

  it('--agent keeps the findings of the named agents', async () => {
    const result = await runCli(['lint', SAMPLE, '--format', 'json', '--agent', '阿青']);
    const agents = new Set(JSON.parse(result.stdout).results.flatMap((r: { findings: Array<{ agent: string }> }) => r.findings.map((f) => f.agent)));
    expect([...agents]).toEqual(['阿青']);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    expect((await runCli(['lint', SAMPLE, '--rule', 'slow-first-response', '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['lint', SAMPLE, '--rule', 'slow-first-response', '--max-warnings', '10'])).code).toBe(0);
  });

  it('--output writes the report and keeps the exit code', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.json');
    const result = await runCli(['lint', SAMPLE, '--format', 'json', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.conversations).toBe(4);
  });

  it('writes several reports in one run: the console plus files', async () => {
    const dir = tempDir();
    const result = await runCli(['lint', SAMPLE, '-f', 'stylish', '-f', `json:${path.join(dir, 'r.json')}`, '-f', `jsonl:${path.join(dir, 'r.jsonl')}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('会话 c-1001');
    const json = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    const lines = readFileSync(path.join(dir, 'r.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(json.summary.errors + json.summary.warnings);
    const twoToStdout = await runCli(['lint', SAMPLE, '-f', 'json', '-f', 'jsonl']);
    expect(twoToStdout.code).toBe(2);
    expect(twoToStdout.stderr).toContain('只能有一份输出写到标准输出');
  });

  it('--fail-on warn makes warnings fail the run', async () => {
    expect((await runCli(['lint', SAMPLE, '--rule', 'slow-first-response'])).code).toBe(0);
    const failed = await runCli(['lint', SAMPLE, '--rule', 'slow-first-response', '--fail-on', 'warn']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('--fail-on warn');
  });

  it('says on how many conversations a timing rule could not run', async () => {
    const result = await runCli(['lint', 'fixtures/dch/helpdesk.json']);
    expect(result.stdout).toContain('slow-first-response 不适用于 3 个会话（无时间戳）');
  });
});

describe('bad input', () => {
  it('reports each malformed record with file:line and reason, and lints the rest', async () => {
    const result = await runCli(['lint', 'fixtures/broken/mixed.jsonl', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('fixtures/broken/mixed.jsonl:3: 未知的角色 "监工"');
    expect(result.stderr).toContain('fixtures/broken/mixed.jsonl:4: 不是合法的 JSON');
    expect(result.stderr).toContain('fixtures/broken/mixed.jsonl:7: 没有内容');
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records).toEqual({ read: 7, used: 3, skipped: 4 });
    expect(summary.conversations).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a bad CSV row or time is skipped with its line; the other rows are read', async () => {
    const result = await runCli(['lint', 'fixtures/broken/bad-rows.csv', '--format', 'json']);
    expect(result.stderr).toContain('bad-rows.csv:4: 未知的角色 "经理"');
    expect(result.stderr).toContain('bad-rows.csv:5: 时间 "昨天下午" 无法识别');
    // The unclosed quote costs its own row; the row after it is read again.
    expect(result.stderr).toContain('bad-rows.csv:6: 这一行有一个英文双引号一直没有闭合');
    const { summary } = JSON.parse(result.stdout);
    expect(summary.records.read).toBe(summary.records.used + summary.records.skipped);
    expect(summary.records).toEqual({ read: 6, used: 3, skipped: 3 });
  });

  it('a truncated JSON array keeps the dialogues before the break', async () => {
    const result = await runCli(['lint', 'fixtures/broken/truncated.json', '--format', 'json']);
    // Exit 1, not 2: the dialogue that was read holds blame-shifting errors, and the break is not fatal.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('truncated.json#1: JSON 数组在第 1 项之后中断');
    expect(JSON.parse(result.stdout).summary.conversations).toBe(1);
  });

  it('--strict turns skipped records into exit 2', async () => {
    expect((await runCli(['lint', 'fixtures/broken/mixed.jsonl', '--strict'])).code).toBe(2);
  });

  it('exits 2 when nothing at all could be read, or an input was not recognised', async () => {
    const empty = await runCli(['lint', 'fixtures/broken/empty.jsonl']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('文件是空的');
    const unknown = await runCli(['lint', 'fixtures/broken/notes.txt']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('不是能识别的导出格式');
    const partly = await runCli(['lint', 'fixtures/broken/notes.txt', SAMPLE, '--format', 'json']);
    expect(partly.code).toBe(2);
    expect(JSON.parse(partly.stdout).summary.conversations).toBe(4);
  });

  it('a missing path or unknown option is a usage error with exit 2', async () => {
    const missing = await runCli(['lint', 'no-such-file.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.jsonl：没有这个文件');
    expect((await runCli(['lint', SAMPLE, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['lint', SAMPLE, '--no-such-option'])).code).toBe(2);
  });
});

describe('configuration', () => {
  it('names the key path and what was expected', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'rules:\n  slow-first-response: [warn, { threshold: "soon" }]\ntimezone: Mars/Olympus\n');
    const result = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('timezone: 应为 IANA 时区名');
    const rule = await runCli(['lint', path.join(ROOT, SAMPLE), '--config', path.join(dir, 'bad-rule.yaml')], { cwd: dir });
    expect(rule.code).toBe(2);
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'rules:\n  slow-first-response: [warn, { threshold: "soon" }]\n');
    const options = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('rules.slow-first-response[1].threshold');
    expect(options.stderr).not.toMatch(/\n\s+at /);
  });

  it('says why a YAML file cannot be parsed, with the line', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'rules:\n  blame-shifting: warn\n  blame-shifting: error\n');
    const result = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.supportlintrc.yaml 有 YAML 语法错误，在第 3 行第 3 列：同一层里有重复的键（DUPLICATE_KEY）');
  });

  it('rule options and severities from a config file change the findings', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\nrules:\n  blame-shifting: "off"\n  slow-first-response: [error, { threshold: 300 }]\n');
    const report = JSON.parse((await runCli(['lint', path.join(ROOT, SAMPLE), '--format', 'json'], { cwd: dir })).stdout);
    const findings = report.results.flatMap((r: { findings: Array<{ ruleId: string }> }) => r.findings);
    expect(findings.some((f: { ruleId: string }) => f.ruleId === 'blame-shifting')).toBe(false);
    expect(findings.some((f: { ruleId: string }) => f.ruleId === 'slow-first-response')).toBe(false); // 3m9s and 4m40s are under 300 s
  });

  it('reads the supportlint key of package.json', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', supportlint: { rules: { 'robot-reply': 'off' } } }));
    const printed = await runCli(['lint', '--print-config'], { cwd: dir });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/robot-reply: "?off"?/);
  });

  it('init writes a starter file that loads, and will not overwrite it', async () => {
    const dir = tempDir();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    expect(existsSync(path.join(dir, '.supportlintrc.yaml'))).toBe(true);
    expect((await runCli(['lint', '--print-config'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已经存在');
  });

  it('the example configuration in the repository is valid', async () => {
    const result = await runCli(['lint', '--print-config', '--config', '.supportlintrc.example.yaml']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('rules command', () => {
  it('lists every rule with a description, and explains one', async () => {
    const list = await runCli(['rules']);
    expect(list.code).toBe(0);
    for (const id of ['blame-shifting', 'missing-empathy', 'missing-next-step', 'robot-reply', 'slow-first-response']) expect(list.stdout).toContain(id);
    const one = await runCli(['rules', 'slow-first-response']);
    expect(one.stdout).toContain('## 为什么重要');
    const unknown = await runCli(['rules', 'no-such-rule']);
    expect(unknown.code).toBe(2);
    // No --rule was given: the message names the argument it came from.
    expect(unknown.stderr).toContain('supportlint rules no-such-rule：没有这条规则');
    expect(unknown.stderr).not.toContain('--rule no-such-rule');
  });

  it('explains a custom rule from its definition, and suggests it for a near miss', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.supportlintrc.yaml'), 'extends: supportlint:recommended\ncustomRules:\n  no-wechat:\n    type: phrase\n    phrases: [加微信]\n    message: 不要引导客户加微信\n');
    const one = await runCli(['rules', 'no-wechat'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('# no-wechat（自定义）');
    expect(one.stdout).toContain('不要引导客户加微信');
    expect(one.stdout).toContain('    - 加微信');
    const near = await runCli(['rules', 'no-wechet'], { cwd: dir });
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('你是不是想输入 "no-wechat"');
    // A rule asked for by its Chinese title, or part of it, is pointed to by its id.
    for (const [title, id] of [['推诿', 'blame-shifting'], ['求免差评', 'review-manipulation']]) {
      for (const args of [['rules', title], ['lint', 'x.jsonl', '--rule', title]]) {
        const byTitle = await runCli(args, { cwd: dir });
        expect(byTitle.code).toBe(2);
        expect(byTitle.stderr).toContain(`你是不是想输入 "${id}"`);
      }
    }
  });
});

describe('the installed command', () => {
  it('answers --version from package.json', () => {
    const version = execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('runs the bundled build, whose lint threads start from the bundle too, with the findings of the source', async () => {
    // npm run build bundles the command line and the lint thread (scripts/bundle.mjs); the
    // module-by-module lint thread is moved away, so a thread that does not start from the bundle fails.
    expect(existsSync(path.join(ROOT, 'dist', 'bundle', 'cli.js'))).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-bundle-'));
    const root = path.join(dir, 'pkg');
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    // Node runs a module from its real path: what must be found beside it is copied, not linked.
    for (const entry of ['bin', 'dist/bundle']) cpSync(path.join(ROOT, entry), path.join(root, entry), { recursive: true });
    for (const entry of ['package.json', 'rules', 'fixtures']) symlinkSync(path.join(ROOT, entry), path.join(root, entry));
    for (const entry of ['jieba', 'lexicons.json', 'conversion-gate.json']) symlinkSync(path.join(ROOT, 'dist', entry), path.join(root, 'dist', entry));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    try {
      const args = ['lint', 'fixtures/jsonl/transcripts.jsonl', '-c', REPO_CONFIG, '--format', 'json'];
      const threaded = spawnSync(process.execPath, [path.join(root, 'bin', 'supportlint.js'), ...args, '--concurrency', '2'], { cwd: root, encoding: 'utf8' });
      expect(threaded.stderr).toBe('');
      const source = await runCli(args);
      expect(threaded.status).toBe(source.code);
      const findings = (out: string) => (JSON.parse(out) as { results: Array<{ findings: Array<{ ruleId: string; location: unknown }> }> }).results.flatMap((r) => r.findings.map((f) => [f.ruleId, f.location]));
      expect(findings(threaded.stdout)).toEqual(findings(source.stdout));
      expect(findings(threaded.stdout).length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips a conversation too large for a lint thread with a message that says what to do, and lints the rest', () => {
    // One conversation of 60,000 messages needs more than 96 MB of heap to lint; the one after it does not.
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-oom-'));
    const file = path.join(dir, 'big.jsonl');
    const line = (id: string, i: number) => JSON.stringify({ conversation_id: id, role: i % 2 ? 'agent' : 'customer', agent: '小林', text: `第${i}条：我的快递三天都没动了，请帮我查一下 ${i}` });
    const lines = Array.from({ length: 60_000 }, (_, i) => line('big', i));
    lines.push(line('small', 0), JSON.stringify({ conversation_id: 'small', role: 'agent', agent: '小林', text: '这是快递那边的问题，您去问一下快递吧' }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    try {
      const result = spawnSync(process.execPath, [BIN, 'lint', file, '--concurrency', '1', '-c', REPO_CONFIG, '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=64' } });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('会话 big');
      expect(result.stderr).toContain('NODE_OPTIONS=--max-old-space-size=');
      expect(result.stderr).not.toContain('会话 small');
      expect(result.stderr).not.toMatch(/FATAL ERROR|stacktrace|node::|Last few GCs|at .*\.js:\d+/);
      const report = JSON.parse(result.stdout);
      // The small conversation was linted after the large one failed.
      expect(report.results.map((r: { conversationId: string }) => r.conversationId)).toEqual(['small']);
      expect(report.results[0].findings.some((f: { ruleId: string }) => f.ruleId === 'blame-shifting')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('reads standard input with -', () => {
    const result = spawnSync(process.execPath, [BIN, 'lint', '-', '--format', 'json'], { input: readFileSync(path.join(ROOT, SAMPLE)), encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).summary.conversations).toBe(4);
  });

  it('report reads lint JSON, or transcripts, piped into -', () => {
    const config = ['-c', 'fixtures/report/.supportlintrc.yaml'];
    const lint = spawnSync(process.execPath, [BIN, 'lint', 'fixtures/report/week-45.jsonl', ...config, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    for (const input of [lint.stdout, readFileSync(path.join(ROOT, 'fixtures/report/week-45.jsonl'), 'utf8')]) {
      const report = spawnSync(process.execPath, [BIN, 'report', '-', ...config, '--format', 'json'], { cwd: ROOT, input, encoding: 'utf8' });
      expect(report.stderr).toBe('');
      expect(report.status).toBe(0);
      expect(JSON.parse(report.stdout).inputs.conversations).toBe(5);
    }
  });

  it('convert writes canonical JSONL that lints to the same findings', () => {
    const converted = execFileSync(process.execPath, [BIN, 'convert', 'fixtures/csv/transcripts-gb18030.csv'], { cwd: ROOT, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    const lines = converted.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(20);
    expect(lines[0].text).toBe('我的快递三天都没动了，订单号 7781203');
    const again = spawnSync(process.execPath, [BIN, 'lint', '-', '--format', 'json'], { input: converted, encoding: 'utf8' });
    const direct = spawnSync(process.execPath, [BIN, 'lint', SAMPLE, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const ids = (out: string) => JSON.parse(out).results.flatMap((r: { findings: Array<{ ruleId: string; messageSeq: number | null }> }) => r.findings.map((f) => `${f.ruleId}@${f.messageSeq}`));
    expect(ids(again.stdout)).toEqual(ids(direct.stdout));
  });
});
