import type { Chalk } from 'chalk';
import type { ConversationResult } from '../engine/lint.js';
import { visible } from './excerpt.js';

/** Agents listed at the end of a stylish run; the rest are counted. */
const AGENT_ROWS = 15;
/** Findings that name no agent (a conversation no human answered). */
const NO_AGENT = '（未署名）';

interface AgentTally {
  conversations: number;
  errors: number;
  warnings: number;
  waived: number;
  rules: Map<string, number>;
}

/** Columns a terminal gives a character: two for Han, kana, Hangul and full-width forms. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/**
 * Per-agent totals of a lint run, for the end of the stylish output: conversations each agent took
 * part in, their errors and warnings, and the rule they hit most. Keyed by name in a Map (names come
 * from the data); memory grows with the number of agents, not of conversations.
 */
export class AgentSummary {
  private readonly agents = new Map<string, AgentTally>();

  private tally(agent: string): AgentTally {
    let tally = this.agents.get(agent);
    if (!tally) this.agents.set(agent, (tally = { conversations: 0, errors: 0, warnings: 0, waived: 0, rules: new Map() }));
    return tally;
  }

  add(result: ConversationResult): void {
    for (const agent of new Set(result.agents)) this.tally(agent).conversations++;
    // A conversation with findings no agent is named for counts once in the unnamed row.
    if ([...result.findings, ...(result.waived ?? [])].some((finding) => finding.agent === undefined)) this.tally(NO_AGENT).conversations++;
    for (const finding of result.findings) {
      const tally = this.tally(finding.agent ?? NO_AGENT);
      if (finding.severity === 'error') tally.errors++;
      else tally.warnings++;
      // Hits, not findings: a collapsed finding counts every hit it stands for.
      tally.rules.set(finding.ruleId, (tally.rules.get(finding.ruleId) ?? 0) + (finding.count ?? 1));
    }
    for (const finding of result.waived ?? []) this.tally(finding.agent ?? NO_AGENT).waived++;
  }

  /** A compact table, worst agents first; nothing when no agent was named. */
  lines(chalk: InstanceType<typeof Chalk>): string[] {
    if (this.agents.size === 0) return [];
    const withWaived = [...this.agents.values()].some((t) => t.waived > 0);
    const rows = [...this.agents]
      .sort(([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || y.conversations - x.conversations || a.localeCompare(b, 'zh'))
      .map(([agent, t]) => {
        const top = [...t.rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
        return [visible(agent), String(t.conversations), String(t.errors), String(t.warnings), ...(withWaived ? [String(t.waived)] : []), top ? `${visible(top[0])}（${top[1]}）` : '—'];
      });
    const header = ['客服', '会话', '错误', '警告', ...(withWaived ? ['已豁免'] : []), '最常见的规则'];
    const shown = rows.slice(0, AGENT_ROWS);
    const widths = header.map((title, column) => Math.max(displayWidth(title), ...shown.map((row) => displayWidth(row[column]!))));
    const last = header.length - 1;
    const format = (row: string[]) => `  ${row.map((cell, column) => (column === last ? cell : column === 0 ? padEnd(cell, widths[column]!) : padStart(cell, widths[column]!))).join('  ')}`.trimEnd();
    const out = [chalk.bold('按客服统计'), chalk.dim(format(header)), ...shown.map(format)];
    if (rows.length > shown.length) out.push(chalk.dim(`  …另有 ${rows.length - shown.length} 位客服（用 -f csv 或 supportlint report 查看全部）`));
    out.push('');
    return out;
  }
}
