import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from './browser';
import { clickAx, waitForAx } from './ax';
import { startCrmServer } from './demo-crm/server';
import { DEMO_HOST } from './demo-crm/records';

/**
 * npm run demo: the demo CRM under its real host names, Chromium with the
 * built extension, the demo book loaded, the first account open with its panel.
 * With a display the window stays open; without one a screenshot is saved.
 */
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const crm = await startCrmServer(Number(process.env.DEMO_CRM_PORT ?? 0));
const lens = await launchWithExtension({ crmPort: crm.port, headless });

const options = await lens.context.newPage();
await options.goto(`chrome-extension://${lens.extensionId}/options.html`);
await options.getByRole('button', { name: /Load demo data|加载演示数据/ }).click();
await options.getByRole('status').filter({ hasText: /50/ }).waitFor();
await options.close();

const first = crm.records[0]!;
const page = lens.context.pages()[0] ?? (await lens.context.newPage());
await page.goto(`https://${DEMO_HOST}/lightning/r/Account/${first.recordId}/view`);
const launcher = await waitForAx(page, 'button', 'Account Lens');
console.log(`Launcher: ${launcher.name}`);
await clickAx(page, launcher);
const panel = page.frameLocator('iframe[title="Account Lens"]');
await page.waitForFunction(() => true);
await page.frames().find((f) => f.url().includes('sidepanel.html'))?.getByRole('heading', { level: 1 }).waitFor();
void panel;

if (headless) {
  const out = resolve(import.meta.dirname, '../.demo/screenshot.png');
  mkdirSync(resolve(out, '..'), { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(`Screenshot of ${first.name} with its panel: ${out}`);
  await lens.close();
  await crm.close();
} else {
  console.log(`Demo running on https://${DEMO_HOST} (mapped to 127.0.0.1:${crm.port}). Close the browser to end.`);
  lens.context.on('close', () => void crm.close().then(() => process.exit(0)));
}
