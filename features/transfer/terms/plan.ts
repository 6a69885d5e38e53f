import type { Account } from '../../../data/model/account';
import { CHURN_ROOT_CAUSES, CHURN_SYMPTOMS, type Contract, type RenewalOutcome } from '../../../data/model/records';
import { termId } from '../../../data/model/terms';
import { amountCurrency, readCrm, readCurrency, readDate, readNumber, readRecordId, readText, unescapeFormula, type Read } from '../import/cells';
import { catalogueChoices, type Choices } from '../import/labels';
import { parseCsvWith } from '../import/csv';
import { orgCompatible } from '../import/plan';
import type { BadRow, Cell, ImportCounts, ParsedFileOf, Problem, SourceRowOf } from '../import/types';
import { isTermsHeader, OUTCOME_WORDS, REQUIRED_TERM_COLUMNS, resolveTermHeaders, termColumnOf, type TermColumn } from './columns';

export type TermsFile = ParsedFileOf<TermColumn>;

export interface PlannedTerm {
  line: number;
  action: 'create' | 'update' | 'unchanged';
  account: Pick<Account, 'id' | 'name'>;
  term: Contract;
  outcome?: RenewalOutcome;
  /** The stored copies the preview saw (undefined: none), checked again on confirm. */
  before: { term?: string; outcome?: string };
}

export interface TermsPlan {
  kind: 'terms';
  /** Where row numbers come from: lines of a CSV, items of a JSON array. */
  fileKind: 'csv' | 'json';
  rows: PlannedTerm[];
  bad: BadRow[];
  warnings: Problem[];
  error?: Problem;
  counts: ImportCounts;
  canApply: boolean;
}

export interface TermsView {
  accounts: readonly Account[];
  contracts: readonly Contract[];
  outcomes: readonly RenewalOutcome[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a chosen file is a terms file (its header, or its first JSON item, names term_end) rather than an accounts file. */
export function isTermsFile(json: boolean, text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  if (!json) {
    const end = body.search(/\r|\n/);
    const header = end < 0 ? body : body.slice(0, end);
    return isTermsHeader(header.split(/[,;]/).map((h) => h.replace(/^"|"$/g, '')));
  }
  const first = /^\s*\[\s*(\{[^}]*\})/.exec(body)?.[1];
  if (!first) return false;
  try {
    return isTermsHeader(Object.keys(JSON.parse(first) as object));
  } catch {
    return false;
  }
}

/** A terms file: CSV, or a JSON array of objects keyed like its columns. */
export function parseTermsFile(json: boolean, text: string): TermsFile {
  if (!json) {
    const file = parseCsvWith(text, resolveTermHeaders);
    // The accounts wording of this error would mislead: this is a terms file missing a column.
    if (file.error?.key === 'import.file.missingColumns') return { ...file, error: { ...file.error, key: 'import.terms.missingColumns' } };
    return file;
  }
  const file: TermsFile = { kind: 'json', labels: {}, rows: [], warnings: [] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ...file, error: { key: 'import.file.badJson', params: { reason: err instanceof Error ? err.message : String(err) } } };
  }
  if (!Array.isArray(data)) return { ...file, error: { key: 'import.file.jsonShape' } };
  data.forEach((item, i) => {
    const row: SourceRowOf<TermColumn> = { line: i + 1, cells: {} };
    if (!isObject(item)) row.problems = [{ key: 'import.reason.notObject' }];
    else for (const [k, v] of Object.entries(item)) {
      const c = termColumnOf(k);
      if (c) row.cells[c] = v as Cell;
    }
    file.rows.push(row);
  });
  return file;
}

/** A choice column: its values by id, by the words the outcome form shows (either language), or by a sheet's own words. */
function readChoice<T extends string>(cell: Cell, label: string, choices: Choices<T>): Read<T> {
  if (cell === undefined || cell === null || (typeof cell === 'string' && !cell.trim())) return {};
  const raw = typeof cell === 'string' ? cell.trim() : String(cell);
  const value = choices.of(raw);
  return value ? { value } : { problem: { key: 'import.terms.reason.choice', params: { column: label, value: raw.slice(0, 60), values: choices.shown } } };
}

const OUTCOMES = catalogueChoices('outcome.kind.', ['renewed', 'churned', 'will_not_renew'] as const, OUTCOME_WORDS);
const SYMPTOMS = catalogueChoices('outcome.symptom.', CHURN_SYMPTOMS);
const CAUSES = catalogueChoices('outcome.cause.', CHURN_ROOT_CAUSES);
const AMOUNT = { min: 0, max: Number.MAX_SAFE_INTEGER };

/** As the accounts import matches: the same org key first, else one an org key on one side only allows. */
const matchAccount = (candidates: readonly Account[], orgKey: string | undefined) =>
  candidates.find((a) => a.orgKey !== undefined && a.orgKey === orgKey) ?? candidates.find((a) => orgCompatible(a.orgKey, orgKey));

function readNotes(cell: Cell, label: string, csv: boolean): Read<string> {
  if (cell === undefined || cell === null) return {};
  if (typeof cell !== 'string') return { problem: { key: 'import.reason.badValue', params: { column: label } } };
  const text = (csv ? unescapeFormula(cell.trim()) : cell).trim();
  return text.length > 4000 ? { problem: { key: 'import.reason.tooLong', params: { column: label, max: 4000 } } } : text ? { value: text } : {};
}

const sameRecord = (a: object | undefined, b: object) => {
  if (!a) return false;
  const strip = ({ updatedAt: _u, createdAt: _c, version: _v, conflicts: _k, ...rest }: Record<string, unknown>) => rest;
  return JSON.stringify(Object.entries(strip(a as Record<string, unknown>)).sort()) === JSON.stringify(Object.entries(strip(b as Record<string, unknown>)).sort());
};

/**
 * The preview of a terms file: each row a term of a stored account (by CRM
 * record, as accounts match), created or updated under a deterministic id so
 * importing the same file again changes nothing. Empty cells never erase
 * stored values. One imported outcome per term. Pure; `now` stamps records.
 */
export function planTermsImport(file: TermsFile, view: TermsView, now: Date): TermsPlan {
  const plan: TermsPlan = { kind: 'terms', fileKind: file.kind === 'csv' ? 'csv' : 'json', rows: [], bad: [], warnings: file.warnings, counts: { create: 0, update: 0, unchanged: 0, bad: 0 }, canApply: false };
  if (file.error) return { ...plan, error: file.error };
  const stamp = now.toISOString();
  const contracts = new Map(view.contracts.map((c) => [c.id, c]));
  const outcomes = new Map(view.outcomes.map((o) => [o.id, o]));
  const latestTagged = new Map<string, RenewalOutcome>();
  for (const o of view.outcomes) {
    const seenOutcome = o.termId && !o.deleted ? latestTagged.get(o.termId) : undefined;
    if (o.termId && !o.deleted && (!seenOutcome || o.date > seenOutcome.date || (o.date === seenOutcome.date && o.createdAt > seenOutcome.createdAt))) latestTagged.set(o.termId, o);
  }
  const seen = new Map<string, number>();
  const byRef = new Map<string, Account[]>();
  for (const a of view.accounts) byRef.set(`${a.crm}\u0000${a.recordId}`, [...(byRef.get(`${a.crm}\u0000${a.recordId}`) ?? []), a]);
  const label = (c: TermColumn) => file.labels[c] ?? c;
  const format = { csv: file.kind === 'csv', semicolon: file.delimiter === ';' };
  for (const src of file.rows) {
    const problems: Problem[] = [...(src.problems ?? [])];
    const take = <T>(r: Read<T>): T | undefined => (r.problem ? void problems.push(r.problem) : r.value);
    const { cells } = src;
    const crm = take(readCrm(cells.crm, label('crm')));
    const rawId = take(readText(cells.crm_record_id, 'crm_record_id', label('crm_record_id'), file.kind === 'csv'));
    const orgKey = take(readText(cells.org_key, 'org_key', label('org_key'), file.kind === 'csv'));
    const start = take(readDate(cells.term_start, label('term_start')));
    const end = take(readDate(cells.term_end, label('term_end')));
    const termArr = readNumber(cells.term_arr, label('term_arr'), AMOUNT, format, true);
    const newArrRead = readNumber(cells.new_arr, label('new_arr'), AMOUNT, format, true);
    const value = take(termArr);
    const newArr = take(newArrRead);
    const written = take(readCurrency(cells.term_currency, label('term_currency')));
    const currency = take(amountCurrency(termArr, take(amountCurrency(newArrRead, written, label('new_arr'))), label('term_arr')));
    const kind = take(readChoice(cells.outcome, label('outcome'), OUTCOMES));
    const date = take(readDate(cells.outcome_date, label('outcome_date')));
    const symptom = take(readChoice(cells.symptom, label('symptom'), SYMPTOMS));
    const rootCause = take(readChoice(cells.root_cause, label('root_cause'), CAUSES));
    const notes = take(readNotes(cells.notes, label('notes'), file.kind === 'csv'));
    for (const [c, v] of [['crm', crm], ['crm_record_id', rawId], ['term_end', end]] as const) {
      if (v === undefined && !problems.some((p) => p.params?.column === label(c))) problems.push({ key: 'import.reason.required', params: { column: label(c) } });
    }
    if (start && end && start > end) problems.push({ key: 'import.terms.reason.startAfterEnd', params: { column: label('term_start'), end } });
    if (!kind && [date, newArr, symptom, rootCause].some((v) => v !== undefined)) problems.push({ key: 'import.terms.reason.outcomeMissing', params: { column: label('outcome') } });
    const recordId = crm && rawId ? take(readRecordId(crm, rawId, label('crm_record_id'))) : undefined;
    const account = crm && recordId
      ? matchAccount(byRef.get(`${crm}\u0000${recordId}`) ?? [], orgKey)
      : undefined;
    if (crm && recordId && !account) problems.push({ key: 'import.terms.reason.noAccount' });
    if (problems.length || !account || !end) {
      plan.bad.push({ line: src.line, problems });
      continue;
    }
    const id = termId(account.id, end);
    const first = seen.get(id);
    if (first !== undefined) {
      plan.bad.push({ line: src.line, problems: [{ key: 'import.terms.reason.duplicate', params: { line: first } }] });
      continue;
    }
    seen.set(id, src.line);
    const old = contracts.get(id);
    const term: Contract = {
      ...(old ?? { id, accountId: account.id, createdAt: stamp }), end, updatedAt: stamp,
      ...(start ? { start } : {}), ...(value !== undefined ? { value } : {}), ...(currency ? { currency } : {}),
    };
    delete term.deleted;
    const outcomeId = `${id}-outcome`;
    // One outcome per term: the imported one, else the latest the panel recorded for it (an exported file re-imports unchanged).
    const oldOutcome = outcomes.get(outcomeId) ?? latestTagged.get(id);
    const outcome: RenewalOutcome | undefined = kind && {
      ...(oldOutcome ?? { id: outcomeId, accountId: account.id, createdAt: stamp }), termId: id, kind, date: date ?? oldOutcome?.date ?? end, updatedAt: stamp,
      ...(term.value !== undefined ? { previousArr: term.value } : {}),
      ...(term.currency ? { currency: term.currency } : {}),
      ...(kind === 'churned' ? { newArr: 0 } : newArr !== undefined ? { newArr } : {}),
      ...(symptom ? { symptom } : {}), ...(rootCause ? { rootCause } : {}), ...(notes ? { notes } : {}),
    };
    if (outcome) delete outcome.deleted;
    const unchanged = sameRecord(old, term) && (!outcome || sameRecord(oldOutcome, outcome));
    plan.rows.push({
      line: src.line, action: !old && !oldOutcome ? 'create' : unchanged ? 'unchanged' : 'update',
      account: { id: account.id, name: account.name }, term, ...(outcome ? { outcome } : {}),
      before: { ...(old ? { term: old.updatedAt } : {}), ...(oldOutcome ? { outcome: oldOutcome.updatedAt } : {}) },
    });
  }
  for (const r of plan.rows) plan.counts[r.action]++;
  plan.counts.bad = plan.bad.length;
  plan.canApply = plan.bad.length === 0 && plan.counts.create + plan.counts.update > 0;
  if (!file.rows.length) plan.error = { key: 'import.file.noRows' };
  return plan;
}

export { REQUIRED_TERM_COLUMNS };
