import { expect, it } from 'vitest';
import { openPanel, useLens } from './fixture';

// The account's key people in the panel: a stance set and a person marked as
// having left, which raises a call to action for the CSM with its play; and
// the onboarding card's key action, ticked by the CSM.
const lens = useLens();

it('marks a key person as left and shows the call to action it raises', async () => {
  const account = lens.byName('Aperture Labs');
  const page = await lens.openRecord(account.recordId);
  const frame = await openPanel(lens, page, 'Aperture Labs');
  const people = frame.getByTestId('people-card');
  await people.getByText('Lee Park').waitFor({ timeout: 20_000 });

  // The handover's people carry on into the account: the champion becomes an opponent.
  const stance = people.getByLabel('Stance of Lee Park');
  expect(await stance.inputValue()).toBe('supporter');
  await stance.selectOption('opponent');
  await people.getByRole('status').getByText('Key people saved').waitFor();
  await expect.poll(() => stance.inputValue()).toBe('opponent');

  // Adding nobody is refused, and says why.
  await people.getByRole('button', { name: 'Add a key person' }).click();
  await people.getByRole('alert').getByText('Enter the person’s name.').waitFor();

  await people.getByRole('button', { name: 'Mark Lee Park as having left the company' }).click();
  await people.getByText(/^left /).waitFor();
  const steps = frame.locator('li[data-source=people]');
  await expect.poll(() => steps.count(), { timeout: 20_000 }).toBe(1);
  expect(await steps.locator('span').first().innerText()).toBe('Key person left: Lee Park (champion)');
  await steps.getByLabel('Show the play for “Key person left: Lee Park (champion)”').click();
  await steps.getByText('Find out who takes over their responsibilities, and ask for an introduction').waitFor();

  // The key action has no usage reading for this account: the CSM ticks it.
  const key = frame.getByTestId('activation');
  expect(await key.getAttribute('data-state')).toBe('not_yet');
  await key.getByRole('button', { name: 'Key action done at its frequency' }).click();
  await expect.poll(() => key.getAttribute('data-state')).toBe('activated');
  await key.getByText('ticked by the CSM').waitFor();
  await page.close();
});

it('shows a key person gone quiet from the usage data, and the end users apart from the company', async () => {
  const page = await lens.openRecord(lens.byName('Globex Retail').recordId);
  const frame = await openPanel(lens, page, 'Globex Retail');
  // The demo's usage reading: 61 of 150 seats active; the boss last used the product 24 days before it.
  await frame.getByTestId('health-end-users').getByText(/^61 of 150 seats active in the last 28 days · 118 users known to the product/).waitFor({ timeout: 20_000 });
  const people = frame.getByTestId('people-card');
  await people.getByTestId('person-activity').getByText(/^quiet: last used the product .* \(\d+ days ago\)$/).waitFor();
  await people.getByText('not found among the product’s users (add their e-mail to the contact)').waitFor();
  const steps = frame.locator('li[data-source=people]');
  await expect.poll(() => steps.allInnerTexts(), { timeout: 20_000 }).toContainEqual(expect.stringMatching(/Key person gone quiet: Hank Scorpio \(boss\) has not used the product for \d+ days/));
  await page.close();
});
