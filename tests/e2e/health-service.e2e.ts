import { expect, it } from 'vitest';
import { openPanel, tabIdOf, useLens } from './fixture';

// Health from day one: an account with no imported health is scored from its
// own service records, and the CSM's read logged in the toolbar popup's quick
// visit log becomes one of its dimensions.
const lens = useLens();

const byName = (name: string) => lens.byName(name);


it('scores an account with no imported health from its service records, and takes the CSM’s read from the quick visit log', async () => {
  const account = byName('Vandelay Imports'); // no imported health (platform/demo/accounts.ts SERVICE_ONLY)
  const page = await lens.openRecord(account.recordId);
  const frame = await openPanel(lens, page, 'Vandelay Imports');
  const card = frame.getByTestId('health-card');
  await card.getByTestId('health-service-only').getByText('Scored from this account’s service records alone').waitFor();
  expect(Number(await card.getByTestId('engine-score').innerText())).toBeGreaterThan(0);
  await card.getByTestId('fact-serviceRhythm').getByText(/of \d service days held in the last 3 months/).waitFor();
  await card.getByTestId('fact-promisesKept').getByText(/\d kept, \d broken, \d at risk/).waitFor();
  const before = await card.getByTestId('fact-csmRead').innerText();
  expect(before).toMatch(/^CSM’s read (green|yellow|red) on /);

  // A red read with its reason, logged from the toolbar popup, is the latest read at once.
  const popup = await lens.browser.context.newPage();
  await popup.goto(`chrome-extension://${lens.browser.extensionId}/popup.html?tab=${await tabIdOf(lens, page.url())}`);
  await popup.getByRole('heading', { name: 'Vandelay Imports' }).waitFor();
  await popup.getByRole('tab', { name: 'Log a visit' }).click();
  const form = popup.getByRole('form', { name: 'Quick visit log' });
  await form.getByLabel('Attendees').fill('Art Vandelay');
  await form.getByLabel('Why, in one line').fill('the boss is thinking about a competitor');
  await form.getByRole('button', { name: 'Save visit' }).click();
  await form.getByText('Pick green, yellow or red for the reason to explain.').waitFor();
  await form.getByRole('radio', { name: 'red' }).check();
  await form.getByRole('button', { name: 'Save visit' }).click();
  await form.getByRole('status').getByText(/^Visit saved/).waitFor();
  await popup.close();

  await card.getByTestId('fact-csmRead').getByText(/^CSM’s read red on .*: the boss is thinking about a competitor \(was (green|yellow|red)\)$/).waitFor();
  // The portfolio row scores the account the same way: a score in the card's band, not the "—" of an unmeasured account.
  const band = await card.locator('.score-line .badge').innerText();
  const score = Number(await card.getByTestId('engine-score').innerText());
  const portfolio = await lens.browser.context.newPage();
  await portfolio.goto(`chrome-extension://${lens.browser.extensionId}/portfolio.html`);
  await portfolio.getByLabel('Search name, owner, CSM, record id').fill('vandelay'); // the rows are virtualised
  const badge = portfolio.getByRole('row').filter({ hasText: 'Vandelay Imports' }).locator(`.badge.band-${band}`).first();
  await badge.waitFor();
  expect(Math.abs(Number(await badge.innerText()) - score)).toBeLessThanOrEqual(0.5);
  await portfolio.close();
  await page.close();
});
