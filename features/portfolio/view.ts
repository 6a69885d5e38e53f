import Papa from 'papaparse';
import { z } from 'zod';
import { BANDS, SEGMENTS } from '../../data/model/common';
import { RENEWAL_WINDOWS, type PortfolioRow, type RenewalWindow } from './rows';

export const PORTFOLIO_COLUMNS = [
  'name', 'crm', 'owner', 'csm', 'segment', 'arr', 'health', 'trend', 'contractEnd', 'days', 'nextTouchpoint', 'lastVisit', 'openCtas', 'promiseRisks',
] as const;
export type PortfolioColumn = (typeof PORTFOLIO_COLUMNS)[number];

/** What the user chose: columns, filters and sort order. Remembered across visits (storage.local). */
export const PortfolioViewSchema = z.object({
  columns: z.array(z.enum(PORTFOLIO_COLUMNS)).min(1),
  filters: z.object({
    bands: z.array(z.enum([...BANDS, 'unknown'])),
    window: z.enum(['', ...RENEWAL_WINDOWS]),
    owner: z.string().max(200),
    csm: z.string().max(200),
    segment: z.enum(['', ...SEGMENTS]),
    text: z.string().max(200),
  }),
  sorting: z.array(z.object({ id: z.string().max(40), desc: z.boolean() })).max(5),
});
export type PortfolioView = z.infer<typeof PortfolioViewSchema>;
export type PortfolioFilters = PortfolioView['filters'];

export const DEFAULT_PORTFOLIO_VIEW: PortfolioView = {
  columns: ['name', 'crm', 'owner', 'csm', 'arr', 'health', 'trend', 'contractEnd', 'days', 'nextTouchpoint', 'lastVisit', 'openCtas', 'promiseRisks'],
  filters: { bands: [], window: '', owner: '', csm: '', segment: '', text: '' },
  sorting: [{ id: 'days', desc: false }],
};
/** The narrow side panel starts with the columns that fit. */
export const COMPACT_COLUMNS: PortfolioColumn[] = ['name', 'health', 'days', 'openCtas'];

export const validView = (v: unknown, fallback = DEFAULT_PORTFOLIO_VIEW): PortfolioView => {
  const parsed = PortfolioViewSchema.safeParse(v);
  return parsed.success ? parsed.data : fallback;
};

/** Free text matches the name, owner, CSM and CRM record id, ignoring case and accents' width (NFKC). */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** The rows a view's filters keep, in their given order. */
export function applyFilters(rows: readonly PortfolioRow[], f: PortfolioFilters): PortfolioRow[] {
  const words = norm(f.text.trim());
  const bands = new Set(f.bands);
  return rows.filter(
    (r) =>
      (bands.size === 0 || bands.has(r.band ?? 'unknown')) &&
      (!f.window || r.window === (f.window as RenewalWindow)) &&
      (!f.owner || r.owner === f.owner) &&
      (!f.csm || r.csm === f.csm) &&
      (!f.segment || r.segment === f.segment) &&
      (!words || norm(`${r.name} ${r.owner ?? ''} ${r.csm ?? ''} ${r.recordId}`).includes(words)),
  );
}

/** The distinct non-empty values of a field, sorted, for a filter's choices. */
export function choices(rows: readonly PortfolioRow[], field: 'owner' | 'csm'): string[] {
  return [...new Set(rows.flatMap((r) => (r[field] ? [r[field]!] : [])))].sort((a, b) => a.localeCompare(b));
}

/** How a band set by hand is marked in the health cell: its last day and the computed band, in the reader's language. */
export type ByHandMark = (o: { until: string; computed: string }) => string;
const BY_HAND_EN: ByHandMark = ({ until, computed }) => `(set by hand until ${until}; computed: ${computed})`;

/** A cell as CSV text: numbers plain, the health as "score band" (a band set by hand marked), lists as text. */
function csvCell(r: PortfolioRow, c: PortfolioColumn, byHand: ByHandMark): string | number {
  switch (c) {
    case 'health': {
      const mark = r.bandOverride ? ` ${byHand({ until: r.bandOverride.until, computed: r.computedBand ?? 'unknown' })}` : '';
      if (r.score === null) return r.bandOverride ? `${r.band}${mark}` : '';
      return `${`${r.score} ${r.band ?? ''}`.trim()}${mark}`;
    }
    case 'trend':
      return r.trend.join(' ');
    case 'days':
      return r.daysToRenewal;
    case 'nextTouchpoint':
      return r.nextTouchpoint ? r.nextTouchpoint.due : '';
    case 'arr':
      return r.arr ?? '';
    default: {
      const v = r[c as keyof PortfolioRow];
      return typeof v === 'string' || typeof v === 'number' ? v : '';
    }
  }
}

/**
 * The current view as CSV: the shown columns, in order, with their headers.
 * A band set by hand says so in its cell, with the computed band beside it.
 * A cell a spreadsheet would run as a formula (= + - @ at the start) is
 * prefixed with an apostrophe.
 */
export function viewToCsv(rows: readonly PortfolioRow[], columns: readonly PortfolioColumn[], header: (c: PortfolioColumn) => string, byHand: ByHandMark = BY_HAND_EN): string {
  const safe = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return Papa.unparse({
    fields: columns.map(header),
    data: rows.map((r) => columns.map((c) => safe(csvCell(r, c, byHand)))),
  });
}
