import { useCallback, useEffect, useState } from 'react';
import { teamAutomationVia } from '../../../platform/panel/automation-client';
import type { AutomationApi, AutomationRuleView, AutomationView } from '../automation';
import { ruleLanguageOf } from '../rule-inputs';
import { AUTOMATION_RULES } from '../scheduled';
import { NO_TEAM_SERVER } from '../schemas';
import { AutomationRuleForm } from './AutomationRuleForm';
import { useWords } from './words';

type Loaded = { state: 'loading' } | { state: 'none' } | { state: 'unreachable'; message: string } | { state: 'ready'; view: AutomationView };

const ownTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The options page's Automation section (docs/channels.md, automation): the
 * team server's welcome and report-reminder rules. A manager turns each on
 * or off and sets its channel, timing, language and time zone; anyone
 * else reads them. Without a team server it says so. `api` is served by
 * the background, which holds the token.
 */
export function AutomationSettings({
  api = teamAutomationVia,
  timeZone = ownTimeZone(),
  browserLanguage = navigator.language,
}: { api?: AutomationApi; timeZone?: string; browserLanguage?: string }) {
  const { w } = useWords();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  const load = useCallback(async () => {
    setLoaded({ state: 'loading' });
    try {
      setLoaded({ state: 'ready', view: await api.automation() });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setLoaded(message === NO_TEAM_SERVER ? { state: 'none' } : { state: 'unreachable', message });
    }
  }, [api]);
  useEffect(() => void load(), [load]);

  const saved = (rule: AutomationRuleView) =>
    setLoaded((l) => (l.state === 'ready' ? { state: 'ready', view: { ...l.view, rules: [...l.view.rules.filter((r) => r.rule !== rule.rule), rule] } } : l));

  return (
    <section className="card" aria-labelledby="automation-title" data-testid="automation-settings">
      <h2 id="automation-title">{w('channels.automation.title')}</h2>
      <p className="muted">{w('channels.automation.intro')}</p>
      {loaded.state === 'loading' && <p className="muted">{w('channels.automation.loading')}</p>}
      {loaded.state === 'none' && <p role="status">{w('channels.automation.noServer')}</p>}
      {loaded.state === 'unreachable' && (
        <p role="alert">
          {w('channels.automation.unreachable', { message: loaded.message })}{' '}
          <button type="button" className="link" onClick={() => void load()}>{w('channels.automation.retry')}</button>
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          {/* Without a known role the form is offered: the server decides, and its refusal is shown. */}
          {loaded.view.role !== null && loaded.view.role !== 'manager' && <p role="note">{w('channels.automation.readOnly')}</p>}
          {loaded.view.channels.length === 0 && <p className="muted">{w('channels.automation.noChannels')}</p>}
          {AUTOMATION_RULES.map((rule) => (
            <AutomationRuleForm
              key={rule}
              rule={rule}
              current={loaded.view.rules.find((r) => r.rule === rule)}
              channels={loaded.view.channels}
              editable={loaded.view.role === null || loaded.view.role === 'manager'}
              api={api}
              timeZone={timeZone}
              language={ruleLanguageOf(browserLanguage)}
              onSaved={saved}
            />
          ))}
        </>
      )}
    </section>
  );
}
