import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../export/format';
import { columnOf, REQUIRED_COLUMNS, type ColumnKey } from './columns';
import { unknownColumns } from './csv';
import type { Cell, ParsedFile, Problem, SourceRow } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A JSON file is either an array of objects keyed like the CSV columns
 * (aliases too), or an Account Lens export. Positions are item numbers.
 */
export function parseJson(input: string): ParsedFile {
  const file: ParsedFile = { kind: 'json', labels: {}, rows: [], warnings: [] };
  let data: unknown;
  try {
    data = JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ...file, error: { key: 'import.file.badJson', params: { reason: err instanceof Error ? err.message : String(err) } } };
  }
  if (isObject(data) && data.format === EXPORT_FORMAT) return fromExport(data);
  if (!Array.isArray(data)) return { ...file, error: { key: 'import.file.jsonShape' } };
  if (!data.length) return { ...file, error: { key: 'import.file.noRows' } };

  const unknown = new Set<string>();
  const seen = new Set<ColumnKey>();
  data.forEach((item, i) => {
    const row: SourceRow = { line: i + 1, cells: {} };
    if (!isObject(item)) row.problems = [{ key: 'import.reason.notObject' }];
    else {
      for (const [k, v] of Object.entries(item)) {
        const column = columnOf(k);
        if (!column) unknown.add(k);
        else if (row.cells[column] !== undefined) (row.problems ??= []).push({ key: 'import.reason.sameColumnTwice', params: { first: file.labels[column] ?? column, second: k } });
        else {
          row.cells[column] = v as Cell;
          file.labels[column] ??= k;
          seen.add(column);
        }
      }
    }
    file.rows.push(row);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !seen.has(c));
  // No item names a required column at all: this is some other JSON, not accounts.
  if (missing.length === REQUIRED_COLUMNS.length) return { ...file, rows: [], error: { key: 'import.file.missingColumns', params: { columns: missing.join(', ') } } };
  if (unknown.size) file.warnings.push(unknownColumns([...unknown]));
  return file;
}

/**
 * An export file: its accounts become rows with the same cells a CSV would
 * have, and each account's live snapshots come along as its readings. Other
 * tables are not imported, and the preview says so.
 */
function fromExport(data: Record<string, unknown>): ParsedFile {
  const file: ParsedFile = { kind: 'export', labels: {}, rows: [], warnings: [] };
  if (data.version !== EXPORT_VERSION) return { ...file, error: { key: 'import.file.exportVersion', params: { version: String(data.version), supported: EXPORT_VERSION } } };
  const tables = isObject(data.tables) ? data.tables : {};
  const accounts = Array.isArray(tables.accounts) ? (tables.accounts as unknown[]) : [];
  const snapshots = Array.isArray(tables.snapshots) ? (tables.snapshots as unknown[]) : [];
  if (!accounts.length) return { ...file, error: { key: 'import.file.noRows' } };

  const byAccount = new Map<string, HealthSnapshot[]>();
  for (const s of snapshots) {
    if (!isObject(s) || s.deleted === true || typeof s.accountId !== 'string') continue;
    const list = byAccount.get(s.accountId) ?? [];
    list.push(s as unknown as HealthSnapshot);
    byAccount.set(s.accountId, list);
  }
  accounts.forEach((item, i) => {
    const row: SourceRow = { line: i + 1, cells: {} };
    if (!isObject(item)) row.problems = [{ key: 'import.reason.notObject' }];
    else {
      const a = item as Partial<Account>;
      row.cells = {
        crm: a.crm, crm_record_id: a.recordId, org_key: a.orgKey, name: a.name, owner: a.owner, csm: a.csm,
        segment: a.segment, arr: a.arr, currency: a.currency, contract_start: a.contractStart, contract_end: a.contractEnd, signed_at: a.signedAt,
      };
      const own = typeof a.id === 'string' ? byAccount.get(a.id) : undefined;
      if (own) row.readings = own.map((s) => ({ asOf: s.asOf, inputs: isObject(s.inputs) ? s.inputs : {} }));
    }
    file.rows.push(row);
  });
  const others = Object.entries(tables)
    .filter(([name, rows]) => name !== 'accounts' && name !== 'snapshots' && Array.isArray(rows) && rows.length > 0)
    .map(([name, rows]) => `${name} (${(rows as unknown[]).length})`);
  if (others.length) file.warnings.push({ key: 'import.warn.otherTables', params: { tables: others.join(', ') } } satisfies Problem);
  return file;
}
