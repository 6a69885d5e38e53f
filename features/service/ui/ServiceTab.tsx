import type { ReactNode } from 'react';
import type { HealthModel } from '../../health';
import type { Account } from '../../../data/model/account';
import type { Cta, HealthSnapshot } from '../../../data/model/records';
import { useRecords } from '../../../platform/panel/data-client';
import type { RenewalSettings } from '../../renewal';
import { checklistItems, type ServiceSettings } from '../settings';
import { useTr } from '../../../shared/i18n/I18n';
import { ReportCard } from './ReportCard';
import { ServicePlanCard } from './ServicePlanCard';
import { VisitForm } from './VisitForm';
import { VisitsTable } from './VisitsTable';

/** The monthly service: the rhythm, logging a visit, the visit log, and the monthly report. */
export function ServiceTab(props: {
  account: Account;
  ctas: Cta[];
  snapshots: HealthSnapshot[];
  now: Date;
  model: HealthModel;
  renewal: RenewalSettings;
  service: ServiceSettings;
  /** Delivery by the team's channels, offered by the panel under the report. */
  deliver?: ((report: { subject: string; text: string }) => ReactNode) | undefined;
}) {
  const { account, now } = props;
  const tr = useTr();
  const { t } = tr;
  const plans = useRecords('plans', account.id);
  const visits = useRecords('visits', account.id);
  const reports = useRecords('reports', account.id);
  const promises = useRecords('promises', account.id);
  const notes = useRecords('notes', account.id);
  if (!plans || !visits || !reports || !promises || !notes) return <p className="muted">{t('panel.loading')}</p>;
  const plan = plans[0];
  return (
    <>
      <ServicePlanCard account={account} plan={plan} visits={visits} reports={reports} now={now} uiLanguage={tr.locale} />
      <section className="card" aria-labelledby="visit-title">
        <h2 id="visit-title">{t('visit.title')}</h2>
        <VisitForm accountId={account.id} now={now} settings={props.service} />
      </section>
      <section className="card" aria-labelledby="visits-title">
        <h2 id="visits-title">{t('visits.title')}</h2>
        <VisitsTable visits={visits} checklistSize={checklistItems(props.service).length} settings={props.service} now={now} />
      </section>
      <ReportCard
        account={account} plan={plan} visits={visits} reports={reports} promises={promises} ctas={props.ctas} notes={notes}
        snapshots={props.snapshots} model={props.model} renewal={props.renewal} service={props.service} now={now} uiLanguage={tr.locale}
        deliver={props.deliver}
      />
    </>
  );
}
