import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/I18n';
import { PanelApp } from '../../components/PanelApp';
import { claimFrame } from '../../lib/panel/follow-tab';
import { hostFromLocation, usePanelStore } from '../../lib/panel/store';
import '../../components/panel.css';

const host = hostFromLocation(location.search, window.parent !== window);
usePanelStore.setState({ host, trust: host === 'frame' ? 'checking' : 'verified' });
// A framed panel claims its frame's nonce first of all, before its load event, which the content script waits for.
if (host === 'frame') claimFrame();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PanelApp />
    </I18nProvider>
  </StrictMode>,
);
