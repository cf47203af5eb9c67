import { visible } from '../formatters/excerpt.js';
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { BUILTIN_RULES } from '../../rules/index.js';
import { PRESETS } from '../config/presets.js';
import { loadConfig } from '../config/load.js';
import { compileCustomRule } from '../config/custom-rules.js';
import { UsageError } from './errors.js';
import type { CliIO } from './index.js';
import { ruleDocsPath } from '../rule-docs.js';


function pad(text: string, width: number): string {
  // Han characters take two columns in a terminal.
  const columns = [...text].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - columns));
}

export function registerRulesCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command('rules')
    .description('list the rules, or explain one')
    .argument('[id]', 'a rule id, e.g. blame-shifting')
    .action(async (id: string | undefined) => {
      if (id) {
        const rule = BUILTIN_RULES.get(id);
        if (!rule) throw new UsageError(`there is no rule "${id}". Known rules: ${[...BUILTIN_RULES.keys()].join(', ')}.`);
        io.stdout(await readFile(ruleDocsPath(id), 'utf8'));
        setExitCode(0);
        return;
      }
      const recommended = PRESETS['supportlint:recommended']!().rules ?? {};
      const config = await loadConfig({ cwd: io.cwd });
      const custom = Object.entries(config.customRules).map(([customId, definition]) => compileCustomRule(customId, definition));
      const width = Math.max(24, ...[...BUILTIN_RULES.keys(), ...custom.map((r) => r.meta.id)].map((r) => r.length + 4));
      const lines = [`${pad('rule', width)}${pad('名称', 12)}${pad('category', 16)}${pad('severity', 10)}${pad('scope', 14)}description`];
      for (const rule of [...BUILTIN_RULES.values(), ...custom]) {
        const { meta } = rule;
        const mark = meta.custom ? '+' : meta.id in recommended ? '✔' : ' ';
        const title = meta.custom ? '自定义' : meta.title;
        // Custom rules come from configuration: what they say is shown, never acted on by the terminal.
        lines.push(visible(`${pad(`${mark} ${meta.id}`, width)}${pad(title, 12)}${pad(meta.category, 16)}${pad(meta.defaultSeverity, 10)}${pad(meta.scope, 14)}${meta.description}`));
      }
      lines.push('', '✔ = in supportlint:recommended.  + = declared under customRules in your configuration.  supportlint rules <id> explains a built-in rule.');
      io.stdout(`${lines.join('\n')}\n`);
      setExitCode(0);
    });
}
