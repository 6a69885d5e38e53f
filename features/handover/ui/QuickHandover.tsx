import { useState, type FormEvent } from 'react';
import { handoverId } from '..';
import type { Account } from '../../../data/model/account';
import type { Handover } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

/**
 * A handover started from the toolbar right after the deal closes: what was
 * bought, the outcome the customer expects, what was promised. Saved as a
 * draft the salesperson completes in the panel later.
 */
export function QuickHandover({ account, handovers }: { account: Account; handovers: Handover[] }) {
  const { t } = useTr();
  const existing = [...handovers].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const [bought, setBought] = useState(existing?.bought?.products ?? '');
  const [outcome, setOutcome] = useState(existing?.outcomes?.[0] ?? '');
  const [promises, setPromises] = useState((existing?.promises ?? []).join('\n'));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const locked = existing && existing.status !== 'draft' && existing.status !== 'returned';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!bought.trim() && !outcome.trim() && !promises.trim()) return setMessage({ ok: false, text: t('quick.empty') });
    const outcomes = [outcome.trim(), ...(existing?.outcomes ?? []).slice(1)].filter(Boolean);
    const fields: Partial<Handover> = {
      ...(existing ? {} : { status: 'draft' as const, origin: 'quick' as const }),
      bought: { ...existing?.bought, ...(bought.trim() ? { products: bought.trim() } : {}) },
      ...(outcomes.length ? { outcomes } : {}),
      ...(lines(promises).length ? { promises: lines(promises) } : {}),
    };
    try {
      await putRecordVia('handovers', existing ?? { id: handoverId(account.id), accountId: account.id }, fields);
      setMessage({ ok: true, text: t('quick.saved') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  if (locked) return <p>{t('quick.locked', { status: t(`handover.status.${existing.status}` as MessageKey) })}</p>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('quick.title')}>
      <label htmlFor="qh-bought">{t('quick.bought')}</label>
      <input id="qh-bought" value={bought} onChange={(e) => setBought(e.target.value)} placeholder={t('quick.boughtHint')} />
      <label htmlFor="qh-outcome">{t('quick.outcome')}</label>
      <input id="qh-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} placeholder={t('quick.outcomeHint')} />
      <label htmlFor="qh-promises">{t('quick.promises')}</label>
      <textarea id="qh-promises" rows={3} value={promises} onChange={(e) => setPromises(e.target.value)} placeholder={t('quick.promisesHint')} />
      <button type="submit" className="primary">{t('quick.save')}</button>
      <FormMessage message={message} />
    </form>
  );
}
