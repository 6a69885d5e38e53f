/**
 * The monthly service report: what it is written from (input), its wording in
 * both languages (wording), the cleaning of what users typed (text), plain text
 * and Markdown (format), what it says (monthly) and the mailto: link (mailto).
 */
export type { MonthlyReportText, ReportInput } from './input';
export { NOTES_MAX_CHARS, monthlyReport } from './monthly';
export { escapeMarkdown, inline } from './text';
export { MAILTO_MAX_CHARS, TRUNCATION_MARK, mailtoHref } from './mailto';
