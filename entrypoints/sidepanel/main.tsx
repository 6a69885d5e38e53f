import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/I18n';
import { PanelApp } from '../../components/PanelApp';
import { hostFromLocation, usePanelStore } from '../../lib/panel/store';
import '../../components/panel.css';

usePanelStore.setState({ host: hostFromLocation(location.search) });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PanelApp />
    </I18nProvider>
  </StrictMode>,
);
