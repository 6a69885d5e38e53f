import Papa from 'papaparse';
import { escapeFormula } from '../import/cells';
import { COLUMNS, HEALTH_COLUMNS, TEXT_COLUMNS, type ColumnKey } from '../import/columns';
import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';

/** The latest live reading of each account: what the CSV's one set of health columns can hold. */
function latestByAccount(snapshots: readonly HealthSnapshot[]): Map<string, HealthSnapshot> {
  const out = new Map<string, HealthSnapshot>();
  for (const s of snapshots) {
    if (s.deleted) continue;
    const seen = out.get(s.accountId);
    if (!seen || s.asOf > seen.asOf) out.set(s.accountId, s);
  }
  return out;
}

type Value = string | number | undefined;

/**
 * A number as import reads it: plain digits. String() writes 1e-7 or 1e21 in
 * exponent form; moving the point of that shortest form keeps it exact.
 */
export function plainNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', exp] = m;
  const digits = `${lead}${frac}`;
  const point = 1 + Number(exp); // where the decimal point goes in `digits`
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0')}`;
}

function cellsOf(a: Account, s: HealthSnapshot | undefined): Record<ColumnKey, Value> {
  const cells: Record<ColumnKey, Value> = {
    crm: a.crm, crm_record_id: a.recordId, org_key: a.orgKey, name: a.name, owner: a.owner, csm: a.csm, segment: a.segment,
    arr: a.arr, currency: a.currency, contract_start: a.contractStart, contract_end: a.contractEnd, signed_at: a.signedAt,
    health_as_of: s?.asOf,
    active_user_rate: undefined, core_feature_adoption: undefined, module_breadth: undefined, tickets_90d: undefined,
    ticket_resolution_hours: undefined, training_rate: undefined, nps: undefined, outcome_attainment: undefined,
  };
  for (const [column, spec] of Object.entries(HEALTH_COLUMNS)) cells[column as ColumnKey] = s?.inputs[spec.field];
  return cells;
}

/**
 * The accounts as a CSV import reads them back unchanged: the import columns,
 * each account's latest health reading, UTF-8 with a BOM (so Excel shows
 * Chinese), CRLF. Text cells that a spreadsheet would run as a formula get a
 * leading quote; number cells never need one (-20 stays -20).
 */
export function accountsToCsv(accounts: readonly Account[], snapshots: readonly HealthSnapshot[]): string {
  const latest = latestByAccount(snapshots);
  // Stable order (ids are random): by CRM, then record id.
  const sorted = [...accounts].sort((a, b) => (a.crm === b.crm ? (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0) : a.crm < b.crm ? -1 : 1));
  const rows = sorted.map((a) => {
    const cells = cellsOf(a, latest.get(a.id));
    return COLUMNS.map((c) => {
      const v = cells[c];
      if (v === undefined) return '';
      if (typeof v === 'number') return plainNumber(v);
      return TEXT_COLUMNS.includes(c) ? escapeFormula(v) : v;
    });
  });
  return `\uFEFF${Papa.unparse({ fields: [...COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}
