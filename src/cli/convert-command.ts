import type { Command } from 'commander';
import { Chalk } from 'chalk';
import { readInputs } from '../runner/lint-files.js';
import { emptySummary } from '../runner/summary.js';
import { inputProblemLines, summaryLines } from '../formatters/stylish.js';
import { toCanonicalLines } from '../formatters/canonical-jsonl.js';
import { UsageError } from './errors.js';
import { assertOutputsAreNotInputs, openSink } from './output.js';
import { addReadOptions, loadConfigFor, readOptionsFor, resolveInputs, useColor, type CliIO, type CommonReadOptions } from './index.js';

export function registerConvertCommand(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  addReadOptions(
    program
      .command('convert')
      .description('turn any supported export into canonical JSONL, one message per line')
      .argument('<paths...>', 'files, folders or globs; - reads standard input'),
  )
    .option('--to <format>', 'output format (jsonl)', 'jsonl')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (paths: string[], options: CommonReadOptions & { to: string; output?: string }) => {
      if (options.to !== 'jsonl') throw new UsageError(`--to ${options.to}: only jsonl is supported.`);
      const config = await loadConfigFor(options, io);
      const files = await resolveInputs(paths, config, io);
      assertOutputsAreNotInputs([options.output], files, io.cwd);
      const summary = emptySummary();
      const sink = openSink(options.output, io);
      await readInputs(files, readOptionsFor(config, options, io.cwd), summary, {
        async onConversation(conversation) {
          summary.conversations++;
          summary.messages += conversation.messages.length;
          await sink.write(toCanonicalLines(conversation, config.timezone));
        },
      });
      await sink.close();
      const chalk = new Chalk({ level: useColor(io, undefined) ? 1 : 0 });
      io.stderr(`${[...inputProblemLines(summary, chalk), ...summaryLines(summary, chalk).slice(1)].join('\n')}\n`);
      setExitCode(summary.conversations === 0 ? 2 : 0);
    });
}
