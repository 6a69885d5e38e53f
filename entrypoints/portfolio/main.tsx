import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useTr } from '../../shared/i18n/I18n';
import { Portfolio } from '../../features/portfolio/ui/Portfolio';
import { TodayList } from '../../features/today/ui/TodayList';
import { WeeklyReview } from '../../features/today/ui/WeeklyReview';
import '../../platform/pages/panel/panel.css';

const TABS = ['book', 'today', 'review'] as const;
type Tab = (typeof TABS)[number];
const TAB_TITLES = { book: 'portfolio.tabBook', today: 'today.title', review: 'review.tab' } as const;

function PortfolioPage() {
  const { t } = useTr();
  // Three tabs: the book (table, metrics), the day's work across it, and the weekly onboarding review.
  const [tab, setTab] = useState<Tab>(TABS.find((k) => location.hash === `#${k}`) ?? 'book');
  return (
    <main className="wide">
      <h1>{t('portfolio.title')}</h1>
      <div role="tablist" className="tabs">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} onClick={() => setTab(k)}>
            {t(TAB_TITLES[k])}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === 'book' ? <Portfolio /> : tab === 'today' ? <TodayList /> : <WeeklyReview />}</div>
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
