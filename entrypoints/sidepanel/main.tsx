import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n/I18n';
import { PanelApp } from '../../platform/pages/panel/PanelApp';
import { claimFrame } from '../../platform/panel/follow-tab';
import { hostFromLocation, usePanelStore } from '../../platform/panel/store';
import { prefetchToday } from '../../platform/panel/data-client';
import { TODAY_PAGE } from '../../features/today/ui/TodayList';
import '../../platform/pages/panel/panel.css';

const host = hostFromLocation(location.search, window.parent !== window);
usePanelStore.setState({ host, trust: host === 'frame' ? 'checking' : 'verified' });
// A framed panel claims its frame's nonce first of all, before its load event, which the content script waits for.
if (host === 'frame') claimFrame();
// Chrome's side panel shows the Today list whenever its tab is on no record: ask for it before anything else.
else prefetchToday(TODAY_PAGE);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PanelApp />
    </I18nProvider>
  </StrictMode>,
);
