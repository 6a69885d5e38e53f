import { chromium } from 'playwright-core';
const ctx = await chromium.launchPersistentContext('/tmp/permprof' + Date.now(), { headless: true, executablePath: '/usr/bin/chromium', ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--disable-extensions-except=/tmp/permext', '--load-extension=/tmp/permext', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const w = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker');
const id = new URL(w.url()).host;
const p = await ctx.newPage();
await p.goto(`chrome-extension://${id}/p.html`);
await p.click('#b');
await p.waitForTimeout(3000);
console.log('result:', await p.textContent('#o'));
const cdp = await ctx.newCDPSession(p);
console.log((await cdp.send('Target.getTargets')).targetInfos.map((t: any) => `${t.type} ${t.url}`));
await ctx.close();
