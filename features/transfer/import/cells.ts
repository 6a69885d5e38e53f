import { normaliseRecordId } from '../../../crm/normalise';
import { CRM_IDS, type CrmId } from '../../../crm/types';
import { isIsoDate } from '../../../shared/dates/local-date';
import { SEGMENTS, type Segment } from '../../../data/model/common';
import type { HealthInputs } from '../../../data/model/records';
import { HEALTH_COLUMNS, TEXT_COLUMNS, type ColumnKey } from './columns';
import type { Cell, Problem } from './types';

/**
 * Reading single cells. Every reader returns the value, `undefined` for an
 * empty cell (which never erases stored data), or a Problem naming the column
 * as the file writes it.
 */
export type Read<T> = { value?: T; problem?: Problem };

/** Export prefixes a quote to text starting with these, so spreadsheets do not run it as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

/** Export side: one leading quote disarms the cell; values that already look escaped get one more, so import is an exact inverse. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) || ESCAPED.test(value) ? `'${value}` : value;
}

/** Import side: drops the one quote export added (or a user typed to keep a spreadsheet from evaluating). */
export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

const MAX_LENGTH: Partial<Record<ColumnKey, number>> = { crm_record_id: 200, org_key: 200, name: 300, owner: 200, csm: 200 };

function asText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' && Number.isFinite(cell)) return String(cell);
  return null; // objects, booleans: not a cell value
}

const shown = (cell: Cell) => (typeof cell === 'string' || typeof cell === 'number' ? String(cell).slice(0, 60) : typeof cell);

/** `csv`: the cell may carry export's formula guard (JSON never does, so its text is taken as is). */
export function readText(cell: Cell, column: ColumnKey, label: string, csv: boolean): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  const text = csv && TEXT_COLUMNS.includes(column) ? unescapeFormula(raw).trim() : raw;
  if (!text) return {};
  const max = MAX_LENGTH[column];
  if (max !== undefined && text.length > max) return { problem: { key: 'import.reason.tooLong', params: { column: label, max } } };
  return { value: text };
}

/**
 * Numbers are plain: an optional minus, digits, an optional decimal point.
 * No thousands separators, units, % or exponents: "12,000" is refused rather
 * than guessed (in a semicolon file it may as well mean twelve).
 */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function readNumber(cell: Cell, label: string, range: { min: number; max: number; int?: boolean }): Read<number> {
  let n: number;
  if (typeof cell === 'number') n = cell;
  else {
    const raw = asText(cell);
    if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
    if (!raw) return {};
    if (!PLAIN_NUMBER.test(raw)) return { problem: { key: 'import.reason.number', params: { column: label, value: shown(cell) } } };
    n = Number(raw);
  }
  if (!Number.isFinite(n)) return { problem: { key: 'import.reason.number', params: { column: label, value: shown(cell) } } };
  if (range.int && !Number.isInteger(n)) return { problem: { key: 'import.reason.integer', params: { column: label, value: n } } };
  if (n < range.min || n > range.max) return { problem: { key: 'import.reason.range', params: { column: label, value: n, min: range.min, max: range.max } } };
  return { value: n };
}

export function readDate(cell: Cell, label: string): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  return isIsoDate(raw) ? { value: raw } : { problem: { key: 'import.reason.date', params: { column: label, value: shown(cell) } } };
}

/** Display names people write for a CRM, besides its id. */
const CRM_ALIASES: Record<string, CrmId> = {
  dynamics365: 'dynamics', microsoftdynamics: 'dynamics', microsoftdynamics365: 'dynamics', zohocrm: 'zoho',
  纷享销客: 'fxiaoke', 销售易: 'xiaoshouyi', neocrm: 'xiaoshouyi',
};

export function readCrm(cell: Cell, label: string): Read<CrmId> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const key = raw.toLowerCase().replace(/[\s_-]+/g, '');
  const crm = (CRM_IDS as readonly string[]).includes(key) ? (key as CrmId) : CRM_ALIASES[key];
  return crm ? { value: crm } : { problem: { key: 'import.reason.crm', params: { column: label, value: shown(cell), allowed: CRM_IDS.join(', ') } } };
}

export function readRecordId(crm: CrmId, raw: string, label: string): Read<string> {
  const id = normaliseRecordId(crm, raw);
  return id ? { value: id } : { problem: { key: 'import.reason.recordId', params: { column: label, value: raw.slice(0, 60), crm } } };
}

export function readSegment(cell: Cell, label: string): Read<Segment> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  const key = raw.toLowerCase().replace(/[\s-]+/g, '_');
  return (SEGMENTS as readonly string[]).includes(key)
    ? { value: key as Segment }
    : { problem: { key: 'import.reason.segment', params: { column: label, value: shown(cell) } } };
}

export function readCurrency(cell: Cell, label: string): Read<string> {
  const raw = asText(cell);
  if (raw === null) return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  if (!raw) return {};
  return /^[a-z]{3}$/i.test(raw) ? { value: raw.toUpperCase() } : { problem: { key: 'import.reason.currency', params: { column: label, value: shown(cell) } } };
}

/** The health inputs of a reading; empty cells are left out. */
export function readInputs(cells: Partial<Record<ColumnKey, Cell>>, labelOf: (c: ColumnKey) => string, problems: Problem[]): HealthInputs {
  const inputs: HealthInputs = {};
  for (const [column, spec] of Object.entries(HEALTH_COLUMNS) as [keyof typeof HEALTH_COLUMNS, (typeof HEALTH_COLUMNS)[keyof typeof HEALTH_COLUMNS]][]) {
    const r = readNumber(cells[column], labelOf(column), spec);
    if (r.problem) problems.push(r.problem);
    else if (r.value !== undefined) inputs[spec.field] = r.value;
  }
  return inputs;
}
