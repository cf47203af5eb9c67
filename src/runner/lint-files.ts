import path from 'node:path';
import { ADAPTERS, adapterByName, detectAdapter } from '../adapters/index.js';
import type { AdapterOptions } from '../adapters/adapter.js';
import { readConversations } from '../adapters/grouping.js';
import { lintConversation, type ConversationResult, type LintSettings } from '../engine/lint.js';
import { openFile, openStdin, type InputSource } from '../io/input.js';
import type { Conversation } from '../model/conversation.js';
import { list, t } from '../i18n/index.js';
import { recordProblem, recordRuleFailure, type LintSummary } from './summary.js';

export interface ReadHandlers {
  onConversation(conversation: Conversation): void | Promise<void>;
}

export class UnknownFormatError extends Error {}

/** A failure of the code that consumes conversations, which is not a problem of the input. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super('handler failed');
  }
}

/** Paths are opened relative to `cwd` and reported as the user gave them. */
async function openInput(file: string, cwd: string): Promise<InputSource> {
  return file === '-' ? openStdin() : openFile(path.resolve(cwd, file), file);
}

/**
 * Reads every input through its adapter, one conversation at a time, and keeps the record
 * accounting. Inputs that cannot be opened or recognised are reported, and the rest goes on.
 */
export async function readInputs(
  files: readonly string[],
  options: AdapterOptions & { format?: string; cwd?: string; stdin?: InputSource },
  summary: LintSummary,
  handlers: ReadHandlers,
): Promise<void> {
  const forced = options.format ? adapterByName(options.format) : undefined;
  if (options.format && !forced) {
    throw new UnknownFormatError(t('input.unknownFormat', { format: options.format, formats: list(ADAPTERS.map((a) => a.name)) }));
  }
  for (const file of files) {
    let input: InputSource;
    try {
      // Standard input can be read only once: a caller that looked at it already passes it on.
      input = file === '-' && options.stdin ? options.stdin : await openInput(file, options.cwd ?? process.cwd());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? t('input.noSuchFile') : code === 'EACCES' ? t('input.permissionDenied') : code === 'EISDIR' ? t('input.isFolder') : (error as Error).message;
      summary.unreadableFiles.push({ location: { file }, reason: t('input.cannotOpen', { reason }) });
      continue;
    }
    summary.files++;
    if (input.invalidUtf8) {
      // Read as UTF-8 all the same: the rest of the file is UTF-8, and the broken bytes are few.
      const { count, lines } = input.invalidUtf8;
      const more = count > lines.length ? t('input.invalidUtf8More', { count, lines: lines.length }) : '';
      for (const line of lines) {
        recordProblem(summary.warningsAboutInput, { location: { file: input.name, line }, reason: t('input.invalidUtf8', { more }) });
      }
    }
    if (input.head.trim() === '') {
      summary.unreadableFiles.push({ location: { file: input.name }, reason: t('input.empty') });
      continue;
    }
    const adapter = forced ?? detectAdapter(input.head, path.basename(input.name), { header: options.header });
    if (!adapter) {
      summary.unreadableFiles.push({
        location: { file: input.name },
        reason: t('input.unrecognised', { encoding: input.encoding, formats: list(ADAPTERS.map((a) => a.name)) }),
      });
      continue;
    }
    try {
      for await (const event of readConversations(adapter, input, options)) {
        if (event.type === 'conversation') {
          summary.records.read += event.records;
          summary.records.used += event.records;
          try {
            await handlers.onConversation(event.conversation);
          } catch (error) {
            throw new HandlerFailure(error);
          }
        } else if (event.type === 'record') {
          summary.records.read += event.records ?? 1;
          summary.records.used += event.records ?? 1;
        } else if (event.type === 'skipped') {
          summary.records.read++;
          summary.records.skipped++;
          recordProblem(summary.skipped, { location: event.location, reason: event.reason });
        } else {
          recordProblem(summary.warningsAboutInput, { location: event.location, reason: event.reason });
        }
      }
    } catch (error) {
      // Linting and writing have their own boundaries: what fails there is not a reading problem.
      if (error instanceof HandlerFailure) throw error.original;
      // A stream that fails mid-way (a damaged file, a decoding fault) ends this input only.
      summary.unreadableFiles.push({ location: { file: input.name }, reason: t('input.stopped', { reason: (error as Error).message }) });
    }
  }
}

/**
 * Reads and lints, handing each conversation's result on as soon as it is linted. Nothing is
 * kept: memory grows with the largest conversation, not with the input. The reader fills the
 * record accounting of `summary`; the caller counts the results it keeps (see addResult).
 */
export async function lintFiles(
  files: readonly string[],
  adapterOptions: AdapterOptions & { format?: string; cwd?: string; stdin?: InputSource },
  settings: LintSettings,
  summary: LintSummary,
  onResult: (result: ConversationResult) => void | Promise<void>,
): Promise<LintSummary> {
  await readInputs(files, adapterOptions, summary, {
    async onConversation(conversation) {
      let result: ConversationResult;
      try {
        result = lintConversation(conversation, settings);
      } catch (error) {
        // Rules have their own boundaries in lintConversation; this is the analysis itself failing.
        recordRuleFailure(summary, { conversationId: conversation.id, file: conversation.source.file, message: error instanceof Error ? error.message : String(error) });
        return;
      }
      await onResult(result);
    },
  });
  return summary;
}
