import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_CONFIG, ROOT, runCli } from './support/cli.js';

const SAMPLE = 'fixtures/jsonl/transcripts.jsonl';
const LIBRARY = 'fixtures/libraries/replies.yaml';

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-exit-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('a path or glob that matches nothing exits 2, as in ESLint', () => {
  it.each([
    ['lint', ['lint', SAMPLE, 'nosuch.jsonl']],
    ['lint --strict', ['lint', 'fixtures/csv/transcripts.csv', 'nosuch.csv', '--strict']],
    ['lint, a glob', ['lint', SAMPLE, 'exports/*.csv']],
    ['replies', ['replies', LIBRARY, 'nosuch.yaml']],
    ['report', ['report', SAMPLE, 'nosuch.jsonl']],
    ['convert', ['convert', SAMPLE, 'nosuch/*.jsonl', '--to', 'jsonl']],
  ])('%s', async (_name, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    const missing = args.find((arg) => arg.includes('nosuch') || arg.startsWith('exports'))!;
    expect(result.stderr).toContain(`${missing}：`);
    // Refused before anything is read: no findings of the inputs that do exist.
    expect(result.stdout).toBe('');
  });
});

describe('an input whose format is not recognised fails the run, beside inputs that were read', () => {
  it.each([
    ['lint', ['lint', '-c', REPO_CONFIG, 'fixtures/broken/notes.txt', SAMPLE, '-f', 'json']],
    ['report', ['report', '-c', REPO_CONFIG, 'fixtures/broken/notes.txt', SAMPLE, '-f', 'json']],
    ['convert', ['convert', 'fixtures/broken/notes.txt', SAMPLE, '--to', 'jsonl']],
  ])('%s', async (_name, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('notes.txt: 不是能识别的导出格式');
    expect(result.stderr).toContain('1 个输入不是能识别的导出格式，一条也没有读取，因此运行失败（退出码 2）');
    // The inputs that were recognised are still read and reported.
    expect(result.stdout).toContain('c-1001');
  });
});

describe('an unknown command exits 2, with the nearest command', () => {
  it('supportlint lnit today.csv does not lint the file', async () => {
    const result = await runCli(['lnit', SAMPLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('supportlint: 未知命令 "lnit"，你是不是想输入 "lint"？');
    expect(result.stdout).toBe('');
  });

  it('a word that is neither a command nor a file', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知命令 "frobnicate"');
  });

  it('a file named like a word is still linted', async () => {
    const dir = tempDir({ chats: '{"conversation_id":"c1","role":"customer","text":"在吗"}\n' });
    const result = await runCli(['chats', '--input-format', 'jsonl'], { cwd: dir });
    expect(result.stderr).not.toContain('未知命令');
    expect(result.code).toBe(0);
  });
});

describe('did-you-mean', () => {
  it('for options', async () => {
    const result = await runCli(['lint', SAMPLE, '--agnet', '小林']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('未知选项 --agnet。你是不是想输入 "--agent"？');
  });

  it('for rule ids on the command line and in configuration', async () => {
    const cli = await runCli(['lint', SAMPLE, '--rule', 'blame-shiftng']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('你是不是想输入 "blame-shifting"');
    const dir = tempDir({ '.supportlintrc.yaml': 'rules:\n  missing-empaty: warn\n' });
    const config = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('rules.missing-empaty：没有规则 "missing-empaty"，你是不是想输入 "missing-empathy"？');
  });

  it('for configuration keys, at any depth', async () => {
    const dir = tempDir({ '.supportlintrc.yaml': 'timezon: Asia/Shanghai\ninput:\n  splitMesages: "|"\n' });
    const result = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有配置项 "timezon"，你是不是想输入 "timezone"？');
    expect(result.stderr).toContain('input: 没有配置项 "splitMesages"，你是不是想输入 "splitMessages"？');
  });

  it('for presets', async () => {
    const dir = tempDir({ '.supportlintrc.yaml': 'extends: supportlint:recomended\n' });
    const result = await runCli(['lint', path.join(ROOT, SAMPLE)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('你是不是想输入 "supportlint:recommended"？');
  });

  it('for choices', async () => {
    const result = await runCli(['report', SAMPLE, '--period', 'weak']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--period weak：应为 day、week、month 之一。你是不是想输入 "week"？');
  });
});

describe('--rule turns a rule on, as ESLint does', () => {
  it('runs a rule the configuration leaves off', async () => {
    const dir = tempDir({
      '.supportlintrc.yaml': 'rules:\n  dismissive-emotion: off\n',
      'chat.jsonl': [
        '{"conversation_id":"d1","role":"customer","text":"你们这什么破服务，气死我了"}',
        '{"conversation_id":"d1","role":"agent","agent":"小周","text":"您别生气，冷静一下"}',
      ].join('\n'),
    });
    const off = await runCli(['lint', 'chat.jsonl', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(off.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).not.toContain('dismissive-emotion');
    const on = await runCli(['lint', 'chat.jsonl', '-f', 'json', '--rule', 'dismissive-emotion'], { cwd: dir });
    expect(on.stderr).toBe('');
    expect(JSON.parse(on.stdout).results[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['dismissive-emotion']);
  });
});

describe('warnings that a filter or file matched nothing', () => {
  it('--agent with a name no conversation has exits 2, so a typo cannot turn a failing gate green', async () => {
    const result = await runCli(['lint', SAMPLE, '--agent', '小材']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--agent 小材：没有哪个会话由这个客服处理');
    expect(result.stderr).toContain('你是不是想输入 "小林"？');
    expect(result.stdout).not.toContain('✔');
    // An unset shell variable (`--agent "$AGENT"`) names nobody: refused, as --rule '' is, not ignored.
    const empty = await runCli(['lint', SAMPLE, '--agent', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('--agent 不能为空');
    const known = await runCli(['lint', SAMPLE, '--agent', '小林']);
    expect(known.stderr).not.toContain('--agent');
    // Under --redact agents' names are pseudonyms: no real name is suggested.
    const redacted = await runCli(['lint', SAMPLE, '--agent', '小材', '--redact'], { env: { SUPPORTLINT_REDACT_KEY: 'exit-codes-test-key' } });
    expect(redacted.stderr).toContain('--agent 小材：没有哪个会话由这个客服处理');
    expect(redacted.stderr).not.toContain('小林');
    // A terminal escape in the name asked for is shown, not acted on.
    const escaped = await runCli(['lint', SAMPLE, '--agent', '\u001b[31m小材']);
    expect(escaped.stderr).toContain('\\x1b[31m小材');
    expect(escaped.stderr).not.toContain('\u001b');
  });

  it('a --baseline file that does not exist', async () => {
    const dir = tempDir();
    const result = await runCli(['lint', path.join(ROOT, SAMPLE), '-c', REPO_CONFIG, '--baseline', 'baselnie.json'], { cwd: dir });
    // Every finding counts, as without a baseline: the sample holds an error.
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('基线文件 baselnie.json 不存在');
  });

  it('--fix on a library format it cannot rewrite', async () => {
    const result = await runCli(['replies', 'fixtures/libraries/replies.xlsx', '--fix-dry-run']);
    expect(result.stderr).toContain('XLSX 工作簿不能原样改写');
  });
});

describe('no ✔ on a failed run', () => {
  it('nothing read, or a record skipped under --strict, prints no tick', async () => {
    const empty = await runCli(['lint', 'fixtures/broken/empty.jsonl']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).not.toContain('✔');
    const strict = await runCli(['lint', 'fixtures/broken/mixed.jsonl', '--strict', '--rule', 'pii-exposure']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).not.toContain('✔');
    expect(strict.stderr).toContain('设置了 --strict');
  });

  it('a clean run keeps its tick', async () => {
    const clean = await runCli(['lint', SAMPLE, '--rule', 'pii-exposure']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('✔ 0 个问题');
  });
});

describe('an input that yields no record, next to one that does', () => {
  // Without --strict the run goes on (exit 0, as for an empty file, which README documents): the
  // file is counted, named with the reason, and --strict fails on it.
  const inputs = {
    'empty.jsonl': '',
    'blank.jsonl': '\n\n  \n',
    'header-only.csv': 'conversation_id,time,role,agent,text\n',
    'header-only.tsv': 'conversation_id\ttime\trole\tagent\ttext\r\n\r\n',
  };
  it.each(Object.keys(inputs))('%s is counted and noted, and --strict exits 2, as when it is alone', async (file) => {
    const dir = tempDir(inputs);
    const sample = path.join(ROOT, SAMPLE);
    const result = await runCli(['lint', file, sample, '--rule', 'pii-exposure', '-f', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout).summary as { files: number; unreadableFiles: Array<{ location: { file: string }; reason: string }> };
    expect(summary.files).toBe(2);
    expect(summary.unreadableFiles.map((problem) => problem.location.file)).toEqual([file]);
    expect(result.stderr).toContain(`无法读取 ${file}:`);
    const strict = await runCli(['lint', file, sample, '--rule', 'pii-exposure', '--strict'], { cwd: dir });
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('设置了 --strict');
    expect((await runCli(['lint', file, '--rule', 'pii-exposure'], { cwd: dir })).code).toBe(2);
  });
});

describe('malformed option values are refused, saying what was expected', () => {
  it.each([
    [['lint', SAMPLE, '--split-messages', ''], '--split-messages 不能为空'],
    [['eval', SAMPLE, '--seed', 'abc'], '--seed abc：应为不小于 0 的整数。'],
    [['lint', SAMPLE, '--max-warnings', ''], '--max-warnings ：应为不小于 0 的整数。'],
    [['lint', SAMPLE, '--max-warnings', '-1'], '--max-warnings -1：应为不小于 0 的整数。'],
    [['lint', SAMPLE, '--max-warnings', '2.5'], '--max-warnings 2.5：应为不小于 0 的整数。'],
    [['lint', SAMPLE, '--map', 'text=0'], '--map text=0：列号从 1 数起'],
    [['lint', SAMPLE, '--map', 'txt=7'], '你是不是想输入 "text"？'],
    [['lint', SAMPLE, '--map', 'text=1', '--map', 'text=5'], '--map text= 给了两次（1 和 5）'],
    [['lint', SAMPLE, '--rule', ''], '--rule 不能为空'],
    [['lint', SAMPLE, '--rule', ' , '], '--rule 不能为空'],
    [['replies', LIBRARY, '--rule', ''], '--rule 不能为空'],
    [['eval', SAMPLE, '--rule', ''], '--rule 不能为空'],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
  });
});

describe('one language, chosen by --locale', () => {
  it('--help is in Chinese by default, for the program and for each command', async () => {
    for (const args of [['--help'], ['lint', '--help'], ['report', '--help'], ['help', 'replies']]) {
      const result = await runCli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('用法：');
      expect(result.stdout).toContain('选项：');
      expect(result.stdout).toContain('显示帮助');
      expect(result.stdout).not.toMatch(/Usage:|Options:|display help|default:|choices:/);
    }
  });

  it('zh-Hant and en, before or after the command', async () => {
    const hant = await runCli(['--locale', 'zh-Hant', 'lint', '--help']);
    expect(hant.stdout).toContain('檢查會話匯出檔案');
    const en = await runCli(['lint', '--help', '--locale', 'en']);
    expect(en.stdout).toContain('Usage:');
    expect(en.stdout).toContain('lint transcript exports and print findings');
    const missing = await runCli(['lint', 'nosuch.jsonl', '--locale=en']);
    expect(missing.stderr).toContain('nosuch.jsonl: no such file, and no files match it as a glob');
    expect(missing.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('the header error names the field that is missing', async () => {
    const dir = tempDir({ 'chats.csv': '会话ID,时间,内容\nc1,2026-11-02 10:00:00,在吗\n' });
    const result = await runCli(['lint', 'chats.csv'], { cwd: dir });
    expect(result.stderr).toContain('表头行里没有 role（角色）列');
    expect(result.stderr).toContain('--map role=<列名或列号>');
  });
});

describe('messages left out of a dialogue count as skipped records', () => {
  it('in generic JSON: the agent message with a bad time is counted, no ✔, and --strict fails', async () => {
    const dir = tempDir({
      'dropped.json': JSON.stringify({
        conversations: [
          {
            id: 'k1',
            messages: [
              { role: 'visitor', time: 1793584800, text: '我的快递三天都没动了' },
              { role: 'agent', agent_name: '小周', time: 'garbage', text: '这个是快递那边的问题，您去问一下快递吧' },
              { role: 'martian', time: 1793584900, text: 'x' },
            ],
          },
        ],
      }),
    });
    const result = await runCli(['lint', '-c', REPO_CONFIG, path.join(dir, 'dropped.json'), '--strict']);
    expect(result.stdout).toContain('读取 3 = 使用 1 + 跳过 2');
    expect(result.stdout).not.toContain('✔');
    expect(result.code).toBe(2);
  });
});

describe('a numeric conversation id beyond 2^53', () => {
  it('is skipped with its reason instead of merging two conversations into one', async () => {
    const line = (id: string, role: string, text: string) => `{"conversation_id":${id},"time":"2026-11-02T10:00:00+08:00","role":"${role}","text":"${text}"}`;
    const dir = tempDir({
      'big-ids.jsonl': [line('8001234567890123456', 'customer', '在吗'), line('8001234567890123457', 'customer', '你好'), line('"8001234567890123458"', 'customer', '在吗')].join('\n') + '\n',
    });
    const result = await runCli(['lint', path.join(dir, 'big-ids.jsonl'), '-f', 'json']);
    const report = JSON.parse(result.stdout) as { results: Array<{ conversationId: string }>; summary: { records: { read: number; skipped: number } } };
    expect(report.results.map((r) => r.conversationId)).toEqual(['8001234567890123458']);
    expect(report.summary.records).toMatchObject({ read: 3, skipped: 2 });
    expect(result.stderr).toContain('2^53');
  });
});

describe('--quiet hides warnings from the report, not from the warning gates', () => {
  it.each([
    ['--max-warnings 0', ['--max-warnings', '0']],
    ['--fail-on warn', ['--fail-on', 'warn']],
  ])('%s still fails on warnings', async (_name, gate) => {
    const quiet = await runCli(['lint', '-c', REPO_CONFIG, SAMPLE, '--rule', 'missing-empathy', '--quiet', ...gate]);
    expect(quiet.code).toBe(1);
    expect(quiet.stdout).not.toContain('缺少共情');
    // No green tick over a run that fails: the summary says how many warnings it left out.
    expect(quiet.stdout).not.toContain('✔');
    expect(quiet.stdout).toMatch(/未显示的警告 \d+（--quiet）/);
  });
});

describe('--update-baseline with a filter that would cut the baseline short', () => {
  it.each([
    ['--rule', ['--rule', 'slow-first-response']],
    ['--agent', ['--agent', '阿青']],
  ])('%s is refused, and the baseline is left as it was', async (_name, filter) => {
    const dir = tempDir({ 'bl.json': '{"version":1,"counts":{}}\n' });
    const result = await runCli(['lint', '-c', REPO_CONFIG, SAMPLE, '--baseline', path.join(dir, 'bl.json'), '--update-baseline', ...filter]);
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(dir, 'bl.json'), 'utf8')).toBe('{"version":1,"counts":{}}\n');
  });

  it('--quiet records the warnings too', async () => {
    const dir = tempDir();
    const all = await runCli(['lint', '-c', REPO_CONFIG, SAMPLE, '--baseline', path.join(dir, 'all.json'), '--update-baseline']);
    const quiet = await runCli(['lint', '-c', REPO_CONFIG, SAMPLE, '--baseline', path.join(dir, 'quiet.json'), '--update-baseline', '--quiet']);
    expect(readFileSync(path.join(dir, 'quiet.json'), 'utf8')).toBe(readFileSync(path.join(dir, 'all.json'), 'utf8'));
    // And it says how many it wrote, not how many it showed.
    const count = (stderr: string) => /(\d+) 个问题/.exec(stderr)?.[1];
    expect(count(quiet.stderr)).toBe(count(all.stderr));
    expect(Number(count(all.stderr))).toBeGreaterThan(1);
  });
});

describe('standard output that cannot be written', () => {
  it.each([['lint'], ['convert'], ['report']])('%s says so and exits 2, with no stack trace', (command) => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'supportlint.js'), command, SAMPLE, ...(command === 'convert' ? [] : ['-f', 'json'])], { cwd: ROOT, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('无法写入标准输出');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(full);
    }
  });
});

describe('eval with an input it cannot recognise', () => {
  it('exits 2 and names it, as lint, report and convert do', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'notes.txt'), '这只是一段说明文字，不是导出文件。\n');
    const run = await runCli(['eval', path.join(ROOT, SAMPLE), 'notes.txt', '-c', REPO_CONFIG], { cwd: dir });
    expect(run.stdout).toContain('规则命中');
    expect(run.stderr).toContain('notes.txt');
    expect(run.code).toBe(2);
  });
});

describe('lint over a folder that holds its own earlier report', () => {
  it('notes the report and does not fail on it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.jsonl'), readFileSync(path.join(ROOT, SAMPLE)));
    for (const format of ['json', 'sarif']) {
      const first = await runCli(['lint', '.', '-c', REPO_CONFIG, '-f', format, '-o', `out-${format}.json`], { cwd: dir });
      expect(first.code).toBe(1);
    }
    const again = await runCli(['lint', '.', '-c', REPO_CONFIG], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('这是 supportlint 自己写的报告');
    expect(again.stderr).not.toContain('不是能识别的导出格式');
  });
});
