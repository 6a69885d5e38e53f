import { useRef, type KeyboardEvent } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { PANEL_TABS, usePanelStore, type PanelTab } from '../../panel/store';
import { useTr } from '../../../shared/i18n/I18n';

/** The panel's sections as tabs: arrow keys move between them, as the ARIA tabs pattern asks. */
export function PanelTabs({ badges }: { badges?: Partial<Record<PanelTab, number>> }) {
  const { t } = useTr();
  const view = usePanelStore((s) => s.view);
  const setView = usePanelStore((s) => s.setView);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent) => {
    const i = PANEL_TABS.indexOf(view);
    const to = e.key === 'ArrowRight' ? (i + 1) % PANEL_TABS.length : e.key === 'ArrowLeft' ? (i + PANEL_TABS.length - 1) % PANEL_TABS.length : -1;
    if (to < 0) return;
    e.preventDefault();
    setView(PANEL_TABS[to]!);
    refs.current[PANEL_TABS[to]!]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={move}>
      {PANEL_TABS.map((tab) => (
        <button key={tab} type="button" role="tab" id={`tab-${tab}`} aria-selected={view === tab} aria-controls={`tabpanel-${tab}`}
          tabIndex={view === tab ? 0 : -1} ref={(el) => { refs.current[tab] = el; }} onClick={() => setView(tab)}>
          {t(`tabs.${tab}` as MessageKey)}
          {badges?.[tab] ? <span className="tab-badge" aria-label={t('tabs.badge', { n: badges[tab] })}>{badges[tab]}</span> : null}
        </button>
      ))}
    </div>
  );
}
