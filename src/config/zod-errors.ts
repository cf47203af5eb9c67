import type { z } from 'zod';
import { closest } from '../i18n/did-you-mean.js';
import { t } from '../i18n/index.js';
import { MAX_KEY_FOR_SUGGESTION, shownKey } from './shown-key.js';

/** The definition zod keeps on every schema, as far as walking a key path needs it. */
interface SchemaDef {
  type: string;
  innerType?: SchemaNode;
  in?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  valueType?: SchemaNode;
  element?: SchemaNode;
  options?: SchemaNode[];
  values?: unknown[];
}
interface SchemaNode {
  _zod: { def: SchemaDef };
}

/** The schema past optional, default, nullable and pipe wrappers. */
function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let depth = 0; current && depth < 10; depth++) {
    const def = current._zod.def;
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** The keys an object schema takes at a key path, when the path leads to one. */
export function keysAt(schema: SchemaNode | undefined, keyPath: readonly PropertyKey[], input?: unknown): string[] | undefined {
  let current = unwrap(schema);
  for (const segment of keyPath) {
    const def = current?._zod.def;
    if (!def) return undefined;
    if (def.type === 'object' && typeof segment === 'string') current = unwrap(def.shape?.[segment]);
    else if (def.type === 'record') current = unwrap(def.valueType);
    else if (def.type === 'array' && typeof segment === 'number') current = unwrap(def.element);
    else return undefined;
  }
  const def = current?._zod.def;
  if (def?.type === 'union' && def.options) {
    // Custom rules are a union by `type`: the keys of the kind the value names, else of any kind.
    const kinds = def.options.map((option) => unwrap(option)?._zod.def).filter((inner): inner is SchemaDef => inner?.type === 'object' && inner.shape !== undefined);
    const named = input && typeof input === 'object' ? (input as Record<string, unknown>).type : undefined;
    const kind = kinds.find((inner) => unwrap(inner.shape!.type)?._zod.def.values?.includes(named));
    const keys = new Set((kind ? [kind] : kinds).flatMap((inner) => Object.keys(inner.shape!)));
    return keys.size > 0 ? [...keys] : undefined;
  }
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

/**
 * One line per problem: the key path, then what was expected. An unknown key names the nearest
 * known one when `schema` is given and it is close enough to be a typo (`timezon` → `timezone`).
 */
export function formatZodIssues(error: z.ZodError, prefix = '', schema?: z.ZodType, options: { hideUnknownKeys?: boolean } = {}): string {
  return error.issues
    .map((issue) => {
      // Keys on the path and unknown keys come from the file: shown cut short, and masked when they look like a secret.
      const keyPath = [prefix, ...issue.path.map((segment) => (typeof segment === 'string' ? shownKey(segment) : String(segment)))].filter(Boolean).join('.');
      let message = issue.message;
      // YAML's .inf and .nan are numbers to YAML but not to a schema, which says "expected number, received number".
      if (issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number' && !Number.isFinite(issue.input)) {
        message = t('config.notFinite', { value: String(issue.input) });
      }
      if (issue.code === 'unrecognized_keys' && options.hideUnknownKeys) {
        const known = keysAt(schema as unknown as SchemaNode | undefined, issue.path, issue.input) ?? [];
        message = t('config.unknownKeysHidden', { count: issue.keys.length, known: known.join(', ') || '—' });
      } else if (issue.code === 'unrecognized_keys') {
        const known = keysAt(schema as unknown as SchemaNode | undefined, issue.path, issue.input) ?? [];
        message = issue.keys.map((key) => {
          const near = key.length <= MAX_KEY_FOR_SUGGESTION ? closest(key, known) : undefined;
          if (near) return t('config.unknownKeyNear', { key: shownKey(key), near });
          // Where the schema's keys cannot be told, the key is named without a list that would say "none".
          return known.length > 0 ? t('config.unknownKey', { key: shownKey(key), known: known.join(', ') }) : t('config.unknownKeyHere', { key: shownKey(key) });
        }).join(' ');
      }
      return `${keyPath || t('config.topLevel')}: ${message}`;
    })
    .join('\n');
}
