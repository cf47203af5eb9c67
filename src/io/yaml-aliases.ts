import { parseDocument, type Document } from 'yaml';

/**
 * Aliases (`*name`) may repeat an anchored node (`&name`) only so often. Nested anchors that each
 * repeat the one before ("billion laughs") expand to billions of values from a few lines, and a run
 * would fill its memory before anything could say what is wrong; the `yaml` parser counts the
 * expansion (`maxAliasCount`) and refuses it early. The limit is the parser's own default.
 */
export const MAX_YAML_ALIAS_COUNT = 100;

/** Whether a parsed document's aliases expand beyond MAX_YAML_ALIAS_COUNT. */
export function documentAliasesExplode(document: Document): boolean {
  try {
    document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
    return false;
  } catch (error) {
    return error instanceof ReferenceError;
  }
}

/** Whether a YAML text's aliases expand beyond MAX_YAML_ALIAS_COUNT. Syntax errors are left to the reader. */
export function yamlAliasesExplode(content: string): boolean {
  if (!content.includes('*')) return false;
  const document = parseDocument(content, { uniqueKeys: false });
  return document.errors.length === 0 && documentAliasesExplode(document);
}

/** Why such a file is not read, in Chinese; `what` names the file's kind (配置文件, 话术库). */
export function aliasBombReason(what: string): string {
  return (
    `这个${what}里的 YAML 别名（*名字）展开得太多：锚点（&名字）被层层引用，展开后超过 ${MAX_YAML_ALIAS_COUNT} 处引用，` +
    '像是“十亿笑声”式的别名炸弹，读下去会耗尽内存，所以没有读取。请去掉层层嵌套的锚点和别名，把内容直接写出来'
  );
}
