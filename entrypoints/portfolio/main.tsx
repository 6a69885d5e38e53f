import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useTr } from '../../shared/i18n/I18n';
import { Portfolio } from '../../features/portfolio/ui/Portfolio';
import { TodayList } from '../../features/today/ui/TodayList';
import '../../platform/pages/panel/panel.css';

function PortfolioPage() {
  const { t } = useTr();
  // Two tabs: the book (table, metrics) and the day's work across it.
  const [tab, setTab] = useState<'book' | 'today'>(location.hash === '#today' ? 'today' : 'book');
  return (
    <main className="wide">
      <h1>{t('portfolio.title')}</h1>
      <div role="tablist" className="tabs">
        {(['book', 'today'] as const).map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(k === 'book' ? 'portfolio.tabBook' : 'today.title')}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === 'book' ? <Portfolio /> : <TodayList />}</div>
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
