/**
 * supportlint's programmatic API: `import { Supportlint } from 'supportlint'`. See README.md, "API".
 */
export { Supportlint, ruleSummaries, withRulesOn } from './supportlint.js';
export type { SupportlintOptions, InputOptions, LintFilesOptions, LintRun, ReportRequest, ReportRun } from './supportlint.js';
export { UsageError, NoInputError } from './errors.js';
export { ConfigError, type ResolvedConfig } from '../config/resolve.js';
export type { ConversationResult } from '../engine/lint.js';
export type { Finding } from '../engine/finding.js';
export type { LintSummary } from '../runner/summary.js';
export type { ReportData } from '../report/model.js';
export type { UiLocale } from '../i18n/index.js';
