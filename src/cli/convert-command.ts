import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { readInputs } from '../runner/lint-files.js';
import { emptySummary, unrecognisedInputsLine } from '../runner/summary.js';
import { inputProblemLines, summaryLines } from '../formatters/stylish.js';
import { toCanonicalLines } from '../formatters/canonical-jsonl.js';
import { t } from '../i18n/index.js';
import { UsageError } from './errors.js';
import { useColor, type CliIO } from './io.js';
import { addLocaleOption, addReadOptions, supportlintFor, type CommonReadOptions } from './options.js';
import { assertOutputsAreNotInputs, filesTheRunReads, openSink } from './output.js';

export function registerConvertCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addLocaleOption(addReadOptions(
    program
      .command('convert')
      .description(t('convert.description'))
      .argument('<paths...>', t('lint.paths')),
  ))
    .option('--to <format>', t('convert.to'), 'jsonl')
    .option('-o, --output <file>', t('convert.output'))
    .action(async (paths: string[], options: CommonReadOptions & { to: string; output?: string }) => {
      if (options.to !== 'jsonl') throw new UsageError(t('convert.toOnlyJsonl', { value: options.to }));
      const linter = supportlintFor(options, io);
      const config = await linter.loadConfig();
      const files = await linter.inputFiles(paths);
      // The configuration is read too: `-o .supportlintrc.yaml` would replace it with transcripts.
      assertOutputsAreNotInputs([options.output], [...files, ...filesTheRunReads(io.cwd, config.sources)], io.cwd);
      const summary = emptySummary();
      const sink = openSink(options.output, io);
      await readInputs(files, await linter.readOptions(), summary, {
        async onConversation(conversation) {
          summary.conversations++;
          summary.messages += conversation.messages.length;
          await sink.write(toCanonicalLines(conversation, config.timezone));
        },
      });
      await sink.close();
      const chalk = new Chalk({ level: useColor(io, undefined) ? 1 : 0 });
      io.stderr(`${[...inputProblemLines(summary, chalk), ...summaryLines(summary, chalk).slice(1)].join('\n')}\n`);
      const unrecognised = unrecognisedInputsLine(summary);
      if (unrecognised) io.stderr(`${unrecognised}\n`);
      setExitCode(summary.conversations === 0 || unrecognised ? 2 : 0);
    });
}
