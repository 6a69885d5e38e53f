import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n/I18n';
import { PopupApp } from '../../platform/pages/popup/PopupApp';
import '../../platform/pages/panel/panel.css';

// ?tab=<id>: the popup opened for one tab (e.g. popped out into a window) stays on that tab.
const pinned = Number(new URLSearchParams(location.search).get('tab'));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PopupApp pinnedTab={Number.isInteger(pinned) && pinned > 0 ? pinned : undefined} />
    </I18nProvider>
  </StrictMode>,
);
