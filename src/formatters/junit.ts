import type { Finding } from '../engine/finding.js';
import type { ConversationResult } from '../engine/lint.js';
import type { LintSummary } from '../runner/summary.js';
import { excerptAround, visibleKeepingLineBreaks } from './excerpt.js';
import { resultNoun, type Formatter, type FormatterContext } from './formatter.js';
import { ciLocation, ciPath } from './paths.js';

/**
 * Characters XML 1.0 does not allow at all, even as character references (the `Char` production,
 * https://www.w3.org/TR/xml/#charsets): C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF. Exports carry them (a pasted control code, a cut emoji), and one is enough
 * for a CI server to reject the whole report, so they are removed.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text content: markup characters escaped, forbidden characters removed. */
export function escapeXmlText(text: string): string {
  // C1 controls and bidi formatting characters are valid XML but act on whoever reads the report
  // (U+202E reverses a line): written as escapes, as on a terminal.
  return visibleKeepingLineBreaks(text.replace(NOT_XML_CHAR, '')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Lines of element text, one per line of the file. A line break inside one (from an id, an agent's
 * name, a message) is written as a character reference: the XML reads the same, but no line of the
 * file, echoed into a CI log, can start with data (`::error::…`).
 */
function textLines(lines: readonly string[]): string {
  return lines.map((line) => escapeXmlText(line).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')).join('\n');
}

/**
 * An attribute value. Parsers turn a raw tab or line break in an attribute into a space, so those
 * are written as character references to survive the round trip.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const attrs = (values: Record<string, string | number | undefined>) =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');

const ROLE_LABELS: Record<string, string> = { customer: '客户', agent: '客服', bot: '机器人', system: '系统' };

function failure(finding: Finding, context: FormatterContext, titles: ReadonlyMap<string, string>): string {
  const title = titles.get(finding.ruleId);
  const where = [ciLocation(finding.location, context.cwd), `${resultNoun(context.command)} ${finding.conversationId}`];
  if (finding.messageSeq !== null) where.push(`第${finding.messageSeq + 1}条`);
  if (finding.agent) where.push(`${ROLE_LABELS[finding.role ?? 'agent'] ?? finding.role} ${finding.agent}`);
  const body = [`${finding.severity} ${finding.ruleId}${title ? `（${title}）` : ''}`, finding.message, `位置：${where.join(' · ')}`];
  if (finding.excerpt.trim() !== '') {
    const { before, match, after } = excerptAround(finding.excerpt, finding.range);
    body.push(`原文：${before}${match ? `【${match}】` : ''}${after}`);
  }
  if (finding.suggestion) body.push(`建议：${finding.suggestion}`);
  return `      <failure${attrs({ message: finding.message, type: finding.ruleId })}>${textLines(body)}</failure>\n`;
}

interface TestCase {
  name: string;
  findings: Finding[];
}

/**
 * The test cases of one result. For transcripts, the conversation is the test. For a canned-reply
 * library each reply is one: a result that holds one reply is one case, and a result that holds
 * several gets a case per reply, named by position, with reply-less findings on the whole.
 */
function testCases(result: ConversationResult, command: FormatterContext['command']): TestCase[] {
  if (command === 'lint' || result.messageCount <= 1) return [{ name: result.conversationId, findings: result.findings }];
  const cases: TestCase[] = Array.from({ length: result.messageCount }, (_, seq) => ({ name: `${result.conversationId} #${seq + 1}`, findings: [] }));
  const whole: TestCase = { name: result.conversationId, findings: [] };
  for (const finding of result.findings) (finding.messageSeq === null ? whole : cases[finding.messageSeq] ?? whole).findings.push(finding);
  return whole.findings.length ? [...cases, whole] : cases;
}

/**
 * JUnit XML, for CI servers that show test reports (GitLab, Jenkins, Azure DevOps, test-reporter
 * actions): a <testsuite> per input file, a <testcase> per conversation (per reply for `replies`),
 * and a <failure> per finding. `failures` counts failing test cases, so tests − failures is the
 * number that passed. Unreadable inputs are <error>s in a last suite. Results arrive file by file,
 * so one file's suite is held at a time; the root carries no totals because they are only known
 * once everything has been written.
 */
export function junitFormatter(): Formatter {
  let titles = new Map<string, string>();
  let suite: { file: string; cases: string[]; tests: number; failures: number; skipped: number } | undefined;

  const flush = (context: FormatterContext): string => {
    if (!suite) return '';
    const name = ciPath(suite.file, context.cwd);
    const text = `  <testsuite${attrs({ name, tests: suite.tests, failures: suite.failures, errors: 0, skipped: suite.skipped, time: 0 })}>\n${suite.cases.join('')}  </testsuite>\n`;
    suite = undefined;
    return text;
  };

  return {
    start(context) {
      titles = new Map(context.rules.map((rule) => [rule.id, rule.title]));
      return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="supportlint">\n';
    },
    result(result, context) {
      const text = suite && suite.file !== result.file ? flush(context) : '';
      suite ??= { file: result.file, cases: [], tests: 0, failures: 0, skipped: 0 };
      const classname = ciPath(result.file, context.cwd);
      for (const testCase of testCases(result, context.command)) {
        suite.tests++;
        const open = `    <testcase${attrs({ name: testCase.name, classname, time: 0 })}`;
        // A conversation whose only findings were waived is skipped, with the reasons: not failed, not silently passed.
        const waived = context.command === 'lint' ? result.waived ?? [] : [];
        if (testCase.findings.length === 0 && waived.length > 0) {
          suite.skipped++;
          const reasons = waived.map((f) => `${f.ruleId}：${f.waiver.reason}（${f.waiver.author}）`).join('；');
          suite.cases.push(`${open}>\n      <skipped${attrs({ message: `已豁免 ${waived.length} 个问题：${reasons}` })}/>\n    </testcase>\n`);
          continue;
        }
        if (testCase.findings.length === 0) {
          suite.cases.push(`${open}/>\n`);
          continue;
        }
        suite.failures++;
        suite.cases.push(`${open}>\n${testCase.findings.map((f) => failure(f, context, titles)).join('')}    </testcase>\n`);
      }
      return text;
    },
    end(summary: LintSummary, context) {
      return `${flush(context)}${inputSuite(summary, context)}</testsuites>\n`;
    },
  };
}

/** Inputs that could not be read are errors, so a CI report does not look green when nothing was linted. */
function inputSuite(summary: LintSummary, context: FormatterContext): string {
  if (summary.unreadableFiles.length === 0 && summary.records.skipped === 0) return '';
  const cases = summary.unreadableFiles.map((problem) => {
    const name = ciPath(problem.location.file, context.cwd);
    return `    <testcase${attrs({ name, classname: 'supportlint.input', time: 0 })}>\n      <error${attrs({ message: problem.reason, type: 'unreadable-input' })}/>\n    </testcase>\n`;
  });
  let skippedText = '';
  if (summary.records.skipped > 0) {
    const lines = summary.skipped.map((p) => `${ciLocation(p.location, context.cwd)}: ${p.reason}`);
    if (summary.records.skipped > lines.length) lines.push(`…以及另外 ${summary.records.skipped - lines.length} 条`);
    skippedText = `    <system-err>${textLines([`跳过了 ${summary.records.skipped} 条无法读取的记录：`, ...lines])}</system-err>\n`;
  }
  const errors = cases.length;
  return `  <testsuite${attrs({ name: 'supportlint input', tests: errors, failures: 0, errors, skipped: 0, time: 0 })}>\n${cases.join('')}${skippedText}  </testsuite>\n`;
}
