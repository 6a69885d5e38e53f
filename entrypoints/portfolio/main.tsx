import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useTr } from '../../shared/i18n/I18n';
import { Portfolio } from '../../features/portfolio/ui/Portfolio';
import '../../platform/pages/panel/panel.css';

function PortfolioPage() {
  const { t } = useTr();
  return (
    <main className="wide">
      <h1>{t('portfolio.title')}</h1>
      <Portfolio />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <PortfolioPage />
    </I18nProvider>
  </StrictMode>,
);
