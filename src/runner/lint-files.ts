import path from 'node:path';
import { ADAPTERS, adapterByName, detectAdapter } from '../adapters/index.js';
import type { AdapterOptions } from '../adapters/adapter.js';
import { lintConversation, type ConversationResult, type LintSettings } from '../engine/lint.js';
import { openFile, openStdin, type InputSource } from '../io/input.js';
import type { Conversation } from '../model/conversation.js';
import { addResult, emptySummary, type LintSummary } from './summary.js';

export interface ReadHandlers {
  onConversation(conversation: Conversation): void | Promise<void>;
}

export class UnknownFormatError extends Error {}

async function openInput(file: string): Promise<InputSource> {
  return file === '-' ? openStdin() : openFile(file);
}

/**
 * Reads every input through its adapter, one conversation at a time, and keeps the record
 * accounting. Inputs that cannot be opened or recognised are reported, and the rest goes on.
 */
export async function readInputs(
  files: readonly string[],
  options: AdapterOptions & { format?: string },
  summary: LintSummary,
  handlers: ReadHandlers,
): Promise<void> {
  const forced = options.format ? adapterByName(options.format) : undefined;
  if (options.format && !forced) {
    throw new UnknownFormatError(`--format ${options.format} is not a known format. Known formats: ${ADAPTERS.map((a) => a.name).join(', ')}.`);
  }
  for (const file of files) {
    let input: InputSource;
    try {
      input = await openInput(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
      summary.unreadableFiles.push({ location: { file }, reason: `cannot be opened: ${reason}` });
      continue;
    }
    summary.files++;
    if (input.head.trim() === '') {
      summary.unreadableFiles.push({ location: { file: input.name }, reason: 'the file is empty' });
      continue;
    }
    const adapter = forced ?? detectAdapter(input.head, path.basename(input.name));
    if (!adapter) {
      summary.unreadableFiles.push({
        location: { file: input.name },
        reason: `not a recognised export (encoding ${input.encoding}). Supported: ${ADAPTERS.map((a) => a.name).join(', ')}; pass --format to choose one`,
      });
      continue;
    }
    try {
      for await (const event of adapter.read(input, options)) {
        if (event.type === 'conversation') {
          summary.records.read += event.records;
          summary.records.used += event.records;
          await handlers.onConversation(event.conversation);
        } else if (event.type === 'skipped') {
          summary.records.read++;
          summary.records.skipped++;
          summary.skipped.push({ location: event.location, reason: event.reason });
        } else {
          summary.warningsAboutInput.push({ location: event.location, reason: event.reason });
        }
      }
    } catch (error) {
      // A stream that fails mid-way (a damaged file, a decoding fault) ends this input only.
      summary.unreadableFiles.push({ location: { file: input.name }, reason: `reading stopped: ${(error as Error).message}` });
    }
  }
}

export interface LintRun {
  results: ConversationResult[];
  summary: LintSummary;
}

/** Reads and lints; results keep findings only, so memory does not grow with message text. */
export async function lintFiles(
  files: readonly string[],
  adapterOptions: AdapterOptions & { format?: string },
  settings: LintSettings,
): Promise<LintRun> {
  const summary = emptySummary();
  const results: ConversationResult[] = [];
  await readInputs(files, adapterOptions, summary, {
    onConversation(conversation) {
      const result = lintConversation(conversation, settings);
      addResult(summary, result);
      results.push(result);
    },
  });
  return { results, summary };
}
