import type { MessageKey } from '../../../shared/i18n';
import type { RenewalOutcome } from '../../../data/model/records';
import type { Term } from '../../../data/model/terms';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate, formatMoney } from '../../../shared/ui/format';

/** The account's earlier terms, newest first, each with its latest outcome (and the earlier ones it replaced). */
export function TermHistory({ terms, byTerm }: { terms: readonly Term[]; byTerm: Map<string, RenewalOutcome[]> }) {
  const tr = useTr();
  const { t } = tr;
  if (!terms.length) return null;
  return (
    <details className="term-history" data-testid="term-history">
      <summary>{t('renewal.terms.title')} ({terms.length})</summary>
      <ul>
        {[...terms].reverse().map((term) => {
          const outcomes = byTerm.get(term.id) ?? [];
          const done = Object.keys(term.planDone).length;
          return (
            <li key={term.id} data-testid={`term-${term.end}`}>
              <strong>{t('renewal.terms.period', { start: term.start ? formatDate(term.start, tr.locale) : '…', end: formatDate(term.end, tr.locale) })}</strong>
              {term.value !== undefined && <> · {formatMoney(term.value, term.currency, tr.locale)}</>}
              {' · '}
              {outcomes.length === 0 ? (
                <span className="muted">{t('renewal.terms.noOutcome')}</span>
              ) : (
                outcomes.map((o, i) => (
                  <span key={o.id} className={i === 0 ? 'outcome-latest' : 'muted outcome-earlier'}>
                    {i > 0 && ' ← '}
                    {t(`outcome.kind.${o.kind}` as MessageKey)} {formatDate(o.date, tr.locale)}
                    {o.rootCause && <> ({t(`outcome.cause.${o.rootCause}` as MessageKey)})</>}
                  </span>
                ))
              )}
              {done > 0 && <span className="muted"> · {t('renewal.terms.plan', { n: done })}</span>}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
