import { lazy, Suspense } from 'react';
import { browser } from 'wxt/browser';
import type { AccountRef } from '../../../crm/types';
import { currentHealth } from '../../../features/health/current';
import { activeOverride, withOverride } from '../../../features/health/override';
import { BandOverride } from '../../../features/health/ui/BandOverride';
import { canPitch } from '../../../features/renewal/can-pitch';
import { useHealthReadings } from '../../../features/use-health-readings';
import { localDate } from '../../../shared/dates/local-date';
import { useAccount, useRecords } from '../../panel/data-client';
import { usePanelStore } from '../../panel/store';
import { AccountCard } from './AccountCard';
import { AddAccountForm } from './AddAccountForm';
import { useTr } from '../../../shared/i18n/I18n';
import { HealthCard } from '../../../features/health/ui/HealthCard';
import { NextSteps } from '../../../features/next-steps/ui/NextSteps';
import { OnboardingCard } from '../../../features/onboarding/ui/OnboardingCard';
import { PeopleCard } from '../../../features/people/ui/PeopleCard';
import { RenewalCard } from '../../../features/renewal/ui/RenewalCard';
import { SyncLine } from './SyncLine';
import { PanelTabs } from './PanelTabs';
import { AccountConflicts } from './AccountConflicts';
import { promiseRisks, weighsOnRenewal } from '../../../features/expectations/risks';
import { useEngineSettings } from '../../../features/use-engine-settings';
import { useToday } from '../../../shared/ui/useToday';
import { WelcomeSchedule } from '../../../features/channels/ui/WelcomeSchedule';

// The other tabs load when first opened: the overview is what a record shows first.
const ServiceTab = lazy(() => import('./ServiceView'));
const ExpectationsTab = lazy(() => import('../../../features/expectations/ui/ExpectationsTab').then((m) => ({ default: m.ExpectationsTab })));
const HandoverPanel = lazy(() => import('../../../features/handover/ui/HandoverPanel').then((m) => ({ default: m.HandoverPanel })));

/**
 * The open record's account: its card, conflicts and tabs, or the form to add
 * it when it is not stored. Loaded apart from the panel's shell, so the Today
 * list (no record open) never waits for the account's code.
 */
export default function AccountView({ pageRef }: { pageRef: AccountRef }) {
  const { t } = useTr();
  const now = useToday();
  const engine = useEngineSettings();
  // null: looked up and not stored; undefined: still loading.
  const seed = usePanelStore((s) => s.seed);
  const view = usePanelStore((s) => s.view);
  const { account, error } = useAccount(pageRef, seed);
  const snapshots = useRecords('snapshots', account?.id);
  // One watch of the account's CTAs serves both cards that show them.
  const ctas = useRecords('ctas', account?.id);
  const promises = useRecords('promises', account?.id);
  // Imported readings merged with the service signals: what every card scores.
  const health = useHealthReadings(account, snapshots, promises, engine.service, now);
  const latest = health?.latest;
  const series = health?.series;
  // Only risks that weigh on the renewal count here: a promise not yet assessed is the ledger's to show, not a reason to hold a pitch.
  const risks = promises && account ? promiseRisks(promises, localDate(now), account.signedAt).filter((r) => weighsOnRenewal(r.risk)).length : 0;
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
    const answer = (await browser.runtime.sendMessage({ type: 'account/add', ref: pageRef, input })) as { ok?: boolean; error?: string } | null;
    if (!answer?.ok) throw new Error(answer?.error ?? 'no answer from the extension');
  };

  if (account === undefined) return <p className="muted">{t('panel.loading')}</p>;
  let body;
  if (error) body = <p className="error" role="alert">{t('panel.dataError', { reason: error })}</p>;
  else if (account)
    body = (
      <>
        <AccountCard account={{ ...account, health: shown }} now={now} showHealth={!latest} pitch={pitch} />
        <AccountConflicts accountId={account.id} />
        <PanelTabs badges={{ expectations: risks }} />
        <div role="tabpanel" id={`tabpanel-${view}`} aria-labelledby={`tab-${view}`} key={`${account.id}:${view}`}>
          <Suspense fallback={<p className="muted">{t('panel.loading')}</p>}>
            {view === 'overview' && (
              <>
                {health && latest && <HealthCard account={account} snapshots={health.series} latest={latest} facts={health.facts} now={now} model={engine.model} override={override} />}
                {plans && <BandOverride key={account.id} accountId={account.id} plan={plans.find((p) => !p.deleted)} override={override} computedBand={computed?.band} now={now} />}
                {series && <RenewalCard account={account} snapshots={series} now={now} model={engine.model} settings={engine.renewal} promiseRisks={risks} override={override} />}
                <OnboardingCard account={account} ctas={ctas} now={now} />
                <PeopleCard account={account} now={now} quietDays={engine.service.keyPersonQuietDays} />
                <NextSteps account={account} ctas={ctas} now={now} />
              </>
            )}
            {view === 'service' && series && ctas && (
              <ServiceTab account={account} ctas={ctas} snapshots={series} now={now} model={engine.model} renewal={engine.renewal} service={engine.service} />
            )}
            {view === 'expectations' && <ExpectationsTab account={account} now={now} service={engine.service} />}
            {view === 'handover' && <HandoverPanel account={account} now={now} welcome={<WelcomeSchedule accountId={account.id} now={now} />} />}
          </Suspense>
        </div>
      </>
    );
  else body = <AddAccountForm key={`${pageRef.crm}:${pageRef.recordId}`} pageRef={pageRef} onAdd={add} />;
  return (
    <>
      {/* After the account has painted: its status watch stays off the path from navigation to panel. */}
      <SyncLine pageRef={pageRef} />
      {body}
    </>
  );
}
