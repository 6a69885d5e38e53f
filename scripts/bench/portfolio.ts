import { generatedBook, seedSource } from './book';
import { startLens } from '../../tests/e2e/fixture';

export interface PortfolioBench {
  firstRowsMs: number[];
  sortMs: number[];
  filterMs: number[];
  domRows: number;
  accounts: number;
}

/** Resolves with the time (page clock) at which `predicate` first holds, checked every animation frame. */
export const whenTrue = (predicate: string) => `new Promise((resolve) => {
  const check = () => (${predicate}) ? resolve(performance.now()) : requestAnimationFrame(check);
  check();
})`;

/** Page-side source: how many rows a table of the extension's IndexedDB holds. */
const countSource = (table: string) => `new Promise((resolve, reject) => {
  const open = indexedDB.open('account-lens');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const q = open.result.transaction(${JSON.stringify(table)}).objectStore(${JSON.stringify(table)}).count();
    q.onsuccess = () => { open.result.close(); resolve(q.result); };
    q.onerror = () => reject(q.error);
  };
})`;

/**
 * The portfolio page in Chromium with `n` accounts stored: time from
 * navigation start to the first rows on screen, a sort by health, a text
 * filter, and how many rows the DOM holds (virtualisation).
 */
export async function benchPortfolio(n = 10_000, runs = 5): Promise<PortfolioBench> {
  const lens = await startLens({ loadDemo: false });
  try {
    const setup = await lens.browser.context.newPage();
    await setup.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
    await setup.getByTestId('account-count').waitFor(); // the options page opened the database at its current version
    await setup.evaluate(seedSource(JSON.stringify(generatedBook(n))));
    await setup.close();
    const result: PortfolioBench = { firstRowsMs: [], sortMs: [], filterMs: [], domRows: 0, accounts: n };
    for (let r = 0; r < runs; r++) {
      const page = await lens.browser.context.newPage();
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.goto(`chrome-extension://${lens.browser.extensionId}/portfolio.html`);
      result.firstRowsMs.push((await page.evaluate(whenTrue(`document.querySelector('[role=row][data-account]')`))) as number);
      await page.getByTestId('portfolio-count').getByText(`${n.toLocaleString('en')} of`, { exact: false }).or(page.getByTestId('portfolio-count').getByText(`${n} of`)).first().waitFor();
      result.domRows = await page.locator('[role=row][data-account]').count();

      const first = () => `document.querySelector('[role=row][data-account]')?.getAttribute('data-account')`;
      const before = (await page.evaluate(first())) as string;
      const t0 = (await page.evaluate('performance.now()')) as number;
      await page.getByRole('columnheader', { name: /Health/ }).getByRole('button').click();
      const t1 = (await page.evaluate(whenTrue(`${first()} !== ${JSON.stringify(before)}`))) as number;
      result.sortMs.push(t1 - t0);

      const t2 = (await page.evaluate('performance.now()')) as number;
      await page.getByLabel('Search name, owner, CSM, record id').fill('Acme Analytics 99');
      const t3 = (await page.evaluate(whenTrue(`/^\\d+ of/.test(document.querySelector('[data-testid=portfolio-count]').textContent) && !document.querySelector('[data-testid=portfolio-count]').textContent.startsWith('${n} ')`))) as number;
      result.filterMs.push(t3 - t2);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      // Leave the view as it was for the next run (sorting is remembered).
      await page.getByRole('columnheader', { name: /Days to renewal/ }).getByRole('button').click();
      await page.close();
    }
    return result;
  } finally {
    await lens.close();
  }
}

export interface TodayBench {
  /** Navigation start → the first account of the side panel's Today list in the DOM. */
  paintMs: number[];
  /** Navigation start → the first frame drawn with that account (a task posted from the next animation frame). */
  frameMs: number[];
  /** Navigation start → the panel's first render (its scripts loaded and run). */
  scriptMs: number[];
  /** Navigation start → the panel's Today card on screen (loading or listed): it knows no record is open. */
  bootMs: number[];
  /** CTAs the background raised for the book before the list was opened. */
  ctas: number;
  /** How long the background took, from data/changed to its CTAs stopping to come (1 s polls). */
  evaluateS: number;
}

/**
 * Runs in the side panel page before its own scripts and notes (page clock)
 * the moment each of its milestones enters the DOM, seen by a mutation
 * observer: a check after the page's load event would only see when it was
 * looked at, never earlier.
 */
const TODAY_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidepanel.html')) return;
  const at = (window.__lensToday = {});
  const marks = { script: '#root .app', boot: '[data-testid=today-loading], [data-testid=today]', paint: '[data-testid=today] li[data-account]' };
  const check = () => {
    for (const [name, selector] of Object.entries(marks)) {
      if (name in at || !document.querySelector(selector)) continue;
      at[name] = performance.now();
      if (name === 'paint') requestAnimationFrame(() => setTimeout(() => { at.frame = performance.now(); }));
    }
    return 'paint' in at;
  };
  const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true });
})()`;

/**
 * The side panel's Today list (no record open) with `n` accounts stored and
 * the CTAs the background raises for them: the background is told the data
 * changed, its CTAs are counted until they stop coming, then the panel page
 * is opened `runs` times.
 */
export async function benchToday(n = 10_000, runs = 5): Promise<TodayBench> {
  const lens = await startLens({ loadDemo: false });
  try {
    const setup = await lens.browser.context.newPage();
    await setup.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
    await setup.getByTestId('account-count').waitFor();
    await setup.evaluate(seedSource(JSON.stringify(generatedBook(n))));
    const t0 = Date.now();
    await setup.evaluate(`chrome.runtime.sendMessage({ type: 'data/changed' })`);
    let ctas = -1;
    let settledAt = t0;
    for (let still = 0; still < 3; ) {
      await setup.waitForTimeout(1000);
      const now = (await setup.evaluate(countSource('ctas'))) as number;
      if (now !== ctas) settledAt = Date.now();
      still = now === ctas && now > 0 ? still + 1 : 0;
      ctas = now;
    }
    await setup.close();
    await lens.browser.context.addInitScript(TODAY_WATCH);
    const paintMs: number[] = [];
    const frameMs: number[] = [];
    const bootMs: number[] = [];
    const scriptMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const panel = await lens.browser.context.newPage();
      await panel.goto(`chrome-extension://${lens.browser.extensionId}/sidepanel.html`);
      // Page-side polling (the extension's CSP refuses the string functions waitForFunction would run).
      const at = (await panel.evaluate(`new Promise((resolve) => {
        const look = () => ('frame' in (window.__lensToday ?? {}) ? resolve(window.__lensToday) : setTimeout(look, 20));
        look();
      })`)) as { script: number; boot: number; paint: number; frame: number };
      scriptMs.push(at.script);
      bootMs.push(at.boot);
      paintMs.push(at.paint);
      frameMs.push(at.frame);
      await panel.close();
    }
    return { paintMs, frameMs, scriptMs, bootMs, ctas, evaluateS: Math.round((settledAt - t0) / 100) / 10 };
  } finally {
    await lens.close();
  }
}
