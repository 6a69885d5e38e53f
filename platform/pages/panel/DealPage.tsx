import { useState } from 'react';
import type { AccountRef } from '../../../crm/types';
import { dealFacts, dealLink } from '../../../features/deals/deal';
import { DealView } from '../../../features/deals/ui/DealView';
import { csInvolvement } from '../../../features/handover/involvement';
import { HandoverPanel } from '../../../features/handover/ui/HandoverPanel';
import { InvolvementCard } from '../../../features/handover/ui/InvolvementCard';
import { useEngineSettings } from '../../../features/use-engine-settings';
import { localDate } from '../../../shared/dates/local-date';
import { useTr } from '../../../shared/i18n/I18n';
import { useToday } from '../../../shared/ui/useToday';
import { useAccount, useRecords } from '../../panel/data-client';
import { useDeal } from '../../panel/deal-client';
import { usePanelStore } from '../../panel/store';

/**
 * A deal page open in the tab: the deal read from the page (on demand, by the
 * background), its linked account looked up in the data, and when customer
 * success joins this sale by the team's thresholds. The deal view and the
 * involvement card are two features; this shell puts them side by side.
 * When Mark signed started the account's handover draft, "open it" shows
 * that handover here and turns the panel to its Handover tab for the
 * account's own page.
 */
export default function DealPage({ pageRef }: { pageRef: AccountRef }) {
  const { t } = useTr();
  const now = useToday();
  const tabId = usePanelStore((s) => s.tabId);
  const { service } = useEngineSettings();
  const read = useDeal(tabId, `${pageRef.crm}|${pageRef.orgKey ?? ''}|${pageRef.recordId}`);
  const accountRef = read.status === 'read' ? read.account : null;
  const { account } = useAccount(accountRef);
  const handovers = useRecords('handovers', account?.id ?? undefined);
  const setView = usePanelStore((s) => s.setView);
  const [handoverOpen, setHandoverOpen] = useState(false);
  if (read.status === 'loading') return <p className="muted">{t('panel.loading')}</p>;
  if (read.status === 'unreadable') return <p className="muted" role="note" data-testid="deal-unreadable">{t('deal.unreadable')}</p>;
  const link = dealLink(accountRef, account);
  if (link === 'loading') return <p className="muted">{t('panel.loading')}</p>;
  const handover = handovers?.filter((h) => !h.deleted).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const involvement = csInvolvement(dealFacts(read.deal, handover), service.involvement);
  const openHandover = () => {
    setView('handover');
    setHandoverOpen(true);
  };
  return (
    <>
      <DealView deal={read.deal} link={link} accountName={accountRef?.name} account={account} today={localDate(now)} onOpenHandover={openHandover}
        involvement={<InvolvementCard when={involvement.when} reasons={involvement.reasons} />} />
      {handoverOpen && account && (
        <section aria-label={t('deal.draft.title')} data-testid="deal-handover">
          <HandoverPanel account={account} now={now} />
        </section>
      )}
    </>
  );
}
