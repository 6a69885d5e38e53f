import type { HealthInputs } from '../../../data/model/records';

/**
 * The columns of an accounts file, in the order export writes them. Each has a
 * canonical (English, snake_case) header and aliases, English and Chinese, so a
 * sheet kept in either language imports without renaming its headers.
 */
export const COLUMNS = [
  'crm', 'crm_record_id', 'org_key', 'name', 'owner', 'csm', 'segment', 'arr', 'currency',
  'contract_start', 'contract_end', 'signed_at', 'health_as_of',
  'active_user_rate', 'core_feature_adoption', 'module_breadth', 'tickets_90d', 'ticket_resolution_hours', 'training_rate', 'nps', 'outcome_attainment',
] as const;
export type ColumnKey = (typeof COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['crm', 'crm_record_id', 'name', 'contract_end'];

/** Free-text columns: the only ones export guards against formula injection and import unguards. */
export const TEXT_COLUMNS: readonly ColumnKey[] = ['crm_record_id', 'org_key', 'name', 'owner', 'csm'];

/** Health input columns and the HealthInputs field each fills, with its allowed range. */
export const HEALTH_COLUMNS = {
  active_user_rate: { field: 'activeUserRate', min: 0, max: 100, int: false },
  core_feature_adoption: { field: 'coreFeatureAdoption', min: 0, max: 100, int: false },
  module_breadth: { field: 'moduleBreadth', min: 0, max: 100, int: false },
  tickets_90d: { field: 'tickets90d', min: 0, max: 1_000_000, int: true },
  ticket_resolution_hours: { field: 'ticketResolutionHours', min: 0, max: 100_000, int: false },
  training_rate: { field: 'trainingRate', min: 0, max: 100, int: false },
  nps: { field: 'nps', min: -100, max: 100, int: false },
  outcome_attainment: { field: 'outcomeAttainment', min: 0, max: 200, int: false },
} as const satisfies Partial<Record<ColumnKey, { field: keyof HealthInputs; min: number; max: number; int: boolean }>>;
export type HealthColumn = keyof typeof HEALTH_COLUMNS;
export const isHealthColumn = (c: ColumnKey): c is HealthColumn => c in HEALTH_COLUMNS;

/** Aliases besides the canonical name; compared after normaliseHeader. */
export const ALIASES: Record<ColumnKey, readonly string[]> = {
  crm: ['crm_type', 'crm_system', 'crm类型', 'crm系统'],
  crm_record_id: ['record_id', 'crm_id', '记录id', 'crm记录id', '记录编号'],
  org_key: ['org', 'org_id', 'tenant', '组织', '组织标识', '租户'],
  name: ['account_name', 'account', 'customer', '客户名称', '客户名', '公司名称', '账户名称', '账户名'],
  owner: ['account_owner', '负责人', '所有人', '客户负责人'],
  csm: ['customer_success_manager', '客户成功经理', '客户成功'],
  segment: ['tier', '客户分层', '分层', '客户分级'],
  arr: ['annual_value', 'annual_recurring_revenue', '年度合同额', '年合同额'],
  currency: ['币种', '货币'],
  contract_start: ['contract_start_date', 'start_date', '合同开始日', '合同开始日期', '合同起始日'],
  contract_end: ['contract_end_date', 'end_date', '合同到期日', '合同到期日期', '合同结束日', '到期日'],
  signed_at: ['signed_date', 'signed_on', '签约日期', '签约日'],
  health_as_of: ['health_date', 'as_of', '健康数据日期', '数据日期'],
  active_user_rate: ['活跃用户比例', '活跃用户率'],
  core_feature_adoption: ['核心功能使用率', '核心功能采用率'],
  module_breadth: ['模块使用广度', '模块广度'],
  tickets_90d: ['tickets', '90天工单数', '近90天工单数', '工单数'],
  ticket_resolution_hours: ['resolution_hours', 'ticket_resolution_time', '工单解决时长（小时）', '工单解决时长', '工单解决小时数'],
  training_rate: ['培训参与率', '培训率'],
  nps: ['净推荐值'],
  outcome_attainment: ['业务目标达成率', '目标达成率'],
};

/** Case, width, surrounding space, inner spaces and hyphens do not matter: "Contract End" and "ＣＯＮＴＲＡＣＴ　ＥＮＤ" are contract_end. */
export function normaliseHeader(raw: string): string {
  return raw.replace(/^\uFEFF/, '').normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

const BY_NAME = new Map<string, ColumnKey>();
for (const key of COLUMNS) {
  BY_NAME.set(key, key);
  for (const alias of ALIASES[key]) BY_NAME.set(normaliseHeader(alias), key);
}

/** The column a header names, or undefined for a column Account Lens does not know. */
export const columnOf = (header: string): ColumnKey | undefined => BY_NAME.get(normaliseHeader(header));

export interface HeaderMapOf<K extends string> {
  /** Cell index → column, for the known columns only. */
  index: Map<number, K>;
  /** The header as the file writes it, so reasons name what the user sees. */
  label: Partial<Record<K, string>>;
  unknown: string[];
  missing: K[];
  /** Two headers naming one column: which would win is a guess, so the file is refused. */
  duplicate?: { first: string; second: string };
}
export type HeaderMap = HeaderMapOf<ColumnKey>;

export const resolveHeaders = (headers: readonly string[]): HeaderMap => resolveHeadersWith(headers, columnOf, REQUIRED_COLUMNS);

/** Maps a header line onto the columns `columnOf` knows; `required` are those a file must have. */
export function resolveHeadersWith<K extends string>(headers: readonly string[], columnOf: (h: string) => K | undefined, required: readonly K[]): HeaderMapOf<K> {
  const map: HeaderMapOf<K> = { index: new Map(), label: {}, unknown: [], missing: [] };
  headers.forEach((raw, i) => {
    const header = raw.replace(/^\uFEFF/, '').trim();
    const key = columnOf(header);
    if (!key) {
      map.unknown.push(header || `#${i + 1}`);
      return;
    }
    const seen = map.label[key];
    if (seen !== undefined) {
      map.duplicate ??= { first: seen, second: header };
      return;
    }
    map.index.set(i, key);
    map.label[key] = header;
  });
  map.missing = required.filter((c) => map.label[c] === undefined);
  return map;
}
