import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPanel, startLens, type Lens } from './fixture';

// The monthly report in the real panel: a draft about the customer, edited,
// marked as sent and reopened; its printable page runs no script even when the
// text carries markup.
let lens: Lens;
beforeAll(async () => {
  lens = await startLens();
});
afterAll(async () => {
  expect(lens.dialogs).toEqual([]);
  await lens?.close();
});

it('edits the report, marks it sent, reopens it, and opens a printable page that runs no script', async () => {
  const account = lens.crm.records.find((r) => r.name === 'Initech Software')!;
  const page = await lens.openRecord(account.recordId);
  const frame = await openPanel(lens, page, 'Initech Software');
  await frame.getByRole('tab', { name: 'Service' }).click();
  const report = frame.getByRole('region', { name: 'Monthly service report' });
  const editor = report.getByLabel('Report');
  await expect.poll(() => editor.inputValue()).toContain('Initech Software');
  const draft = await editor.inputValue();
  for (const internal of ['Health score', 'contract ends', 'renewal conversation', 'at risk', '健康度评分', '续约沟通', '有风险']) expect(draft).not.toContain(internal);

  const hostile = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script>';
  await editor.fill(`${draft}\n\nDr. Alice Park (COO) ${hostile}`);
  await report.getByText(/Edited by you/).waitFor();
  await report.getByRole('button', { name: 'Mark as sent' }).click();
  await report.getByRole('button', { name: 'Sent' }).waitFor();
  expect(await report.getByRole('button', { name: 'Sent' }).isDisabled()).toBe(true);
  await report.getByRole('button', { name: 'Reopen as draft' }).click();
  await report.getByRole('button', { name: 'Mark as sent' }).waitFor();
  expect(await editor.inputValue()).toContain('Dr. Alice Park (COO)');

  const opened = lens.browser.context.waitForEvent('page');
  await report.getByRole('button', { name: 'Printable page' }).click();
  const printable = await opened;
  await printable.waitForLoadState('load');
  expect(printable.url().startsWith(`blob:chrome-extension://${lens.browser.extensionId}/`)).toBe(true);
  expect(await printable.title()).not.toBe('pwned');
  expect(await printable.locator('img, script').count()).toBe(0);
  await printable.getByText(`Dr. Alice Park (COO) ${hostile}`).waitFor();
  await printable.close();
  await page.close();
});
