import { useMemo } from 'react';
import { RULE_LANGUAGES, suggestedTimeZones, type RuleLanguage } from '../rule-inputs';
import { useWords } from './words';

interface Props {
  /** The form's field id prefix (each rule's own). */
  idPrefix: string;
  language: RuleLanguage;
  onLanguage: (language: RuleLanguage) => void;
  zone: string;
  onZone: (zone: string) => void;
  /** The zone the server holds for the rule, suggested even if the browser does not list it. */
  storedZone: string | undefined;
}

/**
 * A rule's language (the messages' language when the account's service
 * plan does not set one) and the team's time zone (which day and hour it
 * is for the rule), typed or picked from the zones the browser knows.
 */
export function RuleSettingsFields({ idPrefix, language, onLanguage, zone, onZone, storedZone }: Props) {
  const { w } = useWords();
  const zones = useMemo(() => suggestedTimeZones(storedZone ? [storedZone] : []), [storedZone]);
  const listId = `${idPrefix}-zones`;
  return (
    <>
      <p>
        <label htmlFor={`${idPrefix}-language`}>{w('channels.automation.language')}</label>{' '}
        <select id={`${idPrefix}-language`} value={language} onChange={(e) => onLanguage(e.target.value as RuleLanguage)}>
          {RULE_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>{w(`channels.automation.language.${l}`)}</option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={`${idPrefix}-zone`}>{w('channels.automation.timeZone')}</label>{' '}
        <input id={`${idPrefix}-zone`} list={listId} size={24} autoComplete="off" spellCheck={false} value={zone} onChange={(e) => onZone(e.target.value)} />
        <datalist id={listId}>
          {zones.map((z) => <option key={z} value={z} />)}
        </datalist>
      </p>
    </>
  );
}
