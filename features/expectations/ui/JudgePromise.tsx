import type { MessageKey } from '../../../shared/i18n';
import type { PromiseRecord } from '../../../data/model/records';
import { useTr } from '../../../shared/i18n/I18n';

/** The judgements a CSM gives a promise not yet assessed, in the order offered. */
export const JUDGEMENTS = ['yes', 'partly', 'no'] as const satisfies readonly PromiseRecord['deliverable'][];
export type Judgement = (typeof JUDGEMENTS)[number];

/**
 * A promise made in the sale is not yet assessed until the CSM judges it:
 * its state, and one click to say whether it can be delivered.
 */
export function JudgePromise({ promise, onJudge }: { promise: Pick<PromiseRecord, 'text'>; onJudge: (deliverable: Judgement) => void }) {
  const { t } = useTr();
  const text = promise.text.slice(0, 40);
  return (
    <div className="row judge" role="group" aria-label={t('promises.judgeOf', { text })}>
      <span className="chip" data-testid="not-assessed">{t('promises.notAssessed')}</span>
      {JUDGEMENTS.map((d) => (
        <button key={d} type="button" aria-label={t(`promises.judgeAs.${d}` as MessageKey, { text })} onClick={() => onJudge(d)}>
          {t(`promises.judge.${d}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}
