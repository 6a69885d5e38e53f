import { useTr } from '../../../shared/i18n/I18n';
import type { MessageKey } from '../../../shared/i18n';
import { CUSTOMER_SECTIONS, INTERNAL_SECTIONS, sectionOn, type ReportSection, type SectionChoice } from './sections';

/**
 * The report's sections, each switched on or off for the account. Our
 * internal signals sit apart, off until the CSM turns them on.
 */
export function SectionSwitches(props: { choice: SectionChoice | undefined; busy: boolean; onSwitch: (s: ReportSection, on: boolean) => void }) {
  const { t } = useTr();
  const box = (s: ReportSection) => (
    <label key={s} className="check">
      <input
        type="checkbox" checked={sectionOn(props.choice, s)} disabled={props.busy}
        onChange={(e) => props.onSwitch(s, e.target.checked)}
      />
      {t(`report.section.${s}` as MessageKey)}
    </label>
  );
  return (
    <details className="report-sections">
      <summary>{t('report.sections')}</summary>
      <fieldset>
        <legend className="sr-only">{t('report.sections')}</legend>
        {CUSTOMER_SECTIONS.map(box)}
      </fieldset>
      <fieldset>
        <legend>{t('report.sectionsInternal')}</legend>
        {INTERNAL_SECTIONS.map(box)}
      </fieldset>
    </details>
  );
}
