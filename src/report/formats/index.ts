import type { ReportData } from '../model.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export type ReportRenderer = (data: ReportData) => string;

/** `report --format json`: the report object itself (see docs/report-format.md). */
export const renderJson: ReportRenderer = (data) => `${JSON.stringify(data, null, 2)}\n`;

/** Report formats by name. */
export const REPORT_FORMATS: Record<string, ReportRenderer> = {
  html: renderHtml,
  markdown: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
};

/** The format an --output file's extension asks for, when --format is not given; undefined when it asks for none of them. */
export function formatForFile(file: string | undefined): string | undefined {
  const extension = file?.toLowerCase().split('.').at(-1);
  return extension === 'html' || extension === 'htm' ? 'html' : extension === 'md' ? 'markdown' : extension === 'csv' ? 'csv' : extension === 'json' ? 'json' : undefined;
}
