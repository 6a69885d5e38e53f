import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../shared/i18n/I18n';
import { OptionsApp } from '../../platform/pages/options/OptionsApp';
import '../../platform/pages/panel/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <OptionsApp />
    </I18nProvider>
  </StrictMode>,
);
