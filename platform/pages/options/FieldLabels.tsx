import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { DEFAULT_FIELD_LABELS, type LabelSets } from '../../../crm/fields';
import type { FieldKey } from '../../../crm/types';
import { fieldLabelsItem } from '../../../shared/settings';
import { labelList } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { useDraft } from '../../../shared/ui/Unsaved';

const KEYS: FieldKey[] = ['owner', 'contractEnd', 'annualValue'];
const split = (s: string) => labelList(s).slice(0, 20);

/** Options: labels under which CRM pages show owner, contract end and annual value, on top of the defaults. */
export function FieldLabels() {
  const { t } = useTr();
  const [draft, setDraft] = useState<Record<FieldKey, string>>({ owner: '', contractEnd: '', annualValue: '' });
  const [status, setStatus] = useState('');
  useEffect(() => {
    void fieldLabelsItem.getValue().then((v: LabelSets) => {
      const loaded = { owner: (v.owner ?? []).join(', '), contractEnd: (v.contractEnd ?? []).join(', '), annualValue: (v.annualValue ?? []).join(', ') };
      setDraft(loaded);
      markSaved(loaded);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const markSaved = useDraft('labels-title', t('labels.title'), draft, () => save());
  const save = async () => {
    await fieldLabelsItem.setValue({ owner: split(draft.owner), contractEnd: split(draft.contractEnd), annualValue: split(draft.annualValue) });
    await browser.runtime.sendMessage({ type: 'config/changed' });
    markSaved(draft);
    setStatus(t('labels.saved'));
  };
  return (
    <section className="card" aria-labelledby="labels-title">
      <h2 id="labels-title">{t('labels.title')}</h2>
      <p className="muted">{t('labels.hint')}</p>
      {KEYS.map((key) => (
        <div key={key} className="field">
          <label htmlFor={`labels-${key}`}>{t(`labels.${key}`)}</label>
          <input id={`labels-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
          <p className="muted small">{t('labels.defaults', { labels: DEFAULT_FIELD_LABELS[key].join(', ') })}</p>
        </div>
      ))}
      <button type="button" className="primary" onClick={() => void save()}>{t('labels.save')}</button>
      <p role="status" aria-live="polite">{status}</p>
    </section>
  );
}
