import { browser } from 'wxt/browser';
import logo from '../../../assets/logo.svg';
import { usePanelStore, type PanelHost } from '../../panel/store';
import { useTr } from '../../../shared/i18n/I18n';

/** Title bar. In a CRM page's frame it also offers the native side panel, overlay/push and collapse. */
export function PanelHeader({ host, tabId }: { host: PanelHost; tabId: number | null }) {
  const { t } = useTr();
  const send = (msg: object) => void browser.runtime.sendMessage(msg);
  const mode = usePanelStore((s) => s.mode);
  const setMode = usePanelStore((s) => s.setMode);
  return (
    <header className="bar">
      <span className="brand">
        <img src={logo} alt="" width={18} height={18} /> {t('panel.title')}
      </span>
      <span className="actions">
        <button type="button" aria-pressed={mode === 'portfolio'} onClick={() => setMode(mode === 'portfolio' ? 'account' : 'portfolio')}>
          {t(mode === 'portfolio' ? 'portfolio.backToAccount' : 'portfolio.title')}
        </button>
        {host === 'frame' && tabId !== null && (
          <button type="button" onClick={() => send({ type: 'sidepanel/open', tabId })}>{t('panel.openSidePanel')}</button>
        )}
        {host === 'frame' && (
          <>
            <button type="button" onClick={() => send({ type: 'ui/set', patch: { mode: 'overlay' } })} title={t('panel.modeOverlay')} aria-label={t('panel.modeOverlay')}>⇤</button>
            <button type="button" onClick={() => send({ type: 'ui/set', patch: { mode: 'push' } })} title={t('panel.modePush')} aria-label={t('panel.modePush')}>⇥</button>
            <button type="button" onClick={() => send({ type: 'panel/close' })} title={t('panel.collapse')} aria-label={t('panel.collapse')}>✕</button>
          </>
        )}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()} title={t('panel.settings')} aria-label={t('panel.settings')}>⚙</button>
      </span>
    </header>
  );
}
