import { request } from 'node:https';
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_HOST } from '../../scripts/demo-crm/records';
import { launcherFor, openPanel, useLens } from './fixture';

/**
 * The CRM page is hostile: its own script, in its main world and running
 * before the content script, tries everything it can to read the launcher and
 * the panel, and to put its own page where the panel was. Account names are
 * the page's own; anything about health, band, score or renewal is not.
 */
const lens = useLens({ allowDialogs: true });

const EVIL = `https://${DEMO_HOST}/evil-phishing-frame`;
/** What the panel knows and the page must never learn (demo accounts 0–2, and the band colours). */
// (Names are the page's own, and one demo account is called "Umbrella Health": words, not the name, are matched.)
const PRIVATE = [
  /health (green|yellow|red|unknown)/i, /\b(yellow|green)\b/i, /健康度/, /\((61|82|35)\)/, /renews|contract ended|天后续约|合同已到期/i,
  /\b-?\d+d\b/, /not in your data/i, /rgb\(221, 122, 1\)|rgb\(46, 132, 74\)|rgb\(186, 5, 23\)/,
];

/** The attacker's script, served in the page's <head> so it runs in the main world before anything of ours. */
const HOSTILE_SCRIPT = String.raw`(() => {
  const loot = (window.__loot = { strings: [], defined: [], internals: 0, roots: 0, navigated: 0, frames: 0, errors: [] });
  const roots = new Set();
  const iframes = new Set();
  const take = (s) => { if (typeof s === 'string' && s.trim()) loot.strings.push(s); };
  const harvest = (root) => {
    if (!root) return;
    take(root.innerHTML);
    for (const el of root.querySelectorAll('*')) {
      for (const a of el.attributes) take(a.value);
      take(el.textContent);
      const cs = getComputedStyle(el);
      take(cs.backgroundColor); take(cs.color); take(cs.boxShadow); take(cs.borderColor);
      for (const pseudo of ['::before', '::after']) take(getComputedStyle(el, pseudo).content);
      if (el.shadowRoot && !roots.has(el.shadowRoot)) { roots.add(el.shadowRoot); harvest(el.shadowRoot); }
      if (el.tagName === 'IFRAME') iframes.add(el);
    }
  };
  // Every hyphenated tag the extension inserts gets a definition of the page's own, before or as it
  // appears; each instance asks for ElementInternals, whose shadowRoot opens even a closed root.
  const define = (name) => {
    if (!name.includes('-') || customElements.get(name)) return;
    try {
      customElements.define(name, class extends HTMLElement {
        constructor() {
          super();
          try {
            const internals = this.attachInternals();
            loot.internals++;
            const grab = () => { if (internals.shadowRoot && !roots.has(internals.shadowRoot)) { loot.roots++; roots.add(internals.shadowRoot); } };
            grab(); setTimeout(grab, 0); setTimeout(grab, 200);
          } catch (e) { loot.errors.push(String(e)); }
        }
      });
      loot.defined.push(name);
    } catch (e) { loot.errors.push(String(e)); }
  };
  ['account-lens', 'account-lens-root', 'lens-launcher', 'lens-panel', 'wxt-shadow-root'].forEach(define);
  const onNode = (node) => {
    if (!(node instanceof Element)) return;
    [node, ...node.querySelectorAll('*')].forEach((el) => define(el.localName));
    // A plain element: try to attach our own root (throws if it already has one) or internals.
    try { node.attachInternals(); loot.internals++; } catch {}
    harvest(node);
  };
  new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach(onNode);
      if (r.type === 'attributes' && r.target instanceof Element) take(r.target.getAttribute(r.attributeName));
      if (r.type === 'characterData') take(r.target.data);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  window.__sweep = () => {
    harvest(document.documentElement);
    for (const root of roots) harvest(root);
    loot.frames = window.frames.length;
    for (let i = 0; i < window.frames.length; i++) {
      try { take(window.frames[i].location.href); } catch {}
      try { harvest(window.frames[i].document.documentElement); } catch {}
    }
    for (const entry of performance.getEntries()) take(entry.name);
    take(document.title);
    return loot;
  };
  // Put the attacker's page where the panel is, by every handle the page has.
  window.__swap = (url) => {
    window.__sweep();
    for (const el of iframes) { try { el.src = url; loot.navigated++; } catch {} }
    for (let i = 0; i < window.frames.length; i++) { try { window.frames[i].location.href = url; loot.navigated++; } catch {} }
    return loot.navigated;
  };
})();`;

interface Loot {
  strings: string[];
  defined: string[];
  internals: number;
  roots: number;
  navigated: number;
  frames: number;
  errors: string[];
}

/** The demo server's answer for a CRM URL (Node cannot resolve the CRM host names the browser maps). */
function fromDemoServer(url: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((ok, fail) => {
    request({ host: '127.0.0.1', port: lens.crm.port, path: u.pathname + u.search, headers: { host: u.hostname }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 500, body }));
    })
      .on('error', fail)
      .end();
  });
}

/** Serves the record pages with the attacker's script first in <head>, and a page of the attacker's own. */
async function hostilePage(recordId: string): Promise<Page> {
  const page = await lens.browser.context.newPage();
  await page.route(
    (url) => url.hostname === DEMO_HOST && !url.pathname.startsWith('/__demo'),
    async (route) => {
      if (new URL(route.request().url()).pathname === '/evil-phishing-frame')
        return route.fulfill({ contentType: 'text/html', body: '<title>evil</title><h1>Sign in again to Account Lens</h1>' });
      const { status, body } = await fromDemoServer(route.request().url());
      return route.fulfill({ status, contentType: 'text/html', body: body.replace('<head>', `<head><script>${HOSTILE_SCRIPT}</script>`) });
    },
  );
  await page.goto(lens.recordUrl(recordId));
  return page;
}

const loot = (page: Page) => page.evaluate('window.__sweep()') as Promise<Loot>;
const privateIn = (strings: string[]) => strings.filter((s) => PRIVATE.some((re) => re.test(s))).map((s) => s.slice(0, 120));
const band = (f: Frame) => f.getByTestId('health-card').locator('.badge').innerText();
const panelFrames = (page: Page) => page.frames().filter((f) => !f.isDetached() && f.url().includes('/sidepanel.html'));

/** Sends a frame elsewhere from its own window; the frame may be gone before the call returns. */
const navigateFrom = (f: Frame, url: string) => f.evaluate((u) => void location.assign(u), url).catch(() => undefined);

/**
 * The URLs of the frames that are really there: each answers from its own document within 1.5 s. The
 * test driver keeps its own list of frames, which can hold one whose navigation it saw cut short by the
 * frame's removal; such a frame never answers again.
 */
async function liveFrameUrls(page: Page): Promise<string[]> {
  const ask = (f: Frame) =>
    Promise.race([f.evaluate(() => location.href).catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), 1_500))]);
  const urls = await Promise.all(page.frames().filter((f) => f !== page.mainFrame() && !f.isDetached()).map(ask));
  return urls.filter((u): u is string => u !== null);
}

/** Waits until no live frame is at `from` (navigated or removed) nor at the attacker's page. */
async function leaves(page: Page, from: string, timeout: number): Promise<boolean> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (!(await liveFrameUrls(page)).some((u) => u === from || u.startsWith(EVIL))) return true;
    await page.waitForTimeout(100);
  }
  return false;
}

/**
 * Sends the panel frame to `url` from inside, as a handle on its window would, and waits until it has
 * left. A navigation the browser dropped (the frame still at its own URL) is tried again, as an
 * attacker would; three tries in all.
 */
async function sendAway(page: Page, f: Frame, url: string): Promise<void> {
  const from = f.url();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!f.isDetached() && f.url() === from) await navigateFrom(f, url);
    if (await leaves(page, from, 5_000)) return;
  }
  throw new Error(`the frame at ${from} was neither navigated nor replaced; frames: ${(await liveFrameUrls(page)).join(', ')}`);
}

/** The panel frame showing that account's heading: the real panel, read with the browser's own privileges. */
async function livePanel(page: Page, name: string): Promise<Frame> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    for (const f of panelFrames(page)) {
      if (await f.getByRole('heading', { level: 1, name }).count().catch(() => 0)) return f;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`no panel frame shows ${name}`);
}

describe('a hostile CRM page', () => {
  it('reads no account data from the launcher, by custom elements, internals, attributes, styles or frames', async () => {
    const records = lens.crm.records.filter((r) => r.crm === 'salesforce').slice(0, 8);
    const page = await hostilePage(records[0]!.recordId);
    await launcherFor(page, records[0]!.name);
    // The panel really has the private data (so finding none below means something).
    const frame = await openPanel(lens, page, records[0]!.name);
    expect(await band(frame)).toBe('yellow');

    // Step through records by history.pushState with no user action, harvesting after each.
    for (const r of records.slice(1)) {
      await page.evaluate((path) => {
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
      }, `/lightning/r/Account/${r.recordId}/view`);
      await launcherFor(page, r.name);
      await loot(page);
    }
    const got = await loot(page);
    // The attack ran: it defined elements and watched every node, but opened no shadow root of ours.
    expect(got.defined).toContain('account-lens');
    expect(got.roots).toBe(0);
    expect(got.strings.length).toBeGreaterThan(0);
    expect(privateIn(got.strings)).toEqual([]);
    // The panel frame's URL (its nonce, the dynamic id) is not among what the page could read.
    const url = panelFrames(page)[0]!.url();
    expect(got.strings.filter((s) => s.includes(new URL(url).searchParams.get('n')!))).toEqual([]);
    await page.close();
  });

  it('cannot swap the panel frame for its own page: a swapped frame is replaced by a fresh panel', async () => {
    const r = lens.crm.records[0]!;
    const page = await hostilePage(r.recordId);
    await launcherFor(page, r.name);
    await openPanel(lens, page, r.name);
    const before = await livePanel(page, r.name);
    const oldUrl = before.url();
    const navigated = (await page.evaluate((u) => (window as unknown as { __swap(u: string): number }).__swap(u), EVIL)) as number;
    const { frames } = await loot(page);
    // Whatever the page reached, within moments the panel is ours again.
    expect(await leaves(page, frames + navigated > 0 ? oldUrl : EVIL, 10_000)).toBe(true);
    const after = await livePanel(page, r.name);
    expect((await liveFrameUrls(page)).filter((u) => u.includes('/sidepanel.html'))).toHaveLength(1);
    expect(await band(after)).toBe('yellow');
    // The page's handles on frames (window.frames sees no frame in our closed root here): the worst case is
    // played by the browser navigating the panel frame to the attacker's page, as window.frames[i].location would.
    if (frames + navigated > 0) expect(after.url()).not.toBe(oldUrl);
    const swappedAt = after.url();
    // (Navigated from inside, as a handle on the frame's window would: a navigation the test driver
    // started itself and saw cut short by the frame's removal leaves its own bookkeeping of frames behind.)
    await sendAway(page, after, EVIL);
    const fresh = await livePanel(page, r.name);
    expect(fresh.url()).not.toBe(swappedAt); // a new frame, with a new nonce
    expect((await liveFrameUrls(page)).filter((u) => u.includes('/sidepanel.html'))).toHaveLength(1);
    expect(await band(fresh)).toBe('yellow');
    // And a swap to our own panel page without a live nonce (the page knowing the dynamic URL) is replaced too.
    const dynamic = (await lens.browser.worker.evaluate(`chrome.runtime.getURL('/sidepanel.html')`)) as string;
    await sendAway(page, fresh, `${dynamic}?host=frame&n=${new URL(fresh.url()).searchParams.get('n')}`);
    expect((await livePanel(page, r.name)).url()).not.toBe(fresh.url());
    expect((await liveFrameUrls(page)).filter((u) => u.includes('/sidepanel.html'))).toHaveLength(1);
    await page.close();
  });
});

describe('a page that draws over the panel', () => {
  const coverOf = (f: Frame) => f.evaluate(() => document.querySelector('.app')?.getAttribute('data-cover') ?? null).catch(() => 'gone');
  const inert = (f: Frame) => f.evaluate(() => (document.querySelector('.app-body') as HTMLElement | null)?.inert ?? null);

  it('pauses the panel while anything covers, fades or hides it, and resumes once it is gone', async () => {
    const r = lens.crm.records[0]!;
    const page = await hostilePage(r.recordId);
    await openPanel(lens, page, r.name);
    const frame = await livePanel(page, r.name);
    expect(await coverOf(frame)).toBeNull();
    expect(await inert(frame)).toBe(false);

    const attacks: Record<string, string> = {
      // A decoy in the top layer that lets every click fall through to the panel under it.
      clickThroughPopover: `const d = document.createElement('div'); d.id = 'decoy'; d.popover = 'manual';
        d.style.cssText = 'pointer-events:none;position:fixed;inset:0 0 0 auto;margin:0;width:560px;height:100vh;background:#fff;border:0';
        d.textContent = 'Click here to win'; document.body.append(d); d.showPopover();`,
      // A modal dialog of the page's own over the whole window.
      modalDialog: `const d = document.createElement('dialog'); d.id = 'decoy'; d.style.cssText = 'width:100vw;height:100vh;max-width:none;max-height:none;margin:0';
        document.body.append(d); d.showModal();`,
      // Our host taken out of the top layer (it is a plain div in the page's DOM), then a decoy stacked above it.
      hostDemoted: `const host = [...document.documentElement.children].find((e) => e.hasAttribute('popover'));
        host.hidePopover(); host.removeAttribute('popover');
        const d = document.createElement('div'); d.id = 'decoy';
        d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgba(255,255,255,.98)'; document.body.append(d);
        setTimeout(() => { host.hidePopover?.(); }, 10);`,
    };
    for (const [name, script] of Object.entries(attacks)) {
      await page.evaluate(script);
      await expect.poll(() => coverOf(frame), { timeout: 5_000, message: name }).not.toBeNull();
      expect(await inert(frame), name).toBe(true);
      // Everything stays mounted under the pause: the account is still there when the cover goes.
      expect(await frame.getByRole('heading', { level: 1, name: r.name }).count(), name).toBe(1);
      await page.evaluate(`{ const d = document.getElementById('decoy'); d.close?.(); try { d.hidePopover(); } catch {} d.remove(); }`);
      await expect.poll(() => coverOf(frame), { timeout: 5_000, message: `${name} removed` }).toBeNull();
      expect(await inert(frame), name).toBe(false);
    }

    // A style the page writes on the host is put back before it is ever painted.
    await page.evaluate(`{ const host = [...document.documentElement.children].find((e) => e.hasAttribute('popover'));
      host.style.opacity = '0.01'; host.style.setProperty('display', 'none', 'important'); }`);
    await expect
      .poll(() => page.evaluate(`getComputedStyle([...document.documentElement.children].find((e) => e.hasAttribute('popover'))).opacity`), { timeout: 2_000 })
      .toBe('1');
    await expect.poll(() => coverOf(frame), { timeout: 5_000 }).toBeNull();
    expect(await band(frame)).toBe('yellow');
    await page.close();
  });
});

describe('a page that frames the panel itself', () => {
  it('gets an empty shell or nothing at all, whatever URL it uses', async () => {
    const r = lens.crm.records[0]!;
    const page = await hostilePage(r.recordId);
    await openPanel(lens, page, r.name);
    const real = await livePanel(page, r.name);
    // Worst case: the attacker knows the session's dynamic URL and a spent nonce of ours.
    const dynamic = new URL((await lens.browser.worker.evaluate(`chrome.runtime.getURL('/sidepanel.html')`)) as string);
    expect(dynamic.host).not.toBe(lens.browser.extensionId);
    const origin = `${dynamic.protocol}//${dynamic.host}`; // (Node gives non-special schemes a null origin)
    const spent = new URL(real.url()).searchParams.get('n')!;
    const id = lens.browser.extensionId;
    const urls: Record<string, string> = {
      static: `chrome-extension://${id}/sidepanel.html?host=frame`,
      staticSide: `chrome-extension://${id}/sidepanel.html`,
      dynamicNoNonce: `${origin}/sidepanel.html?host=frame`,
      dynamicAsSidePanel: `${origin}/sidepanel.html`,
      dynamicGuessed: `${origin}/sidepanel.html?host=frame&n=${'0'.repeat(32)}`,
      dynamicSpent: `${origin}/sidepanel.html?host=frame&n=${spent}`,
    };
    await page.evaluate((all) => {
      for (const [name, src] of Object.entries(all)) {
        const f = document.createElement('iframe');
        f.name = name;
        f.src = src;
        f.style.cssText = 'opacity:0.01;position:fixed;left:0;top:0;width:400px;height:600px;';
        document.body.append(f);
      }
    }, urls);
    await page.waitForTimeout(2500);
    const blocked: string[] = [];
    for (const name of Object.keys(urls)) {
      const f = page.frames().find((x) => x.name() === name);
      expect(f, name).toBeDefined();
      // Blocked outright (the static URL, now that only the session's dynamic one loads): no page of ours.
      const ours = await f!.evaluate(() => !!document.getElementById('root')).catch(() => false);
      if (f!.url().startsWith('chrome-error:') || !ours) {
        blocked.push(name);
        continue;
      }
      const text = await f!.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      expect(text, name).not.toContain(r.name);
      expect(privateIn([text]), name).toEqual([]);
      const html = await f!.evaluate(() => document.documentElement.outerHTML).catch(String);
      expect(await f!.locator('h1, [data-testid=health-band], button').count().catch(() => 0), `${name}: ${html.slice(-600)}`).toBe(0);
      const trust = await f!.evaluate(() => document.querySelector('.app')?.getAttribute('data-trust') ?? null).catch(() => null);
      expect(trust, name).toBe('refused');
    }
    expect(blocked).toEqual(['static', 'staticSide']);
    // Our own panel is unaffected.
    expect(await band(real)).toBe('yellow');
    await page.close();
  });
});
