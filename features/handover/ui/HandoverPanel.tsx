import type { ReactNode } from 'react';
import type { Account } from '../../../data/model/account';
import { useRecords, useStatus } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { HandoverTab } from './HandoverTab';
import { useEngineSettings } from '../../use-engine-settings';

/** The handover tab with its live records: the latest handover of the account. */
export function HandoverPanel({ account, now, welcome }: { account: Account; now: Date; welcome?: ReactNode }) {
  const tr = useTr();
  const { service } = useEngineSettings();
  const handovers = useRecords('handovers', account.id);
  const promises = useRecords('promises', account.id);
  const milestones = useRecords('milestones', account.id);
  const plans = useRecords('plans', account.id);
  const { value: status } = useStatus({ crm: account.crm, recordId: account.recordId, ...(account.orgKey ? { orgKey: account.orgKey } : {}) });
  if (!handovers || !promises || !milestones || !plans) return <p className="muted">{tr.t('panel.loading')}</p>;
  const handover = [...handovers].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return <HandoverTab account={account} handover={handover} promises={promises} milestones={milestones} plan={plans[0]} now={now} uiLanguage={tr.locale} thresholds={service.involvement} identity={status?.sync.identity} welcome={welcome} />;
}
