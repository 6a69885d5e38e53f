import type { MessageKey, Translator } from '../../../shared/i18n';
import type { FieldChange, ImportPlan, PlannedRow, Problem } from './types';

/** Prose for the preview, in the user's language: features/transfer/import itself only yields keys. */
export const describeProblem = ({ t }: Translator, p: Problem): string => t(p.key, p.params);

const shown = (t: Translator['t'], v: string | number | undefined) => (v === undefined || v === '' ? t('import.none') : String(v));

export function describeChange({ t }: Translator, c: FieldChange): string {
  const field = t(`import.field.${c.column}` as MessageKey);
  if (c.column === 'health_as_of') return t('import.changeHealth', { date: String(c.to) });
  const params = { field, from: shown(t, c.from), to: shown(t, c.to) };
  return c.asOf ? t('import.changeInput', { ...params, date: c.asOf }) : t('import.change', params);
}

export function describeRow(tr: Translator, row: PlannedRow): string {
  if (row.action === 'update') return row.changes.map((c) => describeChange(tr, c)).join('; ');
  if (row.action === 'create') return row.snapshots.map((s) => tr.t('import.changeHealth', { date: s.asOf })).join('; ');
  return '';
}

/** The rows the preview lists: what would be written, in file order, at most `limit`. */
export function plannedChanges(plan: ImportPlan, limit: number): { shown: PlannedRow[]; total: number } {
  const changes = plan.rows.filter((r) => r.action !== 'unchanged');
  return { shown: changes.slice(0, limit), total: changes.length };
}
