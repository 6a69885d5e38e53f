import { dayIndex } from '../../../shared/dates/week';
import { escapeMarkdown, inline } from './text';
import type { Wording } from './wording';

/** How the report is written out: plain text (for e-mail bodies) or Markdown (for documents and chats). */

export interface ListItem {
  line: string;
  sub?: string[];
}

/** How content is written out: plain text or Markdown. */
export interface Format {
  /** A user value, cleaned (and escaped for Markdown). */
  user(value: string): string;
  /** A label in our own wording. */
  label(text: string): string;
  heading(text: string): string;
  /** Between a heading and the section's content. */
  headingGap: string;
  /** Lines of one paragraph that must stay on separate lines (a sign-off). */
  lines(lines: string[]): string;
  list(items: ListItem[]): string;
}

const bulleted = (items: ListItem[]) =>
  items.flatMap((i) => [`- ${i.line}`, ...(i.sub ?? []).map((s) => `  - ${s}`)]).join('\n');

export const PLAIN: Format = {
  user: inline,
  label: (t) => t,
  heading: (t) => t,
  headingGap: '\n',
  lines: (lines) => lines.join('\n'),
  list: bulleted,
};


export const MARKDOWN: Format = {
  user: (v) => escapeMarkdown(inline(v)),
  // The colon stays outside the asterisks: "**纪要**：" is bold in CommonMark, "**纪要：**" followed by a CJK letter is not.
  label: (t) => `**${t}**`,
  heading: (t) => `## ${t}`,
  headingGap: '\n\n',
  // Two trailing spaces: a hard line break.
  lines: (lines) => lines.join('  \n'),
  list: bulleted,
};


export interface Section {
  heading?: string;
  parts: string[];
}

export function render(sections: Section[], f: Format): string {
  return sections
    .filter((s) => s.parts.length > 0)
    .map((s) => (s.heading ? `${f.heading(s.heading)}${f.headingGap}${s.parts.join('\n\n')}` : s.parts.join('\n\n')))
    .join('\n\n');
}

// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function isCalendarDate(date: string): boolean {
  try {
    dayIndex(date);
    return true;
  } catch {
    return false;
  }
}

/** A date in the report's wording; something that is not a calendar date is shown as typed. */
export function showDate(date: string, w: Wording, f: Format): string {
  const m = ISO_DATE.exec(date);
  if (!m || !isCalendarDate(date)) return f.user(date);
  return w.date(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function showMonth(month: string, w: Wording, f: Format): string {
  const m = YEAR_MONTH.exec(month);
  return m ? w.monthName(Number(m[1]), Number(m[2])) : f.user(month);
}
