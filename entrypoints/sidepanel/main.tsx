import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n/I18n';
import { loadAccountView, PanelApp } from '../../platform/pages/panel/PanelApp';
import { claimFrame, loadSchemas } from '../../platform/panel/follow-tab';
import { hostFromLocation, usePanelStore } from '../../platform/panel/store';
import { prefetchToday } from '../../platform/panel/port';
import { afterPaint } from '../../platform/panel/after-paint';
import { TODAY_PAGE } from '../../features/today/ui/TodayList';
import '../../platform/pages/panel/panel.css';

const host = hostFromLocation(location.search, window.parent !== window);
usePanelStore.setState({ host, trust: host === 'frame' ? 'checking' : 'verified' });
if (host === 'frame') {
  // A framed panel claims its frame's nonce first of all, before its load event, which the content script waits for;
  // it is on a record, so the account's code and the schemas that check its tab state load meanwhile.
  claimFrame();
  void loadSchemas();
  void loadAccountView();
} else {
  // Chrome's side panel shows the Today list whenever its tab is on no record: ask for it before anything else,
  // and fetch the account's code once the first screen is drawn, for the next tab that is on a record.
  prefetchToday(TODAY_PAGE);
  afterPaint(() => void loadAccountView(), 500);
}
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PanelApp />
    </I18nProvider>
  </StrictMode>,
);
