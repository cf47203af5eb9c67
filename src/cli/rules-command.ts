import { visible, visibleKeepingLineBreaks } from '../formatters/excerpt.js';
import type { Command } from 'commander';
import { stringify as toYaml } from 'yaml';
import { readFile } from 'node:fs/promises';
import { BUILTIN_RULES } from '../../rules/index.js';
import { PRESETS } from '../config/presets.js';
import { loadConfig } from '../config/load.js';
import { compileCustomRule } from '../config/custom-rules.js';
import { UsageError } from './errors.js';
import { nearestRuleId } from '../api/supportlint.js';
import { t } from '../i18n/index.js';
import { addLocaleOption } from './options.js';
import type { CliIO } from './io.js';
import { ruleDocsPath } from '../rule-docs.js';


function pad(text: string, width: number): string {
  // Han characters take two columns in a terminal.
  const columns = [...text].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(1, width - columns));
}

export function registerRulesCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addLocaleOption(program
    .command('rules')
    .description(t('rules.description'))
    .argument('[id]', t('rules.id')))
    .action(async (id: string | undefined) => {
      if (id) {
        const rule = BUILTIN_RULES.get(id);
        if (!rule) {
          // A custom rule is described from its definition in the configuration.
          const config = await loadConfig({ cwd: io.cwd });
          if (Object.hasOwn(config.customRules, id)) {
            const { meta } = compileCustomRule(id, config.customRules[id]!);
            const lines = [
              `# ${id}（${t('rules.custom')}）`,
              '',
              meta.description,
              '',
              `- ${t('rules.head.category')}：${meta.category}`,
              `- ${t('rules.head.severity')}：${meta.defaultSeverity}`,
              `- ${t('rules.head.scope')}：${meta.scope}`,
              '',
              t('rules.customDefinition'),
              '',
              '```yaml',
              toYaml({ [id]: config.customRules[id] }).trimEnd(),
              '```',
            ];
            // What configuration says is shown, never acted on by the terminal.
            io.stdout(`${visibleKeepingLineBreaks(lines.join('\n'))}\n`);
            setExitCode(0);
            return;
          }
          const near = nearestRuleId(id, Object.keys(config.customRules));
          throw new UsageError(near ? t('rule.unknownNear', { source: 'supportlint rules', id, near }) : t('rule.unknown', { source: 'supportlint rules', id }));
        }
        io.stdout(await readFile(ruleDocsPath(id), 'utf8'));
        setExitCode(0);
        return;
      }
      const recommended = PRESETS['supportlint:recommended']!().rules ?? {};
      const config = await loadConfig({ cwd: io.cwd });
      const custom = Object.entries(config.customRules).map(([customId, definition]) => compileCustomRule(customId, definition));
      const width = Math.max(24, ...[...BUILTIN_RULES.keys(), ...custom.map((r) => r.meta.id)].map((r) => r.length + 4));
      const lines = [`${pad(t('rules.head.rule'), width)}${pad(t('rules.head.title'), 12)}${pad(t('rules.head.category'), 16)}${pad(t('rules.head.severity'), 10)}${pad(t('rules.head.scope'), 14)}${t('rules.head.description')}`];
      for (const rule of [...BUILTIN_RULES.values(), ...custom]) {
        const { meta } = rule;
        const mark = meta.custom ? '+' : meta.id in recommended ? '✔' : ' ';
        const title = meta.custom ? t('rules.custom') : meta.title;
        // Custom rules come from configuration: what they say is shown, never acted on by the terminal.
        lines.push(visible(`${pad(`${mark} ${meta.id}`, width)}${pad(title, 12)}${pad(meta.category, 16)}${pad(meta.defaultSeverity, 10)}${pad(meta.scope, 14)}${meta.description}`));
      }
      lines.push('', t('rules.legend'));
      io.stdout(`${lines.join('\n')}\n`);
      setExitCode(0);
    });
}
