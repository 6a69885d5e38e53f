import { dayIndex } from '../../../shared/dates/week';
import { escapeMarkdown, inline } from './text';
import type { Wording } from './wording';

/**
 * The report as a document of blocks, written out as plain text (for chats and
 * e-mail bodies: no Markdown at all) or as Markdown. The CSM edits the plain
 * text; `parsePlain` reads the edited text back into blocks, so the Markdown
 * and the printable page say exactly what the CSM wrote.
 */

export interface ListItem {
  text: string;
  sub?: string[];
}

export type Block =
  | { kind: 'heading'; text: string }
  /** One paragraph; several lines stay on separate lines (a sign-off). */
  | { kind: 'para'; lines: string[] }
  | { kind: 'list'; items: ListItem[] };

export const BULLET = '• ';
export const SUB_BULLET = '  ◦ ';

const plainBlock = (b: Block): string =>
  b.kind === 'heading'
    ? b.text
    : b.kind === 'para'
      ? b.lines.join('\n')
      : b.items.flatMap((i) => [`${BULLET}${i.text}`, ...(i.sub ?? []).map((s) => `${SUB_BULLET}${s}`)]).join('\n');

/** Plain text: a heading sits right above its content; blocks are separated by a blank line. */
export function renderPlain(blocks: readonly Block[]): string {
  return blocks.map((b, i) => (i === 0 ? '' : blocks[i - 1]!.kind === 'heading' ? '\n' : '\n\n') + plainBlock(b)).join('');
}

const mdBlock = (b: Block): string =>
  b.kind === 'heading'
    ? `## ${escapeMarkdown(b.text)}`
    : b.kind === 'para'
      ? // Two trailing spaces: a hard line break.
        b.lines.map(escapeMarkdown).join('  \n')
      : b.items.flatMap((i) => [`- ${escapeMarkdown(i.text)}`, ...(i.sub ?? []).map((s) => `  - ${escapeMarkdown(s)}`)]).join('\n');

export function renderMarkdown(blocks: readonly Block[]): string {
  return blocks.map(mdBlock).join('\n\n');
}

/**
 * Blocks from plain text as the CSM left it: a line that is one of the
 * report's headings is a heading, lines starting with a bullet are list items
 * (an indented one belongs to the item above), other lines are paragraphs
 * (consecutive lines: one paragraph); a blank line ends a paragraph or list.
 */
export function parsePlain(text: string, headings: ReadonlySet<string>): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  const close = () => {
    if (open) blocks.push(open);
    open = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const bare = line.trim();
    if (!bare) close();
    else if (headings.has(bare)) {
      close();
      blocks.push({ kind: 'heading', text: bare });
    } else if (/^\s+◦\s?/.test(line) && open?.kind === 'list') {
      const last = open.items[open.items.length - 1]!;
      (last.sub ??= []).push(bare.replace(/^◦\s?/, ''));
    } else if (/^[•◦]\s?/.test(bare)) {
      if (open?.kind !== 'list') close();
      open ??= { kind: 'list', items: [] };
      if (open.kind === 'list') open.items.push({ text: bare.replace(/^[•◦]\s?/, '') });
    } else {
      if (open?.kind !== 'para') close();
      open ??= { kind: 'para', lines: [] };
      if (open.kind === 'para') open.lines.push(bare);
    }
  }
  close();
  return blocks;
}

/** A user value as it goes in a block: one clean line. */
export const user = inline;

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
export function showDate(date: string, w: Wording): string {
  const m = ISO_DATE.exec(date);
  if (!m || !isCalendarDate(date)) return inline(date);
  return w.date(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function showMonth(month: string, w: Wording): string {
  const m = YEAR_MONTH.exec(month);
  return m ? w.monthName(Number(m[1]), Number(m[2])) : inline(month);
}
