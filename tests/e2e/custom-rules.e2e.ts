import { expect, it } from 'vitest';
import { queryAx } from '../../scripts/ax';
import { CUSTOM_OBJECT_ID, CUSTOM_OBJECT_NAME, DEMO_HOST } from '../../scripts/demo-crm/records';
import { launcherFor, useLens } from './fixture';

// A user's own rule: records of a custom object (Customer__c) that no built-in
// adapter claims. The host is one the extension may already read, so Chrome
// grants the request without a prompt (a new origin would prompt the user).
const lens = useLens({ loadDemo: false });

it('adds a CRM rule in the options, tries it on the open tab, and the tab picks it up without a reload', async () => {
  const page = await lens.browser.context.newPage();
  await page.goto(`https://${DEMO_HOST}/lightning/r/Customer__c/${CUSTOM_OBJECT_ID}/view`);
  await page.getByRole('heading', { name: CUSTOM_OBJECT_NAME }).waitFor();
  await page.waitForTimeout(400);
  expect(await queryAx(page, 'button', 'Account Lens')).toHaveLength(0);

  const options = await lens.browser.context.newPage();
  await options.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
  await options.getByLabel('Name of the rule').fill('Salesforce customers');
  await options.getByLabel('Host (crm.example.com or *.example.com)').fill('*.lightning.force.com');
  const pattern = options.getByLabel(/^Record URL pattern/);
  await pattern.fill('^/lightning/r/Customer__c/\\w+/view');
  await options.getByRole('button', { name: 'Save rule' }).click();
  await options.getByRole('alert').getByText('URL pattern needs a capture group for the record id, e.g. (?<id>\\d+).').waitFor();

  await pattern.fill('^/lightning/r/Customer__c/(?<id>\\w+)/view');
  await options.getByLabel('Name: CSS selector (optional)').fill('.oneContent.active h1 lightning-formatted-text');
  await options.getByLabel('Try a record URL').fill(page.url());
  expect(await options.getByTestId('rule-sample-result').innerText()).toBe(`Matches: record id ${CUSTOM_OBJECT_ID}`);

  await options.getByRole('button', { name: 'Try on open tabs' }).click();
  const results = options.getByRole('region', { name: 'What the rule reads in open tabs' });
  await results.getByText(`record ${CUSTOM_OBJECT_ID}, name “${CUSTOM_OBJECT_NAME}”`).waitFor();

  await options.getByRole('button', { name: 'Save rule' }).click();
  await options.getByText('Saved “Salesforce customers”. It works in open tabs of that host now.').waitFor();
  await options.getByRole('listitem').filter({ hasText: 'Salesforce customers' }).waitFor();

  // The open tab, never reloaded, now shows the launcher for the record.
  await launcherFor(page, CUSTOM_OBJECT_NAME);
});
