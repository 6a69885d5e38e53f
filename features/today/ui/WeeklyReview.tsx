import { useState } from 'react';
import { recordUrl } from '../../../crm/urls';
import { useTr } from '../../../shared/i18n/I18n';
import { copyText } from '../../../shared/ui/copy';
import { formatDate } from '../../../shared/ui/format';
import { useReview } from '../../../platform/panel/data-client';
import { CtaPlay, usePlays } from '../../use-plays';
import { atRiskLine, groupSummary, itemFacts, ownerName, reviewText } from '../review-text';
import { Unbroken } from '../../../shared/ui/Unbroken';

/**
 * The weekly onboarding risk review, for the team's meeting: each owner's open
 * onboarding CTAs with the ARR at risk, flagged ones first, each account
 * opening its CRM record; the whole review copies as plain text.
 */
export function WeeklyReview() {
  const tr = useTr();
  const { t } = tr;
  const { value: review, error } = useReview();
  const plays = usePlays();
  const [copied, setCopied] = useState<{ ok: boolean; text: string } | null>(null);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!review) return <p className="muted">{t('review.loading')}</p>;
  const copy = async () => {
    const text = reviewText(review, tr);
    setCopied((await copyText(text)) ? { ok: true, text: '' } : { ok: false, text });
  };

  return (
    <section className="card review" aria-labelledby="review-title" data-testid="review">
      <h2 id="review-title">
        {t('review.title')} <span className="muted small">· {t('review.week', { week: review.week, from: formatDate(review.from, tr.locale), to: formatDate(review.to, tr.locale) })}</span>
      </h2>
      <p className="muted small">{t('review.intro')}</p>
      <p className="small" data-testid="review-summary">
        {t('review.summary', { count: review.totals.count, flagged: review.totals.flagged, fresh: review.totals.fresh, closed: review.totals.closed })}
        <br />
        {atRiskLine(review.totals, tr)}
      </p>
      <button type="button" onClick={() => void copy()}>{t('review.copy')}</button>
      {copied?.ok && <p role="status">{t('review.copied')}</p>}
      {copied && !copied.ok && (
        <>
          <p className="error" role="alert">{t('review.copyFailed')}</p>
          <textarea readOnly rows={8} value={copied.text} aria-label={t('review.title')} />
        </>
      )}
      {review.groups.length === 0 ? (
        <p className="muted">{t('review.none')}</p>
      ) : (
        <ol className="today-groups">
          {review.groups.map((g) => (
            <li key={g.owner ?? ''} data-owner={g.owner ?? ''}>
              <h3>
                {ownerName(g, tr)} <span className="muted small" data-testid="review-group-summary">· {groupSummary(g, tr)}</span>
              </h3>
              <ul className="steps">
                {g.items.map((i) => {
                  const url = recordUrl(i.account);
                  return (
                    <li key={i.ctaId} className={i.flagged ? 'overdue' : ''} data-flagged={i.flagged}>
                      {url ? (
                        <a href={url} target="_blank" rel="noreferrer" aria-label={t('today.openRecord', { name: i.account.name })}>{i.account.name}</a>
                      ) : (
                        i.account.name
                      )}
                      {t('review.line.sep')}
                      <span><Unbroken text={i.title} /></span> <span className="muted">· {[...(i.flagged ? [t('review.flagged')] : []), ...itemFacts(i, tr)].join(' · ')}</span>
                      <CtaPlay cause={i.cause} title={i.title} plays={plays} />
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
