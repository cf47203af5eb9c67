import { defaultLoaders, type Loader } from 'cosmiconfig';
import { Explorer } from 'cosmiconfig/dist/Explorer.js';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { aliasBombReason, yamlAliasesExplode } from '../io/yaml-aliases.js';
import { syntaxPosition } from './syntax-position.js';
import { configSchema, type ConfigFile } from './schema.js';
import { PRESETS } from './presets.js';
import { ConfigError, mergeConfigs, type ResolvedConfig } from './resolve.js';
import { formatZodIssues, keysAt } from './zod-errors.js';
import { BUILTIN_RULES } from '../../rules/index.js';
import { assertConfigFileReadable, assertSearchPlacesReadable, searchFolders } from './config-file.js';
import { closest } from '../i18n/did-you-mean.js';
import { MAX_KEY_FOR_SUGGESTION, shownKey, shownValue } from './shown-key.js';
import { list, t } from '../i18n/index.js';

const MODULE_NAME = 'supportlint';
export const SEARCH_PLACES = ['package.json', '.supportlintrc', '.supportlintrc.json', '.supportlintrc.yaml', '.supportlintrc.yml'];

/** Configuration is data: these are the only file kinds it is read from. A file without extension is YAML. */
const DATA_EXTENSIONS = new Set(['.json', '.yaml', '.yml', '']);

/** cosmiconfig's own `$import` would read further files behind the back of `extends`. */
function dataOnly(loader: Loader, yaml = false): Loader {
  return async (filepath, content) => {
    if (yaml && yamlAliasesExplode(content)) throw new ConfigError(`${filepath}：${aliasBombReason('配置文件')}。`);
    const loaded: unknown = await loader(filepath, content);
    // In package.json the configuration is the "supportlint" key, and `$import` would sit there.
    const own = path.basename(filepath) === 'package.json' && loaded && typeof loaded === 'object' && Object.hasOwn(loaded, MODULE_NAME)
      ? (loaded as Record<string, unknown>)[MODULE_NAME]
      : loaded;
    if (own && typeof own === 'object' && Object.hasOwn(own, '$import')) {
      throw new ConfigError(`${filepath}：不支持 "$import"。请改用 extends 引用预设（supportlint:…）或 YAML/JSON 配置文件。`);
    }
    return loaded;
  };
}

/**
 * Configuration never runs code. Only the YAML and JSON loaders are registered, so a .js, .cjs,
 * .mjs or .ts file has no loader at all. The explorer is built directly rather than through
 * `cosmiconfig()`, whose factory would first load a "meta" configuration (.config/config.js, the
 * "cosmiconfig" key of package.json) from the working folder with its JavaScript loaders.
 */
function explorer(): Explorer {
  return new Explorer({
    moduleName: MODULE_NAME,
    searchPlaces: SEARCH_PLACES,
    ignoreEmptySearchPlaces: true,
    cache: false,
    transform: (result) => result,
    loaders: {
      '.json': dataOnly(defaultLoaders['.json']!),
      '.yaml': dataOnly(defaultLoaders['.yaml']!, true),
      '.yml': dataOnly(defaultLoaders['.yml']!, true),
      noExt: dataOnly(defaultLoaders.noExt!, true),
    },
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: false,
    // Each folder is searched alone, in the order searchFolders gives (which stops at a repository's root).
    searchStrategy: 'none',
  });
}

/** The configuration nearest to `cwd`, in the folders searchFolders names; null when there is none. */
async function searchUp(cwd: string): Promise<{ config: unknown; filepath: string } | null> {
  for (const dir of await searchFolders(cwd)) {
    const found = await explorer().search(dir);
    if (found) return found;
  }
  return null;
}

/** Refuses, before anything is read, a configuration file that is not YAML or JSON. */
function assertDataFile(file: string, shownAs: string, where: string): void {
  const extension = path.extname(file).toLowerCase();
  if (DATA_EXTENSIONS.has(extension)) return;
  throw new ConfigError(
    `${where}"${shownAs}" 不是 YAML 或 JSON 文件（扩展名 ${extension}）。出于安全考虑，supportlint 的配置从不执行代码，` +
      '不读取 .js、.cjs、.mjs、.ts 等脚本文件。请把配置写成 .supportlintrc.yaml 或 .supportlintrc.json。',
  );
}

/** The rules a configuration file may name: the built-in ones and its own custom rules. */
function ruleIdsOf(raw: Record<string, unknown>): Set<string> {
  return new Set([...BUILTIN_RULES.keys(), ...Object.keys((raw.customRules as object | null) ?? {})]);
}

/**
 * A key left empty in YAML (every entry commented out) is null: a key the schema knows there, or a
 * rule that exists, is then treated as absent. Any other key is kept, so that a mistyped one
 * (`rulse:`, `rules: {missing-empaty:}`) is refused with the nearest name, as it is with a value.
 */
function dropEmptyKeys(raw: unknown, path: readonly string[] = [], ruleIds?: ReadonlySet<string>): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const known = keysAt(configSchema as unknown as Parameters<typeof keysAt>[0], path);
  const ids = ruleIds ?? ruleIdsOf(raw as Record<string, unknown>);
  const absent = (key: string) => (path.length === 1 && path[0] === 'rules' ? ids.has(key) : (known?.includes(key) ?? false));
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([key, value]) => value !== null || !absent(key))
      .map(([key, value]) => [key, dropEmptyKeys(value, [...path, key], ids)]),
  );
}

/**
 * The path of the first `__proto__` key in a parsed configuration, at any depth. YAML and JSON
 * parsers keep it as an own key, but any map built from it (rules, customRules, teams, roles,
 * fieldMap…) would take it for the prototype and drop the entry silently.
 */
function prototypeKeyPath(raw: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[raw, '']];
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (!value || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const keyPath = at === '' ? key : `${at}.${key}`;
      if (key === '__proto__') return keyPath;
      stack.push([(value as Record<string, unknown>)[key], keyPath]);
    }
  }
  return undefined;
}

/**
 * Checks a configuration file against the schema. A file reached through `extends` can be any file
 * the CI user may read (/etc/shadow parses as YAML keys): the keys it does not know are counted,
 * not named.
 */
function validate(raw: unknown, source: string, viaExtends = false): ConfigFile {
  const protoPath = prototypeKeyPath(raw);
  if (protoPath !== undefined) throw new ConfigError(t('config.prototypeKey', { source, keyPath: protoPath }));
  const cleaned = dropEmptyKeys(raw ?? {}) as Record<string, unknown>;
  // A rule left empty that does not exist: named with the nearest rule, as one with a severity is.
  const rules = cleaned.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    const known = ruleIdsOf(cleaned);
    const unknown = Object.entries(rules).filter(([, value]) => value === null).map(([id]) => id);
    if (unknown.length > 0) {
      throw new ConfigError(`${source}:\n${unknown.map((id) => {
        const near = id.length <= MAX_KEY_FOR_SUGGESTION ? closest(id, known) : undefined;
        return near ? t('config.unknownRuleNear', { id: shownKey(id), near }) : t('config.unknownRule', { id: shownKey(id) });
      }).join('\n')}`);
    }
  }
  const parsed = configSchema.safeParse(cleaned, { reportInput: true });
  if (!parsed.success) throw new ConfigError(`${source}:\n${formatZodIssues(parsed.error, '', configSchema, { hideUnknownKeys: viaExtends })}`);
  return parsed.data;
}

/** How many configuration files one run may read through `extends`, diamonds counted each time. */
export const MAX_EXTENDS_FILES = 64;

/**
 * Expands `extends` depth-first, presets and files alike. A file that extends one of its own
 * ancestors is a cycle; two files extending one base (a diamond) are not, and the base is read on
 * each path. `budget` counts the files read, so diamonds stacked on diamonds cannot multiply.
 */
async function layersOf(config: ConfigFile, source: string, ancestors: ReadonlySet<string>, budget: { files: number }): Promise<Array<{ source: string; config: ConfigFile }>> {
  const layers: Array<{ source: string; config: ConfigFile }> = [];
  const parents = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const parent of parents) {
    // A secret pasted into extends must not reach a CI log through the message that refuses it.
    const shownParent = shownValue(parent);
    if (parent.startsWith('supportlint:')) {
      const preset = PRESETS[parent];
      if (!preset) {
        const near = closest(parent, Object.keys(PRESETS));
        throw new ConfigError(near ? t('config.unknownPresetNear', { source, preset: shownParent, near }) : t('config.unknownPreset', { source, preset: shownParent, known: list(Object.keys(PRESETS)) }));
      }
      layers.push({ source: parent, config: preset() });
      continue;
    }
    const file = path.resolve(path.dirname(source), parent);
    assertDataFile(file, shownParent, `${source}: extends `);
    if (ancestors.has(file)) throw new ConfigError(t('config.extendsCycle', { source, parent: shownParent }));
    if (++budget.files > MAX_EXTENDS_FILES) throw new ConfigError(t('config.extendsTooMany', { source, parent: shownParent, max: MAX_EXTENDS_FILES }));
    const result = await assertConfigFileReadable(file, `${source}: extends "${shownParent}"`).then(() => explorer().load(file)).catch(async (error: Error) => {
      if (error instanceof ConfigError) throw error;
      // A parser's message quotes the lines around the error: of a file named in extends, only where and what.
      if (/^(?:JSON|YAML) Error/.test(error.message)) {
        const syntax = await syntaxPosition(file);
        const where = syntax?.line === undefined ? '' : t('config.syntaxAt', { line: syntax.line, column: syntax.column ?? 1 });
        throw new ConfigError(t('config.extendsSyntax', { source, parent: shownParent, language: syntax?.language ?? 'YAML/JSON', where, kind: syntax?.kind ?? t('config.syntaxUnknown') }));
      }
      // The file's path is the one extends names, as the user wrote it, shown once.
      const code = (error as NodeJS.ErrnoException).code;
      const shownPath = path.join(path.dirname(source), shownParent);
      const reason = code === 'ENOENT' ? t('config.extendsMissing', { path: shownPath }) : firstReason(error.message).split(file).join(shownPath);
      throw new ConfigError(t('config.extendsUnreadable', { source, parent: shownParent, reason }));
    });
    layers.push(...(await layersOf(validate(result?.config, file, true), file, new Set([...ancestors, file]), budget)));
  }
  layers.push({ source, config: { ...config, extends: undefined } });
  return layers;
}

/**
 * Each file or preset once, where it first applies: in a diamond the shared base is read on both
 * paths, but applying it again after the first team file would undo that file's settings.
 */
function firstOfEach<T extends { source: string }>(layers: T[]): T[] {
  const seen = new Set<string>();
  return layers.filter((layer) => !seen.has(layer.source) && seen.add(layer.source));
}

/**
 * Finds and loads configuration: --config when given, else the nearest .supportlintrc.* or
 * package.json "supportlint" key from `cwd` up to the project root, else the recommended preset.
 */
export async function loadConfig(options: { configFile?: string; cwd: string }): Promise<ResolvedConfig> {
  let found: { config: unknown; filepath: string } | null;
  if (options.configFile) assertDataFile(options.configFile, options.configFile, '--config ');
  try {
    if (options.configFile) await assertConfigFileReadable(path.resolve(options.cwd, options.configFile), options.configFile);
    else await assertSearchPlacesReadable(options.cwd, SEARCH_PLACES);
    found = options.configFile
      ? await explorer().load(path.resolve(options.cwd, options.configFile))
      : await searchUp(options.cwd);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const message = firstReason((error as Error).message);
    // The parser says it in English: where and what kind of error, in words.
    const broken = /^(?:JSON|YAML) Error in (.+?):/.exec(message)?.[1];
    if (broken) {
      const syntax = await syntaxPosition(broken);
      const where = syntax?.line === undefined ? '' : t('config.syntaxAt', { line: syntax.line, column: syntax.column ?? 1 });
      throw new ConfigError(t('config.syntax', { file: options.configFile ?? (path.relative(options.cwd, broken) || broken), language: syntax?.language ?? 'YAML/JSON', where, kind: syntax?.kind ?? t('config.syntaxUnknown') }));
    }
    throw new ConfigError(t('config.unreadable', { file: options.configFile ?? t('config.theConfiguration'), reason: message }));
  }
  if (!found) return mergeConfigs([{ source: 'supportlint:recommended', config: PRESETS['supportlint:recommended']!() }]);
  const config = validate(found.config, found.filepath);
  return mergeConfigs(firstOfEach(await layersOf(config, found.filepath, new Set([found.filepath]), { files: 0 })));
}

/** Configuration files other tools would run as code; supportlint never reads them. */
const SCRIPT_CONFIG_NAMES = ['.supportlintrc.js', '.supportlintrc.cjs', '.supportlintrc.mjs', '.supportlintrc.ts', '.supportlintrc.cts', '.supportlintrc.mts',
  'supportlint.config.js', 'supportlint.config.cjs', 'supportlint.config.mjs', 'supportlint.config.ts',
  '.config/supportlintrc.js', '.config/supportlintrc.cjs', '.config/supportlintrc.mjs', '.config/supportlintrc.ts'];

/**
 * Script configuration files in `dir` that a run there does not read. A team moving from a
 * JavaScript configuration would otherwise get the recommended rules without a word.
 */
export async function scriptConfigsIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const name of SCRIPT_CONFIG_NAMES) if (await stat(path.join(dir, name)).then((info) => info.isFile(), () => false)) found.push(name);
  return found;
}

/**
 * The configuration files in one folder, in the order the search takes them: the first is the one
 * in effect there. package.json counts only when it has a "supportlint" key.
 */
export async function configFilesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const place of SEARCH_PLACES) {
    const file = path.join(dir, place);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    if (place === 'package.json') {
      let manifest: unknown;
      try {
        manifest = JSON.parse(text);
      } catch {
        continue;
      }
      if (!manifest || typeof manifest !== 'object' || !Object.hasOwn(manifest, MODULE_NAME)) continue;
    }
    found.push(file);
  }
  return found;
}

/** The configuration file a run in `cwd` would read, found as loadConfig finds it; undefined when none (or it cannot be read). */
export async function configFileInEffect(cwd: string): Promise<string | undefined> {
  const found = await searchUp(cwd).catch(() => null);
  return found?.filepath;
}

/**
 * The first line of a parser's message that says something: the YAML parser's message opens with
 * "YAML Error in <file>:" and gives the reason (a duplicate key, a bad indent) on the next line.
 */
function firstReason(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length > 1 && lines[0]!.endsWith(':')) return `${lines[0]} ${lines[1]}`;
  return lines[0] ?? message;
}
