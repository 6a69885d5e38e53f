import type { Frame, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { clickAx, waitForAx } from '../../scripts/ax';
import { openPanel, tabIdOf, type Lens } from './fixture';

/**
 * Layout checks of every screen at the widths people use: nothing sticks out
 * sideways, no text is cut, no date or figure breaks across lines, the
 * title bar keeps its actions on one row. Each
 * screen is also saved as a picture in .demo/screens/ (<lang>-<screen>-<width>.png).
 */
export const PANEL_WIDTHS = [300, 380, 720] as const;
export const SCREENS_DIR = '.demo/screens';

/** What is wrong with the layout of `target`'s document, one line each (empty when nothing is). */
export function layoutProblems(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    const width = doc.clientWidth;
    if (doc.scrollWidth > width + 1) out.push(`the page scrolls sideways by ${doc.scrollWidth - width} px`);
    const label = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} “${text}”`;
    };
    // A box of its own that scrolls (a wide table in its scroller) is not the page going sideways.
    const scrolls = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll') return true;
      }
      return false;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden], [aria-hidden=true], .sr-only, .visually-hidden');
    };
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!visible(el) || el.tagName === 'OPTION' || el.tagName === 'SCRIPT') continue;
      const r = el.getBoundingClientRect();
      // Only the outermost box that sticks out: its children go with it.
      const parentOut = el.parentElement && el.parentElement !== document.body && el.parentElement.getBoundingClientRect().right > width + 1;
      if (r.right > width + 1 && !parentOut && !scrolls(el)) out.push(`${label(el)} sticks out by ${Math.round(r.right - width)} px`);
      const cs = getComputedStyle(el);
      const clips = cs.textOverflow === 'ellipsis' || cs.overflowX === 'hidden' || cs.overflowX === 'clip';
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
      if (clips && ownText && el.scrollWidth > el.clientWidth + 1) out.push(`${label(el)} is cut`);
    }
    // The title bar's actions and the account's chips: each on one row (chips may wrap between chips, never the bar).
    for (const bar of Array.from(document.querySelectorAll('header.bar .actions'))) {
      const tops = new Set(Array.from(bar.children).filter(visible).map((b) => Math.round(b.getBoundingClientRect().top)));
      if (tops.size > 1) out.push(`the title bar's actions wrap to ${tops.size} rows`);
    }
    // A date or a figure on one line: a token that the browser wrapped has line boxes at two heights.
    const token = /(?:[A-Z]{0,3}[¥$€£]\s?)?\d[\d,.:/\-]*\d(?:\s?[%])?|\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !visible(parent) || parent.closest('textarea, input, select')) continue;
      for (const m of (n.textContent ?? '').matchAll(token)) {
        const range = document.createRange();
        range.setStart(n, m.index!);
        range.setEnd(n, m.index! + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (tops.size > 1) out.push(`“${m[0]}” breaks across lines in ${label(parent)}`);
      }
    }
    return [...new Set(out)];
  });
}

const shot = async (page: Page, name: string) => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: false });
};

/** Sets the panel's width from its resize handle's keyboard (20 px a key, from the 380 px default). */
async function panelWidth(page: Page, width: number, lang: string): Promise<void> {
  const handle = await waitForAx(page, 'separator', lang === 'zh' ? '调整 Account Lens 面板宽度' : 'Resize the Account Lens panel');
  await clickAx(page, handle);
  const current = async () => Number.parseInt(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight), 10);
  for (let k = 0; k < 40 && (await current()) !== width; k++) await page.keyboard.press((await current()) > width ? 'ArrowRight' : 'ArrowLeft');
}

/** Every tab of the panel on `accountName`'s record at each width: problems by "<tab> @ <width>". */
export async function panelLayout(lens: Lens, accountName: string, lang: string, launcher = accountName): Promise<Record<string, string[]>> {
  const page = await lens.openRecord(lens.byName(accountName).recordId);
  await page.setViewportSize({ width: 1400, height: 900 });
  const frame = await openPanel(lens, page, launcher);
  await frame.getByTestId('health-card').waitFor({ timeout: 20_000 });
  const found: Record<string, string[]> = {};
  for (const width of PANEL_WIDTHS) {
    await panelWidth(page, width, lang);
    const tabs = frame.getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = tabs.nth(i);
      await tab.click();
      await frame.locator('[role=tabpanel]').waitFor();
      await page.waitForTimeout(300);
      const name = (await tab.innerText()).trim();
      const problems = await layoutProblems(frame);
      if (problems.length) found[`${name} @ ${width}`] = problems;
      await shot(page, `${lang}-panel-${i}-${width}`);
    }
  }
  await page.close();
  return found;
}

/** The Today list, the popup, the options page and the portfolio, each at the panel widths (the portfolio also at 1280). */
export async function pagesLayout(lens: Lens, recordOf: string, lang: string): Promise<Record<string, string[]>> {
  const record = await lens.openRecord(lens.byName(recordOf).recordId);
  const found: Record<string, string[]> = {};
  const screens: [string, string, string, readonly number[]][] = [
    ['today', 'sidepanel.html', '[data-testid=today]', PANEL_WIDTHS],
    ['popup', `popup.html?tab=${await tabIdOf(lens, record.url())}`, 'h1, h2', PANEL_WIDTHS],
    ['options', 'options.html', 'h1', PANEL_WIDTHS],
    ['portfolio', 'portfolio.html', 'table >> visible=true', [...PANEL_WIDTHS, 1280]],
  ];
  for (const [name, path, ready, widths] of screens) {
    const page = await lens.browser.context.newPage();
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      if (page.url() === 'about:blank') await page.goto(`chrome-extension://${lens.browser.extensionId}/${path}`);
      await page.locator(ready).first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(300);
      const problems = await layoutProblems(page);
      if (problems.length) found[`${name} @ ${width}`] = problems;
      await shot(page, `${lang}-${name}-${width}`);
    }
    await page.close();
  }
  await record.close();
  return found;
}
