import { existsSync } from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { ConfigError } from '../config/resolve.js';
import { closest } from '../i18n/did-you-mean.js';
import { isUiLocale, t, type UiLocale } from '../i18n/index.js';
import { LexiconSpecError } from '../lexicon/lexicon.js';
import { UnsafeRegexError } from '../lexicon/safe-regex.js';
import { UnknownFormatError } from '../runner/lint-files.js';
import { GlobPatternError } from '../io/find-files.js';
import { LinterUnavailableError } from '../runner/worker-pool.js';
import { OutputLinkError } from '../io/atomic-file.js';
import { UsageError } from './errors.js';
import { defaultIO, type CliIO } from './io.js';
import { LocalizedCommand } from './localized-command.js';
import { addLocaleOption, chooseLocale } from './options.js';
import { toolVersion } from './version.js';
import { registerLintCommand } from './lint-command.js';
import { registerRulesCommand } from './rules-command.js';
import { registerInitCommand } from './init-command.js';
import { registerConvertCommand } from './convert-command.js';
import { registerRepliesCommand } from './replies-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerReportCommand } from './report-command.js';

export { defaultIO, useColor, type CliIO } from './io.js';
export { usePrivateTempFolder } from '../io/temp-cleanup.js';

function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new LocalizedCommand('supportlint')
    .description(t('cli.description'))
    .version(toolVersion(), '-v, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.helpCommand'))
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError(t('cli.seeHelp'));
  addLocaleOption(program);
  registerLintCommand(program, io, setExitCode);
  registerRulesCommand(program, io, setExitCode);
  registerInitCommand(program, io, setExitCode);
  registerConvertCommand(program, io, setExitCode);
  registerRepliesCommand(program, io, setExitCode);
  registerEvalCommand(program, io, setExitCode);
  registerReportCommand(program, io, setExitCode);
  return program;
}

/**
 * The --locale of a command line, wherever it stands: the help and every message must be in that
 * language before commander reads the rest. A value that is no locale is left to commander to refuse.
 */
function localeOf(argv: readonly string[]): UiLocale | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (isUiLocale(value)) return value;
  }
  return undefined;
}

/**
 * `supportlint lnit today.csv`: lint is the default command, so commander would read "lnit" as a
 * path, lint the file and then say "lnit: no such file". A first word that looks like a command
 * name and is no file is refused as an unknown command, with the nearest command.
 */
function unknownCommandLine(argv: readonly string[], program: Command, cwd: string): string | undefined {
  const first = argv.findIndex((arg) => !arg.startsWith('-'));
  // Only the very first argument, or the one after a leading --locale <value>, can be a command.
  const afterLocale = (first === 2 && argv[0] === '--locale') || (first === 1 && argv[0]!.startsWith('--locale='));
  if (first < 0 || (first > 0 && !afterLocale)) return undefined;
  const word = argv[first]!;
  const commands = program.commands.map((c) => c.name());
  if (commands.includes(word) || word === 'help' || !/^[a-z][a-z-]*$/i.test(word) || existsSync(path.resolve(cwd, word))) return undefined;
  const near = closest(word, [...commands, 'help']);
  return near ? t('cli.unknownCommandNear', { name: word, near }) : t('cli.unknownCommandOrPath', { name: word });
}

/** Runs the command line and returns the exit code. Never throws at the user, never exits the process. */
export async function run(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  chooseLocale(localeOf(argv));
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    const unknown = unknownCommandLine(argv, program, io.cwd);
    if (unknown) {
      io.stderr(`${unknown}\n${t('cli.seeHelp')}\n`);
      return 2;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit with 0; usage mistakes were already printed by commander.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof OutputLinkError) {
      io.stderr(`${t('output.symlink', { file: error.file, target: error.target })}\n`);
      return 2;
    }
    if (error instanceof LinterUnavailableError) {
      io.stderr(`${t('cli.threadsUnavailable', { reason: error.message })}\n`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof LexiconSpecError || error instanceof UnsafeRegexError || error instanceof UnknownFormatError || error instanceof GlobPatternError) {
      const label = error instanceof ConfigError ? t('cli.configProblem') : error instanceof LexiconSpecError || error instanceof UnsafeRegexError ? t('cli.lexiconProblem') : t('cli.error');
      io.stderr(`supportlint: ${label}\n${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${t('cli.bug', { message })}\n`);
    if (io.env.SUPPORTLINT_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return 2;
  }
}
