import type { Translator } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import type { PitchAnswer, PitchHold } from '../can-pitch';

/** One reason to hold, in the reader's language. */
export function holdText(h: PitchHold, tr: Translator): string {
  switch (h.code) {
    case 'no_pitch_window': return tr.t('pitch.hold.no_pitch_window', { date: formatDate(h.until, tr.locale) });
    case 'churn_recovery': return tr.t('pitch.hold.churn_recovery');
    case 'health_red': return tr.t(h.byHand ? 'pitch.hold.health_red_byHand' : 'pitch.hold.health_red');
    case 'promises': return tr.t('pitch.hold.promises', { broken: h.broken, atRisk: h.atRisk });
    case 'escalation': return tr.plural('pitch.hold.escalation', h.count);
  }
}

/**
 * "Can I pitch?" in the account's header: go, or hold with every reason.
 * The reasons open under the chip, so a salesperson sees why before asking.
 */
export function PitchChip({ pitch }: { pitch: PitchAnswer }) {
  const tr = useTr();
  const { t } = tr;
  const hold = pitch.answer === 'hold';
  return (
    <details className={`pitch-chip pitch-${pitch.answer}`} data-testid="pitch">
      <summary>
        {t('pitch.label')} <strong data-testid="pitch-answer">{t(hold ? 'pitch.hold' : 'pitch.go')}</strong>
      </summary>
      {hold ? (
        <ul className="pitch-holds">
          {pitch.holds.map((h) => <li key={h.code}>{holdText(h, tr)}</li>)}
        </ul>
      ) : (
        <p className="muted">{t('pitch.goWhy')}</p>
      )}
    </details>
  );
}
