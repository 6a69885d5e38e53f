import { expect, it } from 'vitest';
import { openPanel, tabIdOf, useLens } from './fixture';

// The CSM workflows end to end: a handover written in the toolbar popup reaches
// the panel, a visit logged with a follow-up raises a next step, and the
// monthly report is generated in the customer's language and copied.
const lens = useLens();

const byName = (name: string) => lens.byName(name);


it('shows a handover written in the toolbar popup in the panel of that account', async () => {
  const account = byName('Initech Software');
  const page = await lens.openRecord(account.recordId);
  const frame = await openPanel(lens, page, 'Initech Software');
  const popup = await lens.browser.context.newPage();
  await popup.goto(`chrome-extension://${lens.browser.extensionId}/popup.html?tab=${await tabIdOf(lens, page.url())}`);
  await popup.getByRole('heading', { name: 'Initech Software' }).waitFor();
  await popup.getByRole('button', { name: 'Save draft' }).click();
  await popup.getByText('Write at least one of the three fields.').waitFor();
  await popup.getByLabel('What was bought').fill('Enterprise plan, 120 seats, 24 months');
  await popup.getByLabel('Expected outcome').fill('Close the books in 5 days instead of 9');
  await popup.getByLabel('Promises made (one per line)').fill('SSO by March\nGerman invoices');
  await popup.getByRole('button', { name: 'Save draft' }).click();
  await popup.getByRole('status').getByText('Draft saved').waitFor();
  await popup.close();

  await frame.getByRole('tab', { name: 'Handover' }).click();
  await expect.poll(() => frame.getByLabel('Products or plan').inputValue()).toBe('Enterprise plan, 120 seats, 24 months');
  expect(await frame.getByLabel('Outcomes, one per line').inputValue()).toBe('Close the books in 5 days instead of 9');
  expect(await frame.getByLabel('Promises, one per line').inputValue()).toBe('SSO by March\nGerman invoices');
  await frame.getByText('started from the toolbar: complete it here').waitFor();
  // Three of fifteen checklist items: products, outcomes and promises; the outcome has numbers, so it is measurable too.
  expect(await frame.getByTestId('handover-percent').textContent()).toBe('27% complete');
  // Not ready for the CSM without the boss and a contact.
  await frame.getByRole('button', { name: 'Submit to the CSM' }).click();
  await frame.getByRole('alert').getByText(/the boss with a contact/).waitFor();
  await frame.getByRole('button', { name: 'Add a person' }).click();
  await frame.getByLabel('Person 1: name').fill('Bill Lumbergh');
  await frame.getByLabel('Person 1: contact').fill('bill@initech.example');
  await frame.getByRole('button', { name: 'Submit to the CSM' }).click();
  await frame.getByRole('status').getByText(/Submitted/).waitFor();
  // The promises went into the ledger.
  await frame.getByRole('tab', { name: 'Expectations' }).click();
  await frame.getByText('SSO by March').waitFor();
  await frame.getByText('German invoices').waitFor();
  // Made in the sale, so not yet assessed until the CSM judges them: one click each.
  await frame.getByText('The CSM judges each promise made in the sale.').waitFor();
  await frame.getByRole('group', { name: 'Judge: SSO by March' }).getByText('Not yet assessed').waitFor();
  await frame.getByRole('button', { name: 'Judge partly deliverable: SSO by March' }).click();
  await expect.poll(() => frame.getByLabel('Deliverable: SSO by March').inputValue()).toBe('partly');
  await frame.getByRole('group', { name: 'Judge: German invoices' }).waitFor();
  await page.close();
});

it('turns a visit follow-up into a next step, and copies the monthly report in the customer’s language', async () => {
  const account = byName('上海云帆科技');
  const page = await lens.openRecord(account.recordId);
  const frame = await openPanel(lens, page, '上海云帆科技');
  await frame.getByRole('tab', { name: 'Service' }).click();
  const form = frame.getByRole('form', { name: 'Log a service visit' });
  await form.getByLabel('Length (minutes)').fill('0');
  await form.getByRole('button', { name: 'Save visit' }).click();
  await form.getByText('Enter the length in whole minutes, from 1 to 600.').waitFor();
  await form.getByLabel('Length (minutes)').fill('75');
  await form.getByLabel('Attendees').fill('王经理, 赵主管');
  await form.getByLabel('Met the boss').check();
  await form.getByLabel('Review the month').check();
  await form.getByLabel('Notes').fill('Rollout on track in two of three plants.');
  await form.getByLabel('Follow-up 1', { exact: true }).fill('Send the SSO setup guide');
  await form.getByRole('button', { name: 'Save visit' }).click();
  await form.getByRole('status').getByText('Visit saved; 1 follow-up(s) added to next steps.').waitFor();

  // The visit is in the log, findable by its words.
  const log = frame.getByRole('region', { name: 'Visit log' });
  await log.getByRole('searchbox').fill('plants');
  await expect.poll(() => log.getByRole('table').locator('tbody tr').count()).toBe(1);
  await log.getByText('王经理, 赵主管').waitFor();

  // The report for this month, in Chinese (the account's language), copied.
  const report = frame.getByRole('region', { name: 'Monthly service report' });
  const month = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long' }).format(new Date());
  await report.getByLabel('Month').selectOption({ label: month });
  const text = await report.getByLabel('Report').inputValue();
  expect(text).toContain('上海云帆科技');
  expect(text).toContain('服务情况汇报');
  expect(text).toContain('Send the SSO setup guide');
  expect(text).toContain('Rollout on track in two of three plants.');
  // Reading the clipboard back needs the permission on a web origin: the CRM page's.
  await lens.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await report.getByRole('button', { name: 'Copy' }).click();
  await report.getByRole('status').getByText('Copied to the clipboard.').waitFor();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(text);
  await report.getByRole('button', { name: 'Mark as sent' }).click();
  await report.getByText(`Report for ${month} marked as sent.`).waitFor();
  await report.getByRole('button', { name: 'Sent' }).waitFor();

  await frame.getByRole('tab', { name: 'Overview' }).click();
  const steps = frame.getByRole('region', { name: 'Next steps' });
  await steps.getByRole('listitem').filter({ hasText: 'Follow-up: Send the SSO setup guide' }).waitFor();
  await page.close();
});
