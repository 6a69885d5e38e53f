import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { retentionBy, type BreakdownBy, type ExchangeRates, type RenewalEvent, type Retention, type RetentionFigures } from '../metrics';
import { PERIOD_KINDS, periodsOf, type Period, type PeriodKind } from '../periods';
import { useTr } from '../../../shared/i18n/I18n';
import { pct, Tiles } from './MetricsTiles';

const BREAKDOWNS = ['owner', 'csm', 'segment'] as const;

/** One line per currency: "USD 95.2%" (no code for terms without a currency). */
function PerCurrency({ figures, pick, name }: { figures: RetentionFigures; pick: (r: Retention) => number | null; name: string }) {
  const { t } = useTr();
  const codes = Object.keys(figures.byCurrency).sort();
  if (codes.length === 0) return <>—</>;
  return (
    <>
      {codes.map((c) => (
        <span key={c} className="per-currency" data-testid={`${name}-${c || 'none'}`}>
          {c || t('portfolio.noCurrency')} {pct(pick(figures.byCurrency[c]!))}
        </span>
      ))}
      {figures.converted && (
        <span className="per-currency converted" data-testid={`${name}-converted`}>
          {t('portfolio.converted', { currency: figures.converted.currency, value: pct(pick(figures.converted)) })}
        </span>
      )}
    </>
  );
}

/**
 * Renewal rate, GRR and NRR for a month, quarter, year or the last twelve
 * months: per currency (converted only with the person's own rates), terms
 * ended with no outcome counted apart and kept in the denominator, and the
 * same figures per owner, CSM or segment.
 */
export function RetentionSection(props: {
  events: readonly RenewalEvent[];
  today: string;
  rates: ExchangeRates | null;
  period: Period;
  onPeriod: (p: Period) => void;
  retention: RetentionFigures;
}) {
  const tr = useTr();
  const { t } = tr;
  const { period, retention: r } = props;
  const [by, setBy] = useState<BreakdownBy>('owner');
  const offered = useMemo(() => periodsOf(period.kind, props.today), [period.kind, props.today]);
  const groups = useMemo(() => retentionBy(props.events, by, period, props.rates), [props.events, by, period, props.rates]);
  const label = (p: Period) => (p.kind === 'last12' ? t('portfolio.period.last12') : p.key);
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">
        {t('portfolio.retention')}{' '}
        <select aria-label={t('portfolio.periodKind')} value={period.kind} onChange={(e) => props.onPeriod(periodsOf(e.target.value as PeriodKind, props.today)[0]!)}>
          {PERIOD_KINDS.map((k) => <option key={k} value={k}>{t(`portfolio.periodKind.${k}` as MessageKey)}</option>)}
        </select>{' '}
        {period.kind !== 'last12' && (
          <select aria-label={t('portfolio.period')} value={period.key} onChange={(e) => props.onPeriod(offered.find((p) => p.key === e.target.value)!)}>
            {offered.map((p) => <option key={p.key} value={p.key}>{label(p)}</option>)}
          </select>
        )}
      </h2>
      <Tiles
        tiles={[
          {
            id: 'renewalRate',
            value: pct(r.total.customerRenewalRate),
            sub: t('portfolio.metric.outcomes', { renewed: r.total.renewed, churned: r.total.churned, notRecorded: r.total.notRecorded }),
          },
          { id: 'notRecorded', value: <span data-testid="not-recorded">{r.total.notRecorded}</span>, sub: t('portfolio.metric.ofTerms', { n: r.total.customers }) },
          { id: 'grr', value: <PerCurrency figures={r} pick={(x) => x.grr} name="grr" /> },
          { id: 'nrr', value: <PerCurrency figures={r} pick={(x) => x.nrr} name="nrr" /> },
        ]}
      />
      {r.missing.length > 0 && <p className="muted small" role="note">{t('portfolio.missingRates', { codes: r.missing.map((c) => c || t('portfolio.noCurrency')).join(', ') })}</p>}
      {r.total.withoutArr > 0 && <p className="muted small">{tr.plural('portfolio.withoutArr', r.total.withoutArr)}</p>}
      <details className="breakdown">
        <summary>{t('portfolio.breakdown')}</summary>
        <select aria-label={t('portfolio.breakdownBy')} value={by} onChange={(e) => setBy(e.target.value as BreakdownBy)}>
          {BREAKDOWNS.map((b) => <option key={b} value={b}>{t(`portfolio.col.${b}` as MessageKey)}</option>)}
        </select>
        <table className="breakdown-table">
          <thead>
            <tr>
              <th scope="col">{t(`portfolio.col.${by}` as MessageKey)}</th>
              <th scope="col">{t('portfolio.metric.renewalRate')}</th>
              <th scope="col">{t('portfolio.metric.notRecorded')}</th>
              <th scope="col">{t('portfolio.metric.grr')}</th>
              <th scope="col">{t('portfolio.metric.nrr')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map(({ group, figures }) => (
              <tr key={group}>
                <th scope="row">{group === '' ? t('portfolio.none') : by === 'segment' ? t(`model.segment.${group}` as MessageKey) : group}</th>
                <td>{pct(figures.total.customerRenewalRate)} <span className="muted small">({figures.total.renewed}/{figures.total.customers})</span></td>
                <td>{figures.total.notRecorded}</td>
                <td><PerCurrency figures={figures} pick={(x) => x.grr} name={`grr-${group}`} /></td>
                <td><PerCurrency figures={figures} pick={(x) => x.nrr} name={`nrr-${group}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        {groups.length === 0 && <p className="muted small">{t('portfolio.noTerms')}</p>}
      </details>
    </section>
  );
}
