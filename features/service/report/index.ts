/**
 * The monthly service report: what it is written from (input), which sections
 * it carries (sections), its wording in both languages (wording), the blocks
 * and their plain text and Markdown (format), the printable page (html), what
 * it says (monthly, progress, internal) and the mailto: link (mailto).
 */
export type { ChartPoint, MonthlyReportText, ReportInput, UsageReading } from './input';
export { NOTES_MAX_CHARS, monthlyReport } from './monthly';
export { cleanBody, escapeHtml, escapeMarkdown, inline } from './text';
export { parsePlain, renderMarkdown, renderPlain, type Block } from './format';
export { reportHtml, PAGE_POLICY, type Chart } from './html';
export { USAGE_MEASURES, chartSeries, readingAt, type ChartMeasure } from './progress';
export { CUSTOMER_SECTIONS, INTERNAL_SECTIONS, REPORT_SECTIONS, isInternal, sectionOn, sectionsOn, withSection, type ReportSection } from './sections';
export { WORDING, headingsOf } from './wording';
export { MAILTO_MAX_CHARS, TRUNCATION_MARK, mailtoHref } from './mailto';
export { draftFormats, type DraftFormats } from './draft';
