import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useTr } from '../../components/I18n';
import { Portfolio } from '../../components/portfolio/Portfolio';
import '../../components/panel.css';

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
