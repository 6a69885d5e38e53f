import { useEffect, useState, type FormEvent } from 'react';
import { serviceSettingsItem } from '../../engine-settings';
import type { MessageKey } from '../../../shared/i18n';
import {
  CHECKLIST_SECTIONS, customItemId, DEFAULT_SERVICE_SETTINGS, RHYTHMS, ServiceSettingsSchema, validServiceSettings, type ChecklistItem, type ChecklistSection,
  type Rhythm,
} from '../settings';
import { SEGMENTS, type Segment } from '../../../data/model/common';
import { useTr } from '../../../shared/i18n/I18n';
import { useItemLabel } from './VisitForm';
import { FormMessage } from '../../../shared/ui/FormMessage';
import { parseValueLimits, validThresholds, valueLimitRows, type ValueLimitError } from '../../../shared/involvement-thresholds';
import { ValueLimitsField } from './ValueLimitsField';
import { useDraft } from '../../../shared/ui/Unsaved';

type Lines = Record<ChecklistSection, string>;

/**
 * The service-visit checklist template (one item per line per section) and
 * the expectation timing: reset within N days of signing, review with the
 * boss every N months, follow-ups due after N days; and after how many days
 * without use of the product a key person has gone quiet.
 */
export function ServiceSettingsEditor() {
  const { t } = useTr();
  const label = useItemLabel();
  const [stored, setStored] = useState(DEFAULT_SERVICE_SETTINGS);
  const toLines = (s: typeof stored): Lines =>
    Object.fromEntries(CHECKLIST_SECTIONS.map((sec) => [sec, s.checklist[sec].map(label).join('\n')])) as Lines;
  const [lines, setLines] = useState<Lines>(() => toLines(DEFAULT_SERVICE_SETTINGS));
  const [numbers, setNumbers] = useState({
    resetWithinDays: '30', reviewEveryMonths: '3', followUpDays: '7', firstVisitAfterDays: '14', keyPersonQuietDays: '21',
    maxCycleDays: '45', maxImplementationWeeks: '3',
  });
  const [rhythms, setRhythms] = useState<Record<Segment, Rhythm>>(DEFAULT_SERVICE_SETTINGS.rhythms);
  const [limits, setLimits] = useState(() => valueLimitRows(validThresholds(DEFAULT_SERVICE_SETTINGS.involvement).valueLimits));
  const [limitErrors, setLimitErrors] = useState<{ rows: Record<number, ValueLimitError>; missingUsd: boolean }>({ rows: {}, missingUsd: false });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  /** The form's fields as the settings `s` fill them. */
  const formOf = (s: typeof stored) => ({
    lines: toLines(s),
    rhythms: s.rhythms,
    // Settings stored before the table: the single number is the USD threshold, the other currencies their defaults.
    limits: valueLimitRows(validThresholds(s.involvement).valueLimits),
    numbers: {
      resetWithinDays: String(s.resetWithinDays), reviewEveryMonths: String(s.reviewEveryMonths), followUpDays: String(s.followUpDays),
      firstVisitAfterDays: String(s.firstVisitAfterDays), keyPersonQuietDays: String(s.keyPersonQuietDays),
      maxCycleDays: String(s.involvement.maxCycleDays), maxImplementationWeeks: String(s.involvement.maxImplementationWeeks),
    },
  });
  const markSaved = useDraft('checklist-editor-title', t('checklistEditor.title'), { lines, rhythms, limits, numbers }, () => save());
  const show = (s: typeof stored) => {
    const form = formOf(s);
    setStored(s);
    setLines(form.lines);
    setRhythms(form.rhythms);
    setLimits(form.limits);
    setLimitErrors({ rows: {}, missingUsd: false });
    setNumbers(form.numbers);
    markSaved(form);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void serviceSettingsItem.getValue().then((v) => show(validServiceSettings(v))), []);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    // A line that still reads as an existing item keeps that item (and its ticks on past visits).
    const items = (sec: ChecklistSection): ChecklistItem[] =>
      lines[sec].split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
        const same = stored.checklist[sec].find((i) => label(i) === line);
        return same ?? { id: customItemId(line), label: line };
      });
    const table = parseValueLimits(limits);
    if (!table.ok) {
      setLimitErrors({ rows: table.errors, missingUsd: table.missingFallback });
      return setMessage({ ok: false, text: t('checklistEditor.badValueLimits') });
    }
    setLimitErrors({ rows: {}, missingUsd: false });
    const candidate = {
      checklist: Object.fromEntries(CHECKLIST_SECTIONS.map((sec) => [sec, items(sec)])),
      resetWithinDays: Number(numbers.resetWithinDays),
      reviewEveryMonths: Number(numbers.reviewEveryMonths),
      followUpDays: Number(numbers.followUpDays),
      firstVisitAfterDays: Number(numbers.firstVisitAfterDays),
      keyPersonQuietDays: Number(numbers.keyPersonQuietDays),
      rhythms,
      involvement: { maxValue: table.value.USD!, valueLimits: table.value, maxCycleDays: Number(numbers.maxCycleDays), maxImplementationWeeks: Number(numbers.maxImplementationWeeks) },
    };
    const checked = ServiceSettingsSchema.safeParse(candidate);
    if (!checked.success) {
      const at = (field: string) => checked.error.issues.some((i) => i.path[0] === field);
      const key = at('checklist') ? 'checklistEditor.tooLong' : at('keyPersonQuietDays') ? 'checklistEditor.badQuietDays' : 'checklistEditor.badNumber';
      return setMessage({ ok: false, text: t(key) });
    }
    await serviceSettingsItem.setValue(checked.data);
    show(checked.data);
    setMessage({ ok: true, text: t('checklistEditor.saved') });
  };
  const reset = async () => {
    await serviceSettingsItem.setValue(null);
    show(DEFAULT_SERVICE_SETTINGS);
    setMessage({ ok: true, text: t('checklistEditor.saved') });
  };

  return (
    <section className="card" aria-labelledby="checklist-editor-title">
      <h2 id="checklist-editor-title">{t('checklistEditor.title')}</h2>
      <p className="muted">{t('checklistEditor.intro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {CHECKLIST_SECTIONS.map((sec) => (
          <div key={sec} className="field">
            <label htmlFor={`cl-${sec}`}>{t(`checklist.section.${sec}` as MessageKey)}</label>
            <textarea id={`cl-${sec}`} rows={4} value={lines[sec]} onChange={(e) => setLines({ ...lines, [sec]: e.target.value })} />
          </div>
        ))}
        <h3>{t('checklistEditor.rhythms')}</h3>
        {SEGMENTS.map((seg) => (
          <div key={seg} className="field">
            <label htmlFor={`rhythm-${seg}`}>{t(`model.segment.${seg}` as MessageKey)}</label>
            <select id={`rhythm-${seg}`} value={rhythms[seg]} onChange={(e) => setRhythms({ ...rhythms, [seg]: e.target.value as Rhythm })}>
              {RHYTHMS.map((r) => (
                <option key={r} value={r}>{t(`checklistEditor.rhythm.${r}` as MessageKey)}</option>
              ))}
            </select>
          </div>
        ))}
        <h3>{t('checklistEditor.timing')}</h3>
        {(['resetWithinDays', 'reviewEveryMonths', 'followUpDays', 'firstVisitAfterDays', 'keyPersonQuietDays', 'maxCycleDays', 'maxImplementationWeeks'] as const).map((k) => (
          <div key={k} className="field">
            {k === 'keyPersonQuietDays' && <h3>{t('checklistEditor.people')}</h3>}
            {k === 'maxCycleDays' && (
              <>
                <h3>{t('checklistEditor.involvement')}</h3>
                <ValueLimitsField rows={limits} errors={limitErrors.rows} missingUsd={limitErrors.missingUsd} onChange={setLimits} />
              </>
            )}
            <label htmlFor={`svc-${k}`}>{t(`checklistEditor.${k}` as MessageKey)}</label>
            <input id={`svc-${k}`} inputMode="numeric" value={numbers[k]} onChange={(e) => setNumbers({ ...numbers, [k]: e.target.value })}
              aria-describedby={k === 'keyPersonQuietDays' ? 'svc-keyPersonQuietDays-hint' : undefined} />
            {k === 'keyPersonQuietDays' && <p id="svc-keyPersonQuietDays-hint" className="muted small">{t('checklistEditor.keyPersonQuietDaysHint')}</p>}
          </div>
        ))}
        <div className="row">
          <button type="submit" className="primary">{t('checklistEditor.save')}</button>
          <button type="button" onClick={() => void reset()}>{t('checklistEditor.reset')}</button>
        </div>
        <FormMessage message={message} />
      </form>
    </section>
  );
}
