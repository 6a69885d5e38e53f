import type { Page } from 'playwright-core';
import { openPanel, type Lens } from '../../tests/e2e/fixture';
import { toSalesforceId18 } from '../../crm/salesforce-id';
import type { CrmRecord } from '../demo-crm/records';
import { salesforceStage } from '../demo-crm/salesforce';
import { DrillRun, median, poll, quantile, readStores, sleep } from './common';
import { launcherLabel, offeredName, panelOffers, tickAndMeasure } from './hostile-dom-page';

/**
 * The hostile page, naming its records with markup, script, template syntax,
 * javascript: URLs, __proto__, bidi and zero-width characters, or 100 KB: the
 * launcher and the panel show them as text, nothing runs, and nothing is
 * stored for an account not in the book.
 */

const LONG = 100 * 1024;

/** Names a CRM may hold and show as text: each must stay text in the launcher and the panel. */
const HOSTILE: { kind: string; name: string }[] = [
  { kind: 'img onerror', name: 'Acme <img src=x onerror="window.__pwned=1"> Corp' },
  { kind: 'script element', name: '<script>window.__pwned=2</script> Initrode' },
  { kind: 'template injection', name: "{{constructor.constructor('window.__pwned=3')()}} Ltd" },
  { kind: 'javascript: URL', name: 'javascript:window.__pwned=4//' },
  { kind: 'svg onload, broken out of an attribute', name: '"><svg onload=window.__pwned=5> \'-alert(1)-\'' },
  { kind: 'placeholders', name: '{name} {band} {score} $& $1 %s ${window.__pwned=6}' },
  { kind: '__proto__', name: '__proto__' },
  { kind: 'bidi and zero-width', name: '\u202Eevil\u202C Co\u200Brp\u200D \u2067رشركة\u2069 \u200F' },
];

/** The name as the content script reads a header: whitespace collapsed, trimmed. */
const asRead = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function scriptLadenNames(run: DrillRun, lens: Lens, ext: Page, sf: CrmRecord[]): Promise<void> {
  const beforeRows = await readStores(ext);
  // Visiting a record in the book may raise its calls to action (rows that name its account id): those are not counted.
  const inBook = sf[0]!;
  const inBookId = (beforeRows.accounts as { id: string; recordId: string }[]).find((a) => a.recordId === inBook.recordId)!.id;
  const count = (s: Record<string, unknown[]>) =>
    Object.fromEntries(Object.entries(s).filter(([n]) => n !== 'meta').map(([n, rows]) => [n, rows.filter((r) => !JSON.stringify(r).includes(inBookId)).length]));
  const before = count(beforeRows);

  // Records of the demo org the book does not know, rendered (escaped) by the demo CRM's own page code.
  const fake = (i: number, name: string): CrmRecord => ({ crm: 'salesforce', recordId: toSalesforceId18(`001Dm00000Zz${String(100 + i)}`)!, name, owner: 'Tom Becker' });
  const records = [...HOSTILE.map((h, i) => fake(i, h.name)), fake(90, 'Q'.repeat(LONG - 8) + ' Holding'), fake(91, 'Plainview Dairy')];
  const byId = new Map(records.map((r) => [r.recordId, r]));
  const start = sf.find((r) => r.name === 'Contoso Pharma')!;
  const page = await lens.openRecord(start.recordId);
  await page.route(
    (url) => url.pathname === '/__demo/stage' && [...byId.keys()].some((id) => url.searchParams.get('route')?.includes(id)),
    (route) => {
      const path = new URL(route.request().url()).searchParams.get('route')!;
      return route.fulfill({ json: salesforceStage(path, [...sf, ...records]) });
    },
  );
  const frame = await openPanel(lens, page, start.name);
  await panelOffers(frame, start.name);

  for (const [i, h] of HOSTILE.entries()) {
    run.fault();
    const ms = await goTo(page, records[i]!, () => panelOffers(frame, asRead(h.name)));
    const label = await launcherLabel(page);
    run.check(
      `${h.kind}: the panel offers the name as text`,
      ms !== null,
      ms === null ? `offers ${JSON.stringify((await offeredName(frame))?.slice(0, 80))}` : `${Math.round(ms)} ms`,
    );
    run.check(`${h.kind}: the launcher names it as text`, label === `Account Lens: ${asRead(h.name)}`, JSON.stringify(label.slice(0, 120)));
  }

  // In place: the header of the open record is rewritten (an inline rename), markup as text.
  const inPlace = '<img src=x onerror="window.__pwned=7"><script>window.__pwned=8</script>';
  run.fault();
  await page.evaluate(`document.querySelector('.oneContent.active h1 lightning-formatted-text').textContent = ${JSON.stringify(inPlace)}; true`);
  const renamed = await pollLabel(page, `Account Lens: ${inPlace}`, 5000);
  run.check('renamed in place: the launcher follows, as text', renamed !== null, renamed === null ? JSON.stringify((await launcherLabel(page)).slice(0, 120)) : `${renamed} ms`);

  const pwned = { page: await page.evaluate('window.__pwned ?? null'), panel: await frame.evaluate('window.__pwned ?? null') };
  run.check('nothing in a name ran, in the page or in the panel', pwned.page === null && pwned.panel === null, JSON.stringify(pwned));
  const markup = (await frame.evaluate(`document.querySelectorAll('img[src="x"], script:not([src]), svg[onload], a[href^="javascript:"], [onerror], [onload]').length`)) as number;
  run.check('no element of a name appeared in the panel', markup === 0, String(markup));

  // 100 KB: far more than any account name. Reached from a record in the book, so a panel left on
  // the previous record would show that account's card on this record's page.
  const back = await goTo(page, inBook, () => frame.getByRole('heading', { level: 1, name: inBook.name, exact: true }).waitFor({ timeout: 5000 }).then(() => true, () => false));
  run.check(`back on "${inBook.name}" (in the book): the panel shows its card`, back !== null);
  run.fault();
  const long = records.at(-2)!;
  const rendered = await goTo(page, long, () =>
    poll(async () => (await page.evaluate(`document.querySelector('.oneContent.active h1 lightning-formatted-text')?.textContent.length`)) === long.name.length, 5000, 50));
  run.check('100 KB name: the page rendered it', rendered !== null, rendered === null ? undefined : `${rendered} ms`);
  const rounds = await tickAndMeasure(page);
  run.note(`setTimeout(0) round trip with the 100 KB name and a hidden 5 ms ticker: median ${median(rounds).toFixed(1)} ms, p95 ${quantile(rounds, 0.95).toFixed(1)} ms`);
  run.check('100 KB name: the page stays responsive (setTimeout(0) median < 50 ms)', median(rounds) < 50, `${median(rounds).toFixed(1)} ms`);
  await sleep(500);
  const state = await tabRecord(ext, long.recordId, inBook.recordId);
  const label = await launcherLabel(page);
  const h1 = await frame.locator('h1').first().textContent().catch(() => null);
  run.note(
    `100 KB name, reached from "${inBook.name}": the tab's detected record is ${state}, the launcher says ${JSON.stringify(label.slice(0, 60))}, the panel's heading ${JSON.stringify(h1?.slice(0, 60))}`,
  );
  // The name is clipped to 200 characters by detection, so the record is still recognised.
  run.check('100 KB name: the tab follows the new record, not the previous one', state === 'the new one', state);
  run.check('100 KB name: the launcher no longer names the previous account', label !== `Account Lens: ${inBook.name}`, label.slice(0, 60));
  run.check('100 KB name: the panel no longer shows the previous account', h1 !== inBook.name, JSON.stringify(h1?.slice(0, 60)));

  // The next ordinary record shows normally again.
  const plain = records.at(-1)!;
  const next = await goTo(page, plain, () => panelOffers(frame, plain.name));
  run.check('after the 100 KB name, the next record shows normally', next !== null, next === null ? `offers ${JSON.stringify((await offeredName(frame))?.slice(0, 40))}` : `${next} ms`);

  await sleep(1000);
  const afterRows = await readStores(ext);
  const after = count(afterRows);
  const changed = Object.keys({ ...before, ...after }).filter((n) => before[n] !== after[n]);
  run.check('nothing was stored for the records not in the book (table sizes, meta aside)', changed.length === 0, changed.map((n) => `${n} ${before[n]}→${after[n]}`).join(', ') || undefined);
  const traces = ['__pwned', ...records.map((r) => r.recordId)];
  const leaked = Object.entries(afterRows).filter(([, rows]) => traces.some((t) => JSON.stringify(rows).includes(t))).map(([n]) => n);
  run.check('no hostile name or record id reached IndexedDB', leaked.length === 0, leaked.join(', ') || undefined);
}

/** In-app navigation to `r` through a link the page adds to its active view; ms until `shown` holds, or null. */
async function goTo(page: Page, r: CrmRecord, shown: () => Promise<boolean>): Promise<number | null> {
  const t0 = Date.now();
  await page.evaluate(`(() => {
    const a = document.createElement('a');
    a.setAttribute('data-spa', '');
    a.href = ${JSON.stringify(`/lightning/r/Account/${r.recordId}/view`)};
    a.textContent = 'next';
    document.querySelector('.oneContent.active').appendChild(a);
    a.click();
    return true;
  })()`);
  const ok = await shown();
  return ok ? Date.now() - t0 : null;
}

/** Which record the background holds for the tab showing `current` (from storage.session, as the panel reads it). */
async function tabRecord(ext: Page, current: string, previous: string): Promise<string> {
  const ids = (await ext.evaluate(`chrome.storage.session.get(null).then((all) =>
    Object.entries(all).filter(([k]) => k.startsWith('tab:')).map(([, v]) => [v.url, v.ref && v.ref.recordId]))`)) as [string, string][];
  // The drill's only CRM tab.
  const tab = ids.find(([url, id]) => id === current || id === previous || url.includes(current));
  if (!tab) return `none (${JSON.stringify(ids.map(([, id]) => id))})`;
  return tab[1] === current ? 'the new one' : tab[1] === previous ? 'still the previous one' : `another (${tab[1]})`;
}

async function pollLabel(page: Page, label: string, timeoutMs: number): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if ((await launcherLabel(page)) === label) return Date.now() - t0;
    await sleep(100);
  }
  return null;
}
