import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../components/I18n';
import { OptionsApp } from '../../components/OptionsApp';
import '../../components/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <OptionsApp />
    </I18nProvider>
  </StrictMode>,
);
