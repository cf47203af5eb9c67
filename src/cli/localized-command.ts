import { Command, Help, type Argument, type Option } from 'commander';
import { closest } from '../i18n/did-you-mean.js';
import { t, type MessageKey } from '../i18n/index.js';

const TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** commander's placeholders in usage lines. */
function localizeTokens(usage: string): string {
  return usage.replace('[options]', t('help.optionsToken')).replace('[command]', t('help.commandToken'));
}

/** commander's help, in the language of the run: titles, usage and the (choices, default) notes. */
class LocalizedHelp extends Help {
  override styleTitle(title: string): string {
    const key = TITLES[title];
    return super.styleTitle(key ? t(key) : title);
  }

  override commandUsage(cmd: Command): string {
    return localizeTokens(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return localizeTokens(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    const notes: string[] = [];
    if (option.argChoices) notes.push(t('help.choices', { choices: option.argChoices.join(', ') }));
    if (option.defaultValue !== undefined && (option.required || option.optional)) notes.push(t('help.default', { value: String(option.defaultValue) }));
    return notes.length > 0 ? `${option.description}${t('help.notes', { notes: notes.join(t('help.noteSeparator')) })}` : option.description;
  }

  override argumentDescription(argument: Argument): string {
    return argument.description;
  }
}

/**
 * commander's Command, speaking the catalogue's language: help and usage mistakes, with the nearest
 * command or option when one is mistyped. The messages go through commander's error(), so exit
 * codes and output routing stay commander's.
 */
export class LocalizedCommand extends Command {
  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name).helpOption('-h, --help', t('help.help'));
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(), this.configureHelp());
  }

  missingArgument(name: string): never {
    this.error(t('cli.missingArgument', { name, command: this.name() }), { code: 'commander.missingArgument' });
  }

  optionMissingArgument(option: Option): never {
    this.error(t('cli.optionMissingArgument', { flags: option.flags }), { code: 'commander.optionMissingArgument' });
  }

  unknownOption(flag: string): never {
    const known: string[] = this.options.flatMap((option) => (option.long ? [option.long] : []));
    for (let command = this.parent; command; command = command.parent) {
      for (const option of command.options) if (option.long) known.push(option.long);
    }
    known.push('--help');
    const near = flag.startsWith('--') ? closest(flag, known) : undefined;
    this.error(t('cli.unknownOption', { flag }) + (near ? t('common.didYouMean', { name: near }) : ''), { code: 'commander.unknownOption' });
  }

  unknownCommand(): never {
    const name = String(this.args[0]);
    const near = closest(name, this.commands.map((c) => c.name()));
    this.error(near ? t('cli.unknownCommandNear', { name, near }) : t('cli.unknownCommand', { name }), { code: 'commander.unknownCommand' });
  }

  /** More arguments than the command takes (commander's own check, by this name in its source). */
  _excessArguments(received: unknown[]): void {
    this.error(t('cli.excessArguments', { command: this.name(), expected: this.registeredArguments.length, received: received.length }), { code: 'commander.excessArguments' });
  }
}
