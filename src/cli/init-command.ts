import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { writeFileAtomic } from '../io/atomic-file.js';
import path from 'node:path';
import { configFileInEffect, configFilesIn, SEARCH_PLACES } from '../config/load.js';
import { UsageError } from './errors.js';
import { t } from '../i18n/index.js';
import { addLocaleOption } from './options.js';
import type { CliIO } from './io.js';

const STARTER_NAME = '.supportlintrc.yaml';

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
      const target = path.join(io.cwd, STARTER_NAME);
      // The search reads package.json, .supportlintrc and .supportlintrc.json before .supportlintrc.yaml,
      // and .supportlintrc.yml after it: a new file would be ignored, or would hide the one in use.
      const others = (await configFilesIn(io.cwd)).filter((file) => file !== target);
      if (others.length > 0) {
        const inUse = path.relative(io.cwd, others[0]!) || others[0]!;
        const shadowed = SEARCH_PLACES.indexOf(path.basename(others[0]!)) < SEARCH_PLACES.indexOf(STARTER_NAME);
        const why = shadowed
          ? `supportlint 先读 ${inUse}，新写的 ${STARTER_NAME} 不会生效`
          : `新写的 ${STARTER_NAME} 会排在它前面，${inUse} 就不再生效`;
        throw new UsageError(
          `这个文件夹已有配置文件 ${inUse}${path.basename(others[0]!) === 'package.json' ? ' 中的 "supportlint" 键' : ''}，现在生效的是它；${why}。` +
            `没有写入任何文件。请直接编辑 ${inUse}，或者先删除（改名）它再运行 supportlint init。`,
        );
      }
      const existing = await stat(target).catch(() => undefined);
      if (existing && !options.force) throw new UsageError(t('init.exists', { file: target }));
      if (existing && !existing.isFile()) throw new UsageError(t('init.notAFile', { file: target }));
      const before = await configFileInEffect(io.cwd);
      await writeFileAtomic(target, STARTER_CONFIG);
      io.stdout(`${t('init.wrote', { file: path.relative(io.cwd, target) })}\n`);
      if (before && before !== target) {
        io.stdout(`注意：此前在这里生效的是上级文件夹的 ${before}；此后在这个文件夹里运行时生效的是 ${STARTER_NAME}，它不会继承 ${path.basename(before)} 的设置（需要时在 extends 里写上它的路径）。\n`);
      }
      setExitCode(0);
    });
}
