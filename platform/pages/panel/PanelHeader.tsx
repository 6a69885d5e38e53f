import { browser } from 'wxt/browser';
import logo from '../../../assets/logo.svg';
import { usePanelStore, type PanelHost } from '../../panel/store';
import { useTr } from '../../../shared/i18n/I18n';
import { TitleIcon, type TitleIconName } from './TitleIcons';

/** One title-bar action: an icon, its words as the accessible name and the tooltip. */
function IconButton({ icon, label, onClick, pressed }: { icon: TitleIconName; label: string; onClick: () => void; pressed?: boolean }) {
  return (
    <button type="button" className="icon-btn" onClick={onClick} title={label} aria-label={label} {...(pressed === undefined ? {} : { 'aria-pressed': pressed })}>
      <TitleIcon name={icon} />
    </button>
  );
}

/** Title bar, one row at every width. In a CRM page's frame it also offers the native side panel, overlay/push and collapse. */
export function PanelHeader({ host, tabId }: { host: PanelHost; tabId: number | null }) {
  const { t } = useTr();
  const send = (msg: object) => void browser.runtime.sendMessage(msg);
  const mode = usePanelStore((s) => s.mode);
  const setMode = usePanelStore((s) => s.setMode);
  return (
    <header className="bar">
      <span className="brand">
        <img src={logo} alt="" width={18} height={18} /> <span className="brand-text">{t('panel.title')}</span>
      </span>
      <span className="actions">
        <IconButton icon={mode === 'portfolio' ? 'account' : 'portfolio'} pressed={mode === 'portfolio'}
          label={t(mode === 'portfolio' ? 'portfolio.backToAccount' : 'portfolio.title')} onClick={() => setMode(mode === 'portfolio' ? 'account' : 'portfolio')} />
        {host === 'frame' && tabId !== null && <IconButton icon="sidePanel" label={t('panel.openSidePanel')} onClick={() => send({ type: 'sidepanel/open', tabId })} />}
        {host === 'frame' && (
          <>
            <IconButton icon="overlay" label={t('panel.modeOverlay')} onClick={() => send({ type: 'ui/set', patch: { mode: 'overlay' } })} />
            <IconButton icon="push" label={t('panel.modePush')} onClick={() => send({ type: 'ui/set', patch: { mode: 'push' } })} />
            <IconButton icon="collapse" label={t('panel.collapse')} onClick={() => send({ type: 'panel/close' })} />
          </>
        )}
        <IconButton icon="settings" label={t('panel.settings')} onClick={() => void browser.runtime.openOptionsPage()} />
      </span>
    </header>
  );
}
