import { useState } from 'react';
import { mayOffer, type Identity } from '../../../data/sync/identity';
import type { Handover } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';

export type { Identity };

/**
 * The CSM's decision on a submitted handover: accept it, or send it back with
 * questions. Only a user whose role may decide is offered it; anyone else is
 * told who decides.
 */
export function HandoverDecision({ handover, identity }: { handover: Handover; identity: Identity | undefined }) {
  const { t } = useTr();
  if (mayOffer(identity, 'handovers', 'decide')) return <CsmDecision handover={handover} />;
  return <p className="muted small" data-testid="decision-not-yours">{t('handover.decisionForCsm')}</p>;
}

function CsmDecision({ handover }: { handover: Handover }) {
  const { t } = useTr();
  const [questions, setQuestions] = useState('');
  const [message, setMessage] = useState<FormNote>(null);
  const decide = async (status: 'accepted' | 'returned') => {
    if (status === 'returned' && !questions.trim()) return setMessage({ ok: false, text: t('handover.questionsNeeded') });
    try {
      await putRecordVia('handovers', handover, { status, ...(status === 'returned' ? { questions: questions.trim() } : {}) }, { stamp: ['decidedAt'] });
      setMessage({ ok: true, text: t(status === 'accepted' ? 'handover.accepted' : 'handover.returned') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };
  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('handover.decision')}</h2>
      <p className="muted small">{t('handover.decisionHint')}</p>
      <label htmlFor="ho-questions">{t('handover.questions')}</label>
      <textarea id="ho-questions" rows={3} value={questions} onChange={(e) => setQuestions(e.target.value)} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void decide('accepted')}>{t('handover.accept')}</button>
        <button type="button" onClick={() => void decide('returned')}>{t('handover.sendBack')}</button>
      </div>
      <FormMessage message={message} />
    </section>
  );
}
