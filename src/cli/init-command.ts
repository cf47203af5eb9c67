import type { Command } from 'commander';
import { access } from 'node:fs/promises';
import { writeFileAtomic } from '../io/atomic-file.js';
import path from 'node:path';
import { UsageError } from './errors.js';
import { t } from '../i18n/index.js';
import { addLocaleOption } from './options.js';
import type { CliIO } from './io.js';

export const STARTER_CONFIG = `# supportlint configuration. Every key is explained in .supportlintrc.example.yaml.
extends: supportlint:recommended

# Times without an offset are read in this zone.
timezone: Asia/Shanghai

# Response-time rules count only these hours. Remove the key for a 24-hour team.
# businessHours:
#   - days: [mon, tue, wed, thu, fri]
#     open: "09:00"
#     close: "21:00"

rules:
  # slow-first-response: [warn, { threshold: 120 }]
  # Not in recommended: on conversations no rule was tuned on they were right or complete too
  # seldom (docs/precision.md, and each rule's page). Turn on those your team wants to review.
  # blame-shifting: error
  # missing-empathy: warn
  # missing-next-step: warn
  # vague-commitment: warn
  # missing-greeting: warn
  # unanswered-customer: warn

# Source role values that are not built in, e.g. a shop's own labels:
# roles:
#   店小二: agent

# Teams for \`supportlint report --by team\`, and the IQS scorecard (defaults in the example file):
# teams:
#   售前组: [小林, 阿青]
# scoring:
#   fatal: [forbidden-phrase]
#   slaSeconds: 180
`;

export function registerInitCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addLocaleOption(program
    .command('init')
    .description(t('init.description'))
    .option('--force', t('init.force')))
    .action(async (options: { force?: boolean }) => {
      const target = path.join(io.cwd, '.supportlintrc.yaml');
      const exists = await access(target).then(() => true, () => false);
      if (exists && !options.force) throw new UsageError(t('init.exists', { file: target }));
      await writeFileAtomic(target, STARTER_CONFIG);
      io.stdout(`${t('init.wrote', { file: path.relative(io.cwd, target) })}\n`);
      setExitCode(0);
    });
}
