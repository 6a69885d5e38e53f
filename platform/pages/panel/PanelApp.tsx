import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { currentHealth } from '../../../features/health/current';
import { activeOverride, withOverride } from '../../../features/health/override';
import { BandOverride } from '../../../features/health/ui/BandOverride';
import { canPitch } from '../../../features/renewal/can-pitch';
import { TeamDelivery } from './TeamDelivery';
import { useHealthReadings } from '../../../features/use-health-readings';
import { localDate } from '../../../shared/dates/local-date';
import { useAccount, useRecords } from '../../panel/data-client';
import { followTab } from '../../panel/follow-tab';
import { TodayList } from '../../../features/today/ui/TodayList';
import { usePanelStore } from '../../panel/store';
import { AccountCard } from './AccountCard';
import { AddAccountForm } from './AddAccountForm';
import { useTr } from '../../../shared/i18n/I18n';
import { HealthCard } from '../../../features/health/ui/HealthCard';
import { NextSteps } from '../../../features/next-steps/ui/NextSteps';
import { OnboardingCard } from '../../../features/onboarding/ui/OnboardingCard';
import { PeopleCard } from '../../../features/people/ui/PeopleCard';
import { RenewalCard } from '../../../features/renewal/ui/RenewalCard';
import { PanelHeader } from './PanelHeader';
import { SyncLine } from './SyncLine';
import { PanelTabs } from './PanelTabs';
import { AccountConflicts } from './AccountConflicts';
import { ServiceTab } from '../../../features/service/ui/ServiceTab';
import { ExpectationsTab } from '../../../features/expectations/ui/ExpectationsTab';
import { HandoverPanel } from '../../../features/handover/ui/HandoverPanel';
import { promiseRisks } from '../../../features/expectations/risks';
import { Portfolio } from '../../../features/portfolio/ui/Portfolio';
import { useEngineSettings } from '../../../features/use-engine-settings';
import { useToday } from '../../../shared/ui/useToday';

/** The panel: one app for the frame in CRM pages and Chrome's native side panel. */
export function PanelApp() {
  const { t } = useTr();
  const host = usePanelStore((s) => s.host);
  const trust = usePanelStore((s) => s.trust);
  const tabId = usePanelStore((s) => s.tabId);
  const ref = usePanelStore((s) => s.ref);
  const resolved = usePanelStore((s) => s.resolved);
  const now = useToday();
  const engine = useEngineSettings();

  useEffect(() => {
    const controller = new AbortController();
    void followTab(host, controller.signal);
    return () => controller.abort();
  }, [host]);

  // null: looked up and not stored; undefined: still loading.
  const seed = usePanelStore((s) => s.seed);
  const { account, error } = useAccount(ref, seed);
  const snapshots = useRecords('snapshots', account?.id);
  // One watch of the account's CTAs serves both cards that show them.
  const ctas = useRecords('ctas', account?.id);
  const promises = useRecords('promises', account?.id);
  // Imported readings merged with the service signals: what every card scores.
  const health = useHealthReadings(account, snapshots, promises, engine.service, now);
  const latest = health?.latest;
  const series = health?.series;
  const view = usePanelStore((s) => s.view);
  const risks = promises ? promiseRisks(promises, localDate(now)).length : 0;
  const broken = promises ? promises.filter((p) => !p.deleted && p.status === 'broken').length : 0;
  const plans = useRecords('plans', account?.id);
  // The CSM's band set by hand, over the computed one, on every card (features/health/override.ts).
  const override = activeOverride(plans, localDate(now));
  const computed = account ? currentHealth(account, latest, engine.model) : undefined;
  const shown = withOverride(computed, override);
  // "Can I pitch?" once the CTAs and promises it weighs are read.
  const pitch = account && ctas && promises
    ? canPitch({ account, today: localDate(now), noPitchDays: engine.renewal.noPitchDays, band: shown?.band ?? null, bandByHand: override !== undefined, ctas, promises: { broken, atRisk: risks } })
    : undefined;

  const add = async (input: { name: string; contractEnd: string }) => {
    if (!ref) return;
    const answer = (await browser.runtime.sendMessage({ type: 'account/add', ref, input })) as { ok?: boolean; error?: string } | null;
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  };

  const mode = usePanelStore((s) => s.mode);
  const cover = usePanelStore((s) => s.cover);
  // A frame our content script did not make (any page on a CRM host can frame this page) gets an empty
  // shell: no header actions, no portfolio, no account, nothing to click. Hooks above read nothing without a ref.
  if (trust !== 'verified')
    return (
      <div className="app" data-host={host} data-trust={trust}>
        <main>{trust === 'refused' && <p className="muted">{t('panel.untrusted')}</p>}</main>
      </div>
    );
  let body;
  if (mode === 'portfolio')
    body = (
      <>
        <p className="small">
          <a href={browser.runtime.getURL('/portfolio.html')} target="_blank" rel="noreferrer">{t('portfolio.openFull')}</a>
        </p>
        <Portfolio compact />
      </>
    );
  else if (!resolved || (ref && account === undefined)) body = <p className="muted">{t('panel.loading')}</p>;
  else if (!ref)
    body = (
      <>
        <section className="card empty">
          <p>{t('panel.noRecord')}</p>
          <p className="muted">{t('panel.noRecordHint')}</p>
        </section>
        {/* Not on a record: the day's work across the book. */}
        <TodayList compact />
      </>
    );
  else if (error) body = <p className="error" role="alert">{t('panel.dataError', { reason: error })}</p>;
  else if (account)
    body = (
      <>
        <AccountCard account={{ ...account, health: shown }} now={now} showHealth={!latest} pitch={pitch} />
        <AccountConflicts accountId={account.id} />
        <PanelTabs badges={{ expectations: risks }} />
        <div role="tabpanel" id={`tabpanel-${view}`} aria-labelledby={`tab-${view}`} key={`${account.id}:${view}`}>
          {view === 'overview' && (
            <>
              {health && latest && <HealthCard account={account} snapshots={health.series} latest={latest} facts={health.facts} now={now} model={engine.model} override={override} />}
              {plans && <BandOverride key={account.id} accountId={account.id} plan={plans.find((p) => !p.deleted)} override={override} computedBand={computed?.band} now={now} />}
              {series && <RenewalCard account={account} snapshots={series} now={now} model={engine.model} settings={engine.renewal} promiseRisks={risks} />}
              <OnboardingCard account={account} ctas={ctas} now={now} />
              <PeopleCard account={account} now={now} />
              <NextSteps account={account} ctas={ctas} now={now} />
            </>
          )}
          {view === 'service' && series && ctas && (
            <ServiceTab account={account} ctas={ctas} snapshots={series} now={now} model={engine.model} renewal={engine.renewal} service={engine.service}
              deliver={(r) => <TeamDelivery accountId={account.id} subject={r.subject} text={r.text} />} />
          )}
          {view === 'expectations' && <ExpectationsTab account={account} now={now} service={engine.service} />}
          {view === 'handover' && <HandoverPanel account={account} now={now} />}
        </div>
      </>
    );
  else body = <AddAccountForm key={`${ref.crm}:${ref.recordId}`} pageRef={ref} onAdd={add} />;

  // Covered by the page: everything stays mounted (typed text is kept) but nothing takes a click or a key.
  return (
    <div className="app" data-host={host} data-cover={cover ?? undefined}>
      {cover && (
        <p className="cover-notice" role="alert" data-testid="cover-notice">
          {t(`panel.cover.${cover}`)}
        </p>
      )}
      <div className="app-body" inert={!!cover}>
        <PanelHeader host={host} tabId={tabId} />
        <main>
        {/* After the account has painted: its status watch stays off the path from navigation to panel. */}
        {mode === 'account' && ref && account !== undefined && <SyncLine pageRef={ref} />}
        {body}
        </main>
      </div>
    </div>
  );
}
