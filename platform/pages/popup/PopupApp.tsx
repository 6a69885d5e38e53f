import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useAccount, useRecords } from '../../panel/data-client';
import { followTab } from '../../panel/follow-tab';
import { usePanelStore } from '../../panel/store';
import { QuickHandover } from '../../../features/handover/ui/QuickHandover';
import { useTr } from '../../../shared/i18n/I18n';
import { VisitForm } from '../../../features/service/ui/VisitForm';
import { useEngineSettings } from '../../../features/use-engine-settings';
import { useToday } from '../../../shared/ui/useToday';

type Mode = 'handover' | 'visit';

/**
 * The toolbar popup: quick work on the current tab's account without opening
 * the panel: a handover draft (three fields) or a visit log.
 */
export function PopupApp({ pinnedTab }: { pinnedTab?: number }) {
  const { t } = useTr();
  const tabId = usePanelStore((s) => s.tabId);
  const ref = usePanelStore((s) => s.ref);
  const resolved = usePanelStore((s) => s.resolved);
  const now = useToday();
  const engine = useEngineSettings();
  const [mode, setMode] = useState<Mode>('handover');
  useEffect(() => {
    const controller = new AbortController();
    void followTab('side', controller.signal, pinnedTab);
    return () => controller.abort();
  }, [pinnedTab]);
  // A deal page: its account is read by the panel's deal view, not looked up by the deal's own id.
  const deal = ref?.kind === 'deal';
  const { account, error } = useAccount(deal ? null : ref);
  const handovers = useRecords('handovers', account?.id);

  // Opened within the click, as sidePanel.open requires.
  const openPanel = () => {
    if (tabId !== null) void browser.sidePanel.open({ tabId }).then(() => window.close()).catch(() => undefined);
  };

  let body;
  if (!resolved || (ref && account === undefined)) body = <p className="muted">{t('panel.loading')}</p>;
  else if (!ref) body = <p>{t('popup.noRecord')}</p>;
  else if (deal) body = <p data-testid="popup-deal">{t('popup.deal', { name: ref.name ?? ref.recordId })}</p>;
  else if (error) body = <p className="error" role="alert">{t('panel.dataError', { reason: error })}</p>;
  else if (!account) body = <p>{t('popup.unknown', { name: ref.name ?? ref.recordId })}</p>;
  else
    body = (
      <>
        <h1>{account.name}</h1>
        <div className="tabs" role="tablist" aria-label={t('popup.modes')}>
          {(['handover', 'visit'] as const).map((m) => (
            <button key={m} type="button" role="tab" aria-selected={mode === m} onClick={() => setMode(m)}>{t(`popup.mode.${m}`)}</button>
          ))}
        </div>
        <div role="tabpanel">
          {mode === 'handover' ? (
            handovers ? <QuickHandover account={account} handovers={handovers} /> : <p className="muted">{t('panel.loading')}</p>
          ) : (
            <VisitForm accountId={account.id} now={now} settings={engine.service} quick />
          )}
        </div>
      </>
    );

  return (
    <div className="app popup-app">
      <header className="bar">
        <span className="brand">{t('appName')}</span>
        <div className="actions">
          {tabId !== null && ref && <button type="button" onClick={openPanel}>{t('popup.openPanel')}</button>}
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup.options')}</button>
        </div>
      </header>
      <main>{body}</main>
    </div>
  );
}
