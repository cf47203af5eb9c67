import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSink } from '../../src/cli/output.js';
import { ROOT, REPO_CONFIG, runCli } from '../support/cli.js';

const SAMPLE = path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl');
const BIN = path.join(ROOT, 'bin', 'supportlint.js');

function workDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-out-'));
  copyFileSync(SAMPLE, path.join(dir, 'in.jsonl'));
  return dir;
}

describe('no command writes over the configuration in effect or a reply library', () => {
  const LIBRARY = path.join(ROOT, 'fixtures/libraries/replies.yaml');
  const cases: Array<[string, string[], string]> = [
    ['convert -o .supportlintrc.yaml', ['convert', 'in.jsonl', '-o', '.supportlintrc.yaml'], '.supportlintrc.yaml'],
    ['convert -c cfg.yaml -o cfg.yaml', ['convert', 'in.jsonl', '-c', 'cfg.yaml', '-o', 'cfg.yaml'], 'cfg.yaml'],
    ['replies -o .supportlintrc.yaml', ['replies', 'r.yaml', '-f', 'json', '-o', '.supportlintrc.yaml'], '.supportlintrc.yaml'],
    ['replies --baseline <the library> --update-baseline', ['replies', 'r.yaml', '--baseline', 'r.yaml', '--update-baseline'], 'r.yaml'],
    ['replies --baseline .supportlintrc.yaml --update-baseline', ['replies', 'r.yaml', '--baseline', '.supportlintrc.yaml', '--update-baseline'], '.supportlintrc.yaml'],
  ];
  for (const [name, args, kept] of cases) {
    it(name, async () => {
      const dir = workDir();
      copyFileSync(REPO_CONFIG, path.join(dir, '.supportlintrc.yaml'));
      copyFileSync(REPO_CONFIG, path.join(dir, 'cfg.yaml'));
      copyFileSync(LIBRARY, path.join(dir, 'r.yaml'));
      const before = readFileSync(path.join(dir, kept), 'utf8');
      const result = await runCli(args, { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('这是输入文件');
      expect(readFileSync(path.join(dir, kept), 'utf8')).toBe(before);
    });
  }
});

describe('-o never overwrites an input', () => {
  const cases: Array<[string, string[]]> = [
    ['convert -o', ['convert', 'in.jsonl', '-o', 'in.jsonl']],
    ['lint -o', ['lint', 'in.jsonl', '-o', 'in.jsonl']],
    ['lint -f json:file', ['lint', 'in.jsonl', '-f', 'stylish', '-f', 'json:./in.jsonl']],
    ['report -o', ['report', 'in.jsonl', '-o', 'in.jsonl', '-f', 'markdown']],
    ['lint -o through a symbolic link', ['lint', 'in.jsonl', '-o', 'link.jsonl']],
    ['convert -o by another path', ['convert', 'sub/../in.jsonl', '-o', `${'.'}/in.jsonl`]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      const dir = workDir();
      symlinkSync(path.join(dir, 'in.jsonl'), path.join(dir, 'link.jsonl'));
      const before = readFileSync(path.join(dir, 'in.jsonl'), 'utf8');
      const result = await runCli(args.map((a) => a.replace('sub/../', '')), { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('这是输入文件');
      expect(readFileSync(path.join(dir, 'in.jsonl'), 'utf8')).toBe(before);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
});

describe('output files', () => {
  it('-f json:- writes to standard output, not to a file named "-"', async () => {
    const dir = workDir();
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'in.jsonl', '-f', 'json:-'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).version).toBe(1);
    expect(existsSync(path.join(dir, '-'))).toBe(false);
    const convert = await runCli(['convert', 'in.jsonl', '-o', '-'], { cwd: dir });
    expect(convert.stdout.split('\n').length).toBeGreaterThan(10);
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });

  it('a file appears only when complete: until close the old content stays', async () => {
    const dir = workDir();
    const target = path.join(dir, 'out.txt');
    writeFileSync(target, 'old');
    const sink = openSink('out.txt', { cwd: dir, stdout: () => {}, stderr: () => {}, env: {}, stdoutIsTTY: false });
    await sink.write('new ');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readFileSync(target, 'utf8')).toBe('old');
    await sink.write('text');
    await sink.close();
    expect(readFileSync(target, 'utf8')).toBe('new text');
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.txt']);
  });

  it('an interrupted run (SIGINT) leaves the old output and no temporary file', async () => {
    const dir = workDir();
    // Enough conversations that the run is still writing when it is interrupted.
    const lines: string[] = [];
    for (let c = 0; c < 6000; c++) {
      lines.push(JSON.stringify({ conversation_id: `c${c}`, role: 'customer', text: '快递三天了还没到，怎么回事？', time: '2024-05-01T10:00:00+08:00' }));
      lines.push(JSON.stringify({ conversation_id: `c${c}`, role: 'agent', agent: '小林', text: '这是快递那边的问题，您自己联系快递吧。', time: '2024-05-01T10:01:00+08:00' }));
    }
    writeFileSync(path.join(dir, 'big.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'out.json'), 'old');
    const child = spawn(process.execPath, [BIN, 'lint', 'big.jsonl', '-f', 'json', '-o', 'out.json'], { cwd: dir, stdio: 'ignore', detached: true });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(true);
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    expect(readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});

describe('an output path that is a folder', () => {
  it.each([
    ['report', ['report', path.join(ROOT, 'fixtures/report/week-46.jsonl'), '-f', 'html', '-o', 'out']],
    ['lint', ['lint', path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), '-f', 'json', '-o', 'out']],
    ['convert', ['convert', path.join(ROOT, 'fixtures/jsonl/transcripts.jsonl'), '-o', 'out']],
  ])('is refused by %s before any work, saying it is a folder', async (_command, args) => {
    const dir = workDir();
    mkdirSync(path.join(dir, 'out'));
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--output out：这是一个文件夹');
    expect(run.stderr).not.toMatch(/EISDIR|\.tmp/);
    expect(readdirSync(path.join(dir, 'out'))).toEqual([]);
  });
});

describe('outputs that are not plain files, and inputs that arrive by redirection', () => {
  it('standard input redirected from the output file is refused, and the file kept', async () => {
    const dir = workDir();
    const before = readFileSync(path.join(dir, 'in.jsonl'), 'utf8');
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'lint', '-', '-o', 'in.jsonl'], { cwd: dir, stdio: [openSync(path.join(dir, 'in.jsonl'), 'r'), 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('标准输入就是这个文件');
    expect(readFileSync(path.join(dir, 'in.jsonl'), 'utf8')).toBe(before);
  });

  it('a FIFO stays a FIFO: the report is written into it, not renamed over it', async () => {
    const dir = workDir();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      let text = '';
      createReadStream(fifo, 'utf8').on('data', (chunk) => (text += chunk)).on('end', () => resolve(text));
    });
    const result = await runCli(['lint', '-c', REPO_CONFIG, 'in.jsonl', '-f', 'json', '-o', 'pipe'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(JSON.parse(await reader).summary.conversations).toBe(4);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

describe('folders with symbolic links', () => {
  it('a link loop does not hang the run, and a file reached twice is read once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'supportlint-loop-'));
    mkdirSync(path.join(dir, 'l3'));
    copyFileSync(SAMPLE, path.join(dir, 'l3', 't.jsonl'));
    symlinkSync('.', path.join(dir, 'l3', 'x'));
    symlinkSync('.', path.join(dir, 'l3', 'y'));
    symlinkSync('t.jsonl', path.join(dir, 'l3', 'same.jsonl'));
    const result = await runCli(['lint', 'l3', '-f', 'json'], { cwd: dir });
    const summary = JSON.parse(result.stdout).summary;
    expect(summary.files).toBe(1);
    // The link to a file is not read, and the run says so rather than pass on it in silence.
    expect(result.stderr).toContain('same.jsonl');
    expect(result.stderr).toContain('符号链接');
    expect((await runCli(['lint', 'l3', '--strict'], { cwd: dir })).code).toBe(2);
  }, 30_000);
});
