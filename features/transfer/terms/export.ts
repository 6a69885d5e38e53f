import Papa from 'papaparse';
import type { Account } from '../../../data/model/account';
import type { Contract, RenewalOutcome } from '../../../data/model/records';
import { accountTerms, latestOutcomeOf, outcomesByTerm } from '../../../data/model/terms';
import { escapeFormula } from '../import/cells';
import { plainNumber } from '../export/csv';
import { TERM_COLUMNS, type TermColumn } from './columns';

/**
 * Every recorded term as the terms import reads it back: one row per term,
 * with its latest outcome. Terms not recorded yet (an account's current
 * contract before any renewal) are the accounts file's contract columns.
 */
export function termsToCsv(accounts: readonly Account[], contracts: readonly Contract[], outcomes: readonly RenewalOutcome[]): string {
  const rows: string[][] = [];
  const sorted = [...accounts].sort((a, b) => (a.crm === b.crm ? (a.recordId < b.recordId ? -1 : 1) : a.crm < b.crm ? -1 : 1));
  for (const a of sorted) {
    const terms = accountTerms(a, contracts).filter((t) => t.stored);
    const byTerm = outcomesByTerm(accountTerms(a, contracts), outcomes.filter((o) => o.accountId === a.id));
    for (const t of terms) {
      const o = latestOutcomeOf(t, byTerm);
      const cells: Record<TermColumn, string | number | undefined> = {
        crm: a.crm, crm_record_id: escapeFormula(a.recordId), org_key: a.orgKey && escapeFormula(a.orgKey),
        term_start: t.start, term_end: t.end, term_arr: t.value, term_currency: t.currency,
        outcome: o?.kind, outcome_date: o?.date, new_arr: o?.kind === 'churned' ? undefined : o?.newArr, symptom: o?.symptom, root_cause: o?.rootCause, notes: o?.notes && escapeFormula(o.notes),
      };
      rows.push(TERM_COLUMNS.map((c) => {
        const v = cells[c];
        return v === undefined ? '' : typeof v === 'number' ? plainNumber(v) : v;
      }));
    }
  }
  return `\uFEFF${Papa.unparse({ fields: [...TERM_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}
