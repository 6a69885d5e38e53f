import { lazy, Suspense, useEffect } from 'react';
import { browser } from 'wxt/browser';
import { followTab } from '../../panel/follow-tab';
import { TodayList } from '../../../features/today/ui/TodayList';
import { usePanelStore } from '../../panel/store';
import { useTr } from '../../../shared/i18n/I18n';
import { PanelHeader } from './PanelHeader';

/** The open record's account and its tabs: asked for at once in a CRM page's frame, after the first screen elsewhere. */
export const loadAccountView = (() => {
  let loading: Promise<typeof import('./AccountView')> | undefined;
  return () => (loading ??= import('./AccountView'));
})();
const AccountView = lazy(loadAccountView);
const DealPage = lazy(() => import('./DealPage'));
const Portfolio = lazy(() => import('../../../features/portfolio/ui/Portfolio').then((m) => ({ default: m.Portfolio })));

/**
 * The panel: one app for the frame in CRM pages and Chrome's native side panel.
 * Its shell holds what the first screen needs (header, Today list); the
 * account view and the portfolio are chunks of their own.
 */
export function PanelApp() {
  const { t } = useTr();
  const host = usePanelStore((s) => s.host);
  const trust = usePanelStore((s) => s.trust);
  const tabId = usePanelStore((s) => s.tabId);
  const ref = usePanelStore((s) => s.ref);
  const resolved = usePanelStore((s) => s.resolved);

  useEffect(() => {
    const controller = new AbortController();
    void followTab(host, controller.signal);
    return () => controller.abort();
  }, [host]);

  const mode = usePanelStore((s) => s.mode);
  const cover = usePanelStore((s) => s.cover);
  // A frame our content script did not make (any page on a CRM host can frame this page) gets an empty
  // shell: no header actions, no portfolio, no account, nothing to click. Nothing is read without a ref.
  if (trust !== 'verified')
    return (
      <div className="app" data-host={host} data-trust={trust}>
        <main>{trust === 'refused' && <p className="muted">{t('panel.untrusted')}</p>}</main>
      </div>
    );
  const loading = <p className="muted">{t('panel.loading')}</p>;
  let body;
  if (mode === 'portfolio')
    body = (
      <>
        <p className="small">
          <a href={browser.runtime.getURL('/portfolio.html')} target="_blank" rel="noreferrer">{t('portfolio.openFull')}</a>
        </p>
        <Suspense fallback={loading}>
          <Portfolio compact />
        </Suspense>
      </>
    );
  else if (!resolved) body = loading;
  else if (!ref)
    body = (
      <>
        <section className="card empty">
          <p>{t('panel.noRecord')}</p>
          <p className="muted">{t('panel.noRecordHint')}</p>
        </section>
        {/* Not on a record: the day's work across the book. */}
        <TodayList compact />
      </>
    );
  else if (ref.kind === 'deal') body = <Suspense fallback={loading}><DealPage pageRef={ref} /></Suspense>;
  else body = <Suspense fallback={loading}><AccountView pageRef={ref} /></Suspense>;

  // Covered by the page: everything stays mounted (typed text is kept) but nothing takes a click or a key.
  return (
    <div className="app" data-host={host} data-cover={cover ?? undefined}>
      {cover && (
        <p className="cover-notice" role="alert" data-testid="cover-notice">
          {t(`panel.cover.${cover}`)}
        </p>
      )}
      <div className="app-body" inert={!!cover}>
        <PanelHeader host={host} tabId={tabId} />
        <main>{body}</main>
      </div>
    </div>
  );
}
