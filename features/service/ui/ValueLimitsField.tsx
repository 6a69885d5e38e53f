import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import type { ValueLimitError, ValueLimitRow } from '../../../shared/involvement-thresholds';

/**
 * The deal value under which CS joins after close, one row per currency
 * (ISO 4217 code and amount). USD is also the threshold for an amount whose
 * currency the page does not show; an amount in a currency with no row is
 * not compared with any.
 */
export function ValueLimitsField({ rows, errors, missingUsd, onChange }: {
  rows: ValueLimitRow[];
  errors: Record<number, ValueLimitError>;
  missingUsd: boolean;
  onChange: (rows: ValueLimitRow[]) => void;
}) {
  const { t } = useTr();
  const set = (i: number, patch: Partial<ValueLimitRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="value-limits" aria-describedby="svc-value-limits-note" data-testid="value-limits">
      <legend>{t('checklistEditor.maxValue')}</legend>
      <p id="svc-value-limits-note" className="muted small">{t('checklistEditor.valueLimitsNote')}</p>
      {rows.map((row, i) => (
        <div key={i} className="row">
          <input aria-label={t('checklistEditor.valueLimitCurrency', { n: i + 1 })} value={row.currency} maxLength={3} size={4}
            onChange={(e) => set(i, { currency: e.target.value })} aria-invalid={errors[i] === 'currency' || errors[i] === 'duplicate' ? true : undefined} />
          <input aria-label={t('checklistEditor.valueLimitAmount', { n: i + 1 })} inputMode="decimal" value={row.amount}
            onChange={(e) => set(i, { amount: e.target.value })} aria-invalid={errors[i] === 'amount' ? true : undefined} />
          <button type="button" className="link" aria-label={t('checklistEditor.valueLimitRemove', { n: i + 1 })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}>×</button>
          {errors[i] && <span className="error" data-testid={`value-limit-error-${i}`}>{t(`checklistEditor.valueLimitError.${errors[i]}` as MessageKey)}</span>}
        </div>
      ))}
      <button type="button" className="link" onClick={() => onChange([...rows, { currency: '', amount: '' }])}>{t('checklistEditor.valueLimitAdd')}</button>
      {missingUsd && <p className="error" data-testid="value-limit-missing-usd">{t('checklistEditor.valueLimitNeedUsd')}</p>}
    </fieldset>
  );
}
