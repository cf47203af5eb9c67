import { z } from 'zod';

/**
 * The judgement benchmark's labels: which conversations of which corpus collection a QA reader
 * flagged for which rule. One JSON object per line; the first line is the manifest. Labels hold
 * only ids, rule ids and message numbers, never text from the conversations.
 */

const ruleLabels = z.record(z.string(), z.array(z.number().int().positive()));

export const manifestSchema = z.strictObject({
  benchmark: z.literal('supportlint-judgement'),
  version: z.literal(1),
  /** The corpus folder, relative to the labels file. */
  corpus: z.string(),
  /** The rules every conversation was labelled for. */
  rules: z.array(z.string()).min(1),
  collections: z.record(
    z.string(),
    z.strictObject({
      file: z.string(),
      /** Read options, as on the command line (`map`, `noHeader`, `mapValues`, `inputFormat`). */
      read: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
});

export const labelLineSchema = z.strictObject({
  collection: z.string(),
  id: z.string(),
  half: z.enum(['tune', 'check']),
  /** Reader A's and reader B's labels: rule id → message numbers (1-based) where the problem shows. */
  a: ruleLabels,
  b: ruleLabels,
  /** The settled label: where A and B disagreed, a third reading decided. */
  final: ruleLabels,
});

export type Manifest = z.infer<typeof manifestSchema>;
export type LabelLine = z.infer<typeof labelLineSchema>;

export interface LabelSet {
  manifest: Manifest;
  lines: LabelLine[];
}

/** Parses a labels file; throws with the line number and the reason when a line is malformed. */
export function parseLabels(text: string): LabelSet {
  const rows = text.split(/\r?\n/).map((line, index) => ({ line, number: index + 1 })).filter((r) => r.line.trim() !== '');
  if (rows.length === 0) throw new Error('标注文件是空的：第一行应为清单（"benchmark":"supportlint-judgement"）。');
  const parse = <T>(schema: z.ZodType<T>, row: { line: string; number: number }): T => {
    let value: unknown;
    try {
      value = JSON.parse(row.line);
    } catch (error) {
      throw new Error(`第 ${row.number} 行不是合法的 JSON：${(error as Error).message}`, { cause: error });
    }
    const result = schema.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new Error(`第 ${row.number} 行：${issue.path.join('.') || '(整行)'}：${issue.message}`);
    }
    return result.data;
  };
  const manifest = parse(manifestSchema, rows[0]!);
  const known = new Set(manifest.rules);
  const lines = rows.slice(1).map((row) => {
    const line = parse(labelLineSchema, row);
    if (!(line.collection in manifest.collections)) throw new Error(`第 ${row.number} 行：未知的语料集 ${line.collection}。`);
    for (const labels of [line.a, line.b, line.final]) {
      for (const rule of Object.keys(labels)) if (!known.has(rule)) throw new Error(`第 ${row.number} 行：规则 ${rule} 不在清单的 rules 里。`);
    }
    return line;
  });
  return { manifest, lines };
}
