import { normaliseHeader, resolveHeadersWith, type HeaderMapOf } from '../import/columns';

/**
 * The columns of a terms file: one row per contract term of an account, with
 * how it ended, so renewal history (and a backtest) has data on day one. A
 * file is a terms file when its header names `term_end`; its accounts must
 * already be stored (import the accounts file first).
 */
export const TERM_COLUMNS = [
  'crm', 'crm_record_id', 'org_key', 'term_start', 'term_end', 'term_arr', 'term_currency',
  'outcome', 'outcome_date', 'new_arr', 'symptom', 'root_cause', 'notes',
] as const;
export type TermColumn = (typeof TERM_COLUMNS)[number];
export const REQUIRED_TERM_COLUMNS: readonly TermColumn[] = ['crm', 'crm_record_id', 'term_end'];

const TERM_ALIASES: Record<TermColumn, readonly string[]> = {
  crm: ['crm_type', 'crm_system', 'crm类型', 'crm系统'],
  crm_record_id: ['record_id', 'crm_id', '记录id', 'crm记录id', '记录编号'],
  org_key: ['org', 'org_id', 'tenant', '组织', '组织标识', '租户'],
  term_start: ['term_start_date', '合同期开始日', '本期开始日'],
  term_end: ['term_end_date', '合同期到期日', '本期到期日'],
  term_arr: ['term_value', 'term_annual_value', '本期合同额', '本期年合同额'],
  term_currency: ['本期币种'],
  outcome: ['renewal_outcome', '续约结果', '结果'],
  outcome_date: ['outcome_on', '结果日期'],
  new_arr: ['renewed_arr', '续约后合同额', '新合同额'],
  symptom: ['churn_symptom', '流失表象', '表象'],
  root_cause: ['churn_root_cause', '流失根因', '根因'],
  notes: ['note', '备注'],
};

const BY_NAME = new Map<string, TermColumn>();
for (const key of TERM_COLUMNS) {
  BY_NAME.set(key, key);
  for (const alias of TERM_ALIASES[key]) BY_NAME.set(normaliseHeader(alias), key);
}
export const termColumnOf = (header: string): TermColumn | undefined => BY_NAME.get(normaliseHeader(header));
export const resolveTermHeaders = (headers: readonly string[]): HeaderMapOf<TermColumn> => resolveHeadersWith(headers, termColumnOf, REQUIRED_TERM_COLUMNS);

/** Whether a CSV header line (or a JSON item's keys) is a terms file's. */
export const isTermsHeader = (headers: readonly string[]): boolean => headers.some((h) => termColumnOf(h) === 'term_end');

/** Outcome values, and the Chinese words a sheet may use for them. */
export const OUTCOME_WORDS: Record<string, 'renewed' | 'churned' | 'will_not_renew'> = {
  renewed: 'renewed', churned: 'churned', will_not_renew: 'will_not_renew', '续约': 'renewed', '已续约': 'renewed', '流失': 'churned', '不续约': 'will_not_renew',
};
