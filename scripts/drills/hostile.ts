import type { Page } from 'playwright-core';
import { launcherFor, openPanel, startLens } from '../../tests/e2e/fixture';
import { DEMO_HOST } from '../demo-crm/records';
import { DrillRun, extensionPage, median, quantile, readStores, sleep, timeoutRoundTrips } from './common';

const MARKER = 'DRILL-HOSTILE-7f3a';

/**
 * Drill 4: a CRM record page turns hostile. It posts panel-like commands to
 * every frame (the panel's included), tries the extension's runtime messaging
 * directly, then rewrites a big subtree every 5 ms. Nothing may reach the
 * extension's data, and the page must stay responsive with the right launcher.
 */
export async function drillHostilePage(run: DrillRun): Promise<void> {
  const lens = await startLens();
  run.defer(() => lens.close());
  const ext = await extensionPage(lens);
  const record = lens.crm.records[0]!; // Acme Analytics in the demo book
  const page = await lens.openRecord(record.recordId);
  const frame = await openPanel(lens, page, 'Acme Analytics');
  await frame.getByRole('heading', { level: 1, name: 'Acme Analytics' }).waitFor();
  await sleep(1000); // detection's own work (CTA evaluation) settles first
  const before = await readStores(ext);
  const count = (s: Record<string, unknown[]>) => Object.fromEntries(Object.entries(s).map(([n, rows]) => [n, rows.length]));
  const countsBefore = count(before);

  // (a) Panel-like commands posted to every frame and to the page itself.
  const id = lens.browser.extensionId;
  const messages = [
    { type: 'record/create', kind: 'ctas', fields: { accountId: 'demo-0', title: MARKER, source: 'manual', status: 'open', dueDate: '2026-12-01' } },
    { type: 'account/add', ref: { crm: 'salesforce', recordId: '001Dm00000Zz099AAA', orgKey: 'acme-demo' }, input: { name: MARKER, contractEnd: '2030-01-01' } },
    { type: 'ui/set', patch: { open: false, width: 99999 } },
    { type: 'panel/close' },
    { type: 'sync/now' },
    { type: 'watch/portfolio', id: 1 },
  ];
  const posted = (await page.evaluate(`(() => {
    const msgs = ${JSON.stringify(messages)};
    let n = 0;
    for (let i = 0; i < window.frames.length; i++) {
      for (const m of msgs) {
        for (const origin of ['*', 'chrome-extension://${id}']) {
          try { window.frames[i].postMessage(m, origin); n++; } catch (e) {}
          try { window.frames[i].postMessage(JSON.stringify(m), origin); n++; } catch (e) {}
        }
      }
    }
    for (const m of msgs) { window.postMessage(m, '*'); window.postMessage({ source: 'account-lens', ...m }, '*'); n += 2; }
    return n;
  })()`)) as number;
  // The panel's iframe sits in a closed shadow root, out of window.frames: a page that got hold of it
  // anyway (the worst case) is played by calling postMessage on the element in the page's own world.
  const toPanel = await postToPanelFrame(page, messages);
  run.fault();
  run.note(`posted ${posted} messages via window.frames (${await page.evaluate('window.frames.length')} frame(s)) and the page, ${toPanel} straight to the panel iframe`);
  run.check('the panel iframe was reached from the page\'s world', toPanel > 0);

  // (b) The extension's runtime messaging, called from the page.
  const direct = (await page.evaluate(`(async () => {
    const out = [];
    const rt = typeof chrome !== 'undefined' ? chrome.runtime : undefined;
    out.push('chrome.runtime ' + (rt ? 'present' : 'absent'));
    try {
      const r = await chrome.runtime.sendMessage(${JSON.stringify(id)}, ${JSON.stringify(messages[0])});
      out.push('sendMessage answered ' + JSON.stringify(r));
    } catch (e) { out.push('sendMessage failed: ' + String(e && e.message || e).slice(0, 80)); }
    try {
      const port = chrome.runtime.connect(${JSON.stringify(id)}, { name: 'lens-data' });
      port.postMessage({ type: 'watch/portfolio', id: 1 });
      const got = await new Promise((res) => { port.onMessage.addListener((m) => res('message')); port.onDisconnect.addListener(() => res('disconnected')); setTimeout(() => res('silence'), 1000); });
      out.push('connect: ' + got);
    } catch (e) { out.push('connect failed: ' + String(e && e.message || e).slice(0, 80)); }
    return out;
  })()`)) as string[];
  run.fault(2);
  run.note(`runtime from the page: ${direct.join('; ')}`);
  run.check('the page got no answer from the extension', !direct.some((d) => d.startsWith('sendMessage answered') || d === 'connect: message'));

  await sleep(1500);
  const after = await readStores(ext);
  const leaked = Object.entries(after).filter(([, rows]) => JSON.stringify(rows).includes(MARKER)).map(([n]) => n);
  run.check('no record written by the page reached IndexedDB', leaked.length === 0, leaked.length ? `found in ${leaked.join(', ')}` : undefined);
  const countsAfter = count(after);
  const changed = Object.keys({ ...countsBefore, ...countsAfter }).filter((n) => n !== 'meta' && countsBefore[n] !== countsAfter[n]);
  run.check('no table changed size', changed.length === 0, changed.map((n) => `${n} ${countsBefore[n]}→${countsAfter[n]}`).join(', ') || undefined);
  run.check('the panel stayed open on the account', (await frame.getByRole('heading', { level: 1, name: 'Acme Analytics' }).count()) === 1);
  const margin = await page.evaluate('getComputedStyle(document.documentElement).marginRight');
  run.check('the page could not resize the panel', margin === '380px', String(margin));

  // (d) The page defines a custom element for every hyphenated tag, asks each element for
  // ElementInternals and shadow roots, and reads every attribute, text and colour it can reach.
  run.fault();
  const harvest = (await page.evaluate(`(() => {
    const out = [];
    let internals = 0, roots = 0;
    const names = new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.includes('-')));
    names.add('account-lens');
    for (const n of names) { try { if (!customElements.get(n)) customElements.define(n, class extends HTMLElement {}); } catch (e) {} }
    for (const el of document.querySelectorAll('*')) {
      try { const i = el.attachInternals(); internals++; if (i.shadowRoot) { roots++; out.push(i.shadowRoot.innerHTML); } } catch (e) {}
      if (el.shadowRoot) { roots++; out.push(el.shadowRoot.innerHTML); }
      for (const a of el.attributes) out.push(a.value);
      const cs = getComputedStyle(el);
      out.push(cs.backgroundColor, cs.color);
    }
    out.push(document.documentElement.outerHTML);
    for (const e of performance.getEntries()) out.push(e.name);
    return { strings: out, internals, roots, frames: window.frames.length };
  })()`)) as { strings: string[]; internals: number; roots: number; frames: number };
  const privateWords = /health (green|yellow|red|unknown)|\((61)\)|renews in|contract ended|rgb\(221, 122, 1\)/i;
  const found = harvest.strings.filter((x) => privateWords.test(x));
  run.check('custom elements and internals opened no shadow root of ours', harvest.roots === 0, `${harvest.internals} internals on the page's own elements, ${harvest.frames} frame(s) in window.frames`);
  run.check('nothing the page can read names health or renewal', found.length === 0, found.map((x) => x.slice(0, 60)).join(' | ') || undefined);

  // (e) The page frames the panel itself, invisibly, even knowing the session's dynamic URL.
  run.fault();
  const dynamic = (await lens.browser.worker.evaluate(`chrome.runtime.getURL('/sidepanel.html')`)) as string;
  await page.evaluate(`(() => {
    for (const [name, src] of [['drill-static', 'chrome-extension://${id}/sidepanel.html?host=frame'], ['drill-dynamic', ${JSON.stringify(dynamic)} + '?host=frame'], ['drill-side', ${JSON.stringify(dynamic)}]]) {
      const f = document.createElement('iframe');
      f.name = name; f.src = src; f.style.cssText = 'opacity:0.01;position:fixed;left:0;top:0;width:300px;height:300px';
      document.body.append(f);
    }
    return true;
  })()`);
  await sleep(2000);
  const framed = await Promise.all(
    page.frames().filter((f) => f.name().startsWith('drill-')).map(async (f) => `${f.name()}: ${await f.evaluate(`!document.getElementById('root') ? 'blocked' : document.body.innerText.includes('Acme') || !!document.querySelector('h1, button') || !document.querySelector('.app[data-trust=refused]') ? 'SHOWS THE PANEL' : 'empty shell'`).catch(() => 'blocked')}`),
  );
  run.check('a panel framed by the page shows nothing', framed.length === 3 && framed.every((f) => !f.includes('SHOWS')), framed.join(', '));
  await page.evaluate(`document.querySelectorAll('iframe[name^=drill-]').forEach((f) => f.remove()); true`);

  // (f) The panel frame is navigated to the attacker's page (as window.frames[i].location would):
  // the content script replaces it with a fresh panel.
  run.fault();
  const evil = `https://${DEMO_HOST}/lightning/o/Account/list?drill-phish`;
  await frame.goto(evil).catch(() => undefined);
  let back: number | null = null;
  const t0 = Date.now();
  while (Date.now() - t0 < 10_000 && back === null) {
    const panels = page.frames().filter((f) => f.url().includes('/sidepanel.html'));
    const phish = page.frames().some((f) => f.url() === evil);
    if (!phish && panels.length === 1 && (await panels[0]!.getByRole('heading', { level: 1, name: 'Acme Analytics' }).count().catch(() => 0))) back = Date.now() - t0;
    else await sleep(100);
  }
  run.check('a swapped panel frame is replaced by a fresh panel', back !== null, back === null ? 'the attacker\'s page stayed' : `${back} ms`);

  // (c) A page that rewrites a big subtree every 5 ms. Baseline first: the same churn on the CRM's
  // list view, where the content script has no record to show (no launcher, no panel).
  const list = await lens.browser.context.newPage();
  await list.goto(`https://${DEMO_HOST}/lightning/o/Account/list`);
  await list.getByRole('heading', { name: 'Accounts: Recently Viewed' }).waitFor();
  const base = await churnAndMeasure(list);
  await list.close();
  const churn = await churnAndMeasure(page);
  run.fault();
  const med = median(churn.rounds);
  run.note(`the page's own rewrite costs ${median(churn.ticks).toFixed(1)} ms a tick (median; 1,000 nodes replaced every 5 ms)`);
  run.note(`setTimeout(0) round trip under DOM churn: median ${med.toFixed(1)} ms, p95 ${quantile(churn.rounds, 0.95).toFixed(1)} ms on the record page; baseline without a record (list view) median ${median(base.rounds).toFixed(1)} ms`);
  run.check('the page stays responsive (setTimeout(0) median < 50 ms)', med < 50, `${med.toFixed(1)} ms`);
  const launcher = await launcherFor(page, 'Acme Analytics').then((h) => h.name, (e: unknown) => String(e));
  run.check('the launcher still names the right account, and only its name', launcher === 'Account Lens: Acme Analytics', launcher.slice(0, 80));
  const ticks = (await page.evaluate(`document.querySelector('#drill-thrash div div')?.textContent ?? ''`)) as string;
  run.check('the churn was really running', /tick \d+/.test(ticks) && Number(/tick (\d+)/.exec(ticks)?.[1]) > 20, ticks);
  await page.evaluate('clearInterval(window.__drillThrash); true');
  run.check('no page opened a dialog', lens.dialogs.length === 0, lens.dialogs.join(' | ') || undefined);
}

/** Starts rewriting a 1,000-node subtree every 5 ms, lets it run 1 s, then times 100 setTimeout(0) round trips. */
async function churnAndMeasure(page: Page): Promise<{ rounds: number[]; ticks: number[] }> {
  await page.evaluate(`(() => {
    const host = document.createElement('section');
    host.id = 'drill-thrash';
    document.body.appendChild(host);
    let k = 0;
    window.__drillTicks = [];
    window.__drillThrash = setInterval(() => {
      const t0 = performance.now();
      const box = document.createElement('div');
      for (let i = 0; i < 1000; i++) {
        const row = document.createElement('div');
        row.className = 'slds-form-element';
        row.textContent = 'Row ' + i + ' tick ' + k;
        box.appendChild(row);
      }
      host.replaceChildren(box);
      k++;
      window.__drillTicks.push(performance.now() - t0);
    }, 5);
    return true;
  })()`);
  await sleep(1000);
  const rounds = await timeoutRoundTrips(page);
  const ticks = (await page.evaluate('window.__drillTicks.slice(-200)')) as number[];
  return { rounds, ticks };
}

interface DomNode {
  nodeName: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/** Posts each message (as an object and as JSON text) to the panel iframe's window, from the page's main world. */
async function postToPanelFrame(page: Page, messages: unknown[]): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const frames: DomNode[] = [];
    const walk = (n: DomNode) => {
      if (n.nodeName === 'IFRAME' && (n.attributes ?? []).some((a) => a.includes('sidepanel.html'))) frames.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    let n = 0;
    for (const f of frames) {
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: f.backendNodeId })) as { object: { objectId?: string } };
      if (!object.objectId) continue;
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (msgs) {
          let n = 0;
          for (const m of msgs) for (const origin of ['*', new URL(this.src).origin]) {
            this.contentWindow.postMessage(m, origin); this.contentWindow.postMessage(JSON.stringify(m), origin); n += 2;
          }
          return n;
        }`,
        arguments: [{ value: messages }],
        returnByValue: true,
      })) as { result: { value?: unknown } };
      n += typeof result.value === 'number' ? result.value : 0;
    }
    return n;
  } finally {
    await cdp.detach();
  }
}
