import { useEffect, useState, type FormEvent } from 'react';
import { SEGMENTS, type Segment } from '../../../data/model/common';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { useDraft } from '../../../shared/ui/Unsaved';
import { onboardingTemplatesItem } from '../settings-item';
import { DEFAULT_ONBOARDING, validTemplates, type OnboardingTemplate, type OnboardingTemplates } from '../template';
import { parseTemplateText, templateText } from '../template-text';

type Which = 'default' | Segment;
const WHICH: readonly Which[] = ['default', ...SEGMENTS];

/** One template as the form holds it: text everywhere. */
interface Draft {
  own: boolean;
  milestones: string;
  keyName: string;
  keyEvent: string;
  timesPerWeek: string;
  weeks: string;
}

/**
 * Options: the onboarding template of every account and, per segment, its own
 * (milestone days and titles, the key action and its frequency). A segment
 * without its own template follows the default one.
 */
export function OnboardingTemplatesEditor() {
  const tr = useTr();
  const { t } = tr;
  const [drafts, setDrafts] = useState<Record<Which, Draft> | null>(null);
  const [which, setWhich] = useState<Which>('default');
  const [warning, setWarning] = useState<string | null>(null);
  const [message, setMessage] = useState<FormNote>(null);
  const label = (w: Which) => (w === 'default' ? t('onboarding.templates.default') : t(`model.segment.${w}` as MessageKey));

  useEffect(() => {
    void onboardingTemplatesItem.getValue().then((stored) => {
      const { templates, unreadable } = validTemplates(stored);
      const draftOf = (tpl: OnboardingTemplate | undefined, own: boolean): Draft => {
        const shown = tpl ?? templates.default ?? DEFAULT_ONBOARDING;
        return {
          own, milestones: templateText(shown.milestones, tr), keyName: shown.keyAction?.name ?? '', keyEvent: shown.keyAction?.event ?? '',
          timesPerWeek: String(shown.keyAction?.timesPerWeek ?? 1), weeks: String(shown.keyAction?.weeks ?? 4),
        };
      };
      const loaded = Object.fromEntries(WHICH.map((w) => [w, draftOf(templates[w], w === 'default' || !!templates[w])])) as Record<Which, Draft>;
      setDrafts(loaded);
      markSaved(loaded);
      if (unreadable.length) setWarning(t('onboarding.templates.unreadable', { which: unreadable.map((w) => (w === '*' ? '*' : label(w as Which))).join(', ') }));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tr.locale]);
  const markSaved = useDraft('onboarding-templates-title', t('onboarding.templates.title'), drafts, () => save());
  if (!drafts) return null;
  const draft = drafts[which];
  const patch = (p: Partial<Draft>) => setDrafts({ ...drafts, [which]: { ...draft, ...p } });

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    const out: OnboardingTemplates = {};
    for (const w of WHICH) {
      const d = drafts[w];
      if (!d.own) continue;
      const parsed = parseTemplateText(d.milestones);
      const segment = label(w);
      if ('problem' in parsed) {
        setWhich(w);
        return setMessage({ ok: false, text: t(`onboarding.templates.problem.${parsed.problem}`, { segment, line: 'line' in parsed ? parsed.line : 0 }) });
      }
      const times = Number(d.timesPerWeek.trim());
      const weeks = Number(d.weeks.trim());
      if (!/^\d+$/.test(d.timesPerWeek.trim()) || !/^\d+$/.test(d.weeks.trim()) || times < 1 || times > 1000 || weeks < 1 || weeks > 12) {
        setWhich(w);
        return setMessage({ ok: false, text: t('onboarding.templates.problem.frequency', { segment }) });
      }
      const name = d.keyName.trim().slice(0, 200);
      const event = d.keyEvent.trim().slice(0, 200);
      out[w] = { milestones: parsed.milestones, keyAction: { ...(name ? { name } : {}), ...(event ? { event } : {}), timesPerWeek: times, weeks } };
    }
    await onboardingTemplatesItem.setValue(out);
    markSaved(drafts);
    setWarning(null);
    setMessage({ ok: true, text: t('onboarding.templates.saved') });
  };

  return (
    <section className="card" aria-labelledby="onboarding-templates-title">
      <h2 id="onboarding-templates-title">{t('onboarding.templates.title')}</h2>
      <p className="muted">{t('onboarding.templates.intro')}</p>
      {warning && <p className="error" role="alert">{warning}</p>}
      <form onSubmit={(e) => void save(e)} noValidate>
        <label htmlFor="ot-which">{t('onboarding.templates.segment')}</label>
        <select id="ot-which" value={which} onChange={(e) => setWhich(e.target.value as Which)}>
          {WHICH.map((w) => <option key={w} value={w}>{label(w)}</option>)}
        </select>
        {which !== 'default' && (
          <label>
            <input type="checkbox" checked={draft.own} onChange={(e) => patch({ own: e.target.checked })} /> {t('onboarding.templates.own')}
          </label>
        )}
        <fieldset disabled={!draft.own}>
          <label htmlFor="ot-milestones">{t('onboarding.templates.milestones')}</label>
          <textarea id="ot-milestones" rows={6} value={draft.milestones} onChange={(e) => patch({ milestones: e.target.value })} />
          <label htmlFor="ot-key-name">{t('onboarding.templates.keyName')}</label>
          <input id="ot-key-name" value={draft.keyName} onChange={(e) => patch({ keyName: e.target.value })} />
          <label htmlFor="ot-key-event">{t('onboarding.templates.keyEvent')}</label>
          <input id="ot-key-event" value={draft.keyEvent} onChange={(e) => patch({ keyEvent: e.target.value })} />
          <label htmlFor="ot-times">{t('onboarding.templates.timesPerWeek')}</label>
          <input id="ot-times" inputMode="numeric" value={draft.timesPerWeek} onChange={(e) => patch({ timesPerWeek: e.target.value })} />
          <label htmlFor="ot-weeks">{t('onboarding.templates.weeks')}</label>
          <input id="ot-weeks" inputMode="numeric" value={draft.weeks} onChange={(e) => patch({ weeks: e.target.value })} />
        </fieldset>
        <button type="submit" className="primary">{t('onboarding.templates.save')}</button>
        <FormMessage message={message} />
      </form>
    </section>
  );
}
