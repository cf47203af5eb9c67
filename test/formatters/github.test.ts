import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, GITHUB_ANNOTATION_LIMITS, githubFormatter, workflowCommand } from '../../src/formatters/github.js';
import { runCli } from '../support/cli.js';
import { context, finding, render, result } from './build.js';

/** Reads a workflow command back the way the Actions runner does (ActionCommand.cs unescaping). */
function parseCommand(line: string) {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((pair) => {
    const eq = pair.indexOf('=');
    return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
  }));
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

const outputLines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('github formatter', () => {
  it('escapes data and property values as @actions/core does', () => {
    expect(escapeData('100% 满意\r\n第二行')).toBe('100%25 满意%0D%0A第二行');
    expect(escapeData('a:b,c')).toBe('a:b,c');
    expect(escapeProperty('100%: a,b\r\nc')).toBe('100%25%3A a%2Cb%0D%0Ac');
    // % first, so an escape already in the text is not read as one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('keeps a customer\'s line breaks from starting a new workflow command', () => {
    const line = workflowCommand('error', { file: 'a,b:c.jsonl', line: 3, title: '推诿 (blame-shifting)' }, '客户：\n::set-env name=X::1\r\n100%');
    expect(outputLines(line)).toHaveLength(1);
    expect(line).toBe('::error file=a%2Cb%3Ac.jsonl,line=3,title=推诿 (blame-shifting)::客户：%0A::set-env name=X::1%0D%0A100%25\n');
    expect(parseCommand(line.trimEnd())).toEqual({
      command: 'error',
      properties: { file: 'a,b:c.jsonl', line: '3', title: '推诿 (blame-shifting)' },
      message: '客户：\n::set-env name=X::1\r\n100%',
    });
  });

  it('annotates each finding at its file, line and column, with the quote and the suggestion', () => {
    const text = render(githubFormatter(), [
      result([finding()]),
      result([finding({ severity: 'warn', conversationId: 'k-1', location: { file: '/work/repo/exports/d.json', record: 2 } })]),
      result([finding({ conversationId: 'r-1', location: { file: '/work/repo/话术库.yaml', line: 7, column: 5 } as never })]),
      result([finding({ conversationId: 's-1', location: { file: '<stdin>', line: 2 } })]),
    ]);
    const [lined, reply, stdin, record] = outputLines(text).slice(0, 4).map(parseCommand);
    expect(lined).toEqual({
      command: 'error',
      properties: { file: 'exports/transcripts.jsonl', line: '3', title: '推诿 (blame-shifting)' },
      message: `${finding().message}\n原文（会话 c-1001 第3条）：您好，这个【是快递那边的问题】，您去问一下快递吧\n建议：给您添麻烦了，我这边马上帮您联系处理。`,
    });
    expect(reply!.properties).toEqual({ file: '话术库.yaml', line: '7', col: '5', title: '推诿 (blame-shifting)' });
    // Standard input has no file to annotate: the annotation is attached to the run instead.
    expect(stdin!.properties).toEqual({ title: '推诿 (blame-shifting)' });
    // Warnings come after every error; a JSON record has a file but no line.
    expect(record).toMatchObject({ command: 'warning', properties: { file: 'exports/d.json', title: '推诿 (blame-shifting)' } });
    expect(outputLines(text).at(-1)).toBe('supportlint：4 个问题（3 个错误，1 个警告），已全部标注。');
  });

  it('caps the annotations at GitHub\'s per-step limits, errors first, and says how many are missing', () => {
    const results = Array.from({ length: 30 }, (_, i) =>
      result([
        finding({ severity: 'warn', ruleId: 'slow-first-response', conversationId: `c-${i}` }),
        finding({ severity: 'error', conversationId: `c-${i}` }),
      ]),
    );
    const lines = outputLines(render(githubFormatter(), results)).map(parseCommand);
    const kinds = lines.map((l) => l.command);
    expect(GITHUB_ANNOTATION_LIMITS).toEqual({ total: 50, perSeverity: 10 });
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(10).fill('warning'), 'notice']);
    const notice = lines.at(-1)!;
    expect(notice.properties).toEqual({ title: 'supportlint' });
    expect(notice.message).toContain('60 个问题（30 个错误，30 个警告），标注了 20 个，另有 40 个未标注');
    expect(notice.message).toContain('SARIF');
  });

  it('honours a smaller total: errors take the budget before warnings', () => {
    const results = Array.from({ length: 12 }, (_, i) => result([finding({ severity: 'warn', conversationId: `w-${i}` }), finding({ conversationId: `e-${i}` })]));
    const kinds = outputLines(render(githubFormatter({ total: 15, perSeverity: 10 }), results)).map((l) => parseCommand(l).command);
    expect(kinds).toEqual([...Array(10).fill('error'), ...Array(5).fill('warning'), 'notice']);
  });

  it('ends with a plain line when there is nothing to report', () => {
    expect(render(githubFormatter(), [result([])], context())).toBe('supportlint：0 个问题（0 个错误，0 个警告）。\n');
  });

  it('is what the CLI prints with -f github', async () => {
    const run = await runCli(['lint', 'fixtures/jsonl/transcripts.jsonl', '-f', 'github']);
    expect(run.code).toBe(1);
    const lines = outputLines(run.stdout);
    expect(lines.slice(0, -1).every((line) => /^::(error|warning) file=fixtures\/jsonl\/transcripts\.jsonl,line=\d+,title=[^,:]+::/.test(line))).toBe(true);
    expect(lines[0]).toMatch(/^::error /);
  });
});
