import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/** The docs page of a built-in rule in the installed package. */
export function ruleDocsPath(ruleId: string): string {
  return path.join(PACKAGE_ROOT, 'docs', 'rules', `${ruleId}.md`);
}

/**
 * Where people read a rule's documentation online: the page in the project's repository. SARIF
 * viewers such as GitHub code scanning link to it.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/supportlint/supportlint/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
