import { expect, it } from 'vitest';
import { clickAx, waitForAx } from '../../scripts/ax';
import { openPanel, useLens } from './fixture';
import { addDays, daysBetween, localDate } from '../../shared/dates/local-date';

// The engine's cards on demo accounts: a deal signed a week ago, one in the
// middle of onboarding, and an outcome that starts churn recovery.
const lens = useLens();

const byName = (name: string) => lens.byName(name);

it('warns sales not to pitch a customer signed a week ago, and shows onboarding', async () => {
  const page = await lens.openRecord(byName('Aperture Labs').recordId); // signed 7 days ago
  const frame = await openPanel(lens, page, 'Aperture Labs');
  // Signed 7 days ago: today is the window's last day.
  const today = new Date();
  const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(today);
  await frame.getByTestId('no-pitch').getByText(`Recently signed: no pitching through ${date}.`).waitFor();
  // The header answers "Can I pitch?" with the same reason.
  const pitch = frame.getByTestId('pitch');
  expect(await pitch.getByTestId('pitch-answer').textContent()).toBe('Hold');
  await pitch.locator('summary').click();
  await pitch.getByRole('listitem').filter({ hasText: `Recently signed: no pitching through ${date}.` }).waitFor();
  const onboarding = frame.getByTestId('onboarding-card');
  await onboarding.getByText('83 of 90 days left').waitFor();
  expect(await onboarding.getByRole('listitem').count()).toBe(4);
  await page.close();
});

it('raises CTAs for overdue milestones; one needing another team turns onboarding red', async () => {
  const page = await lens.openRecord(byName('Soylent Foods').recordId); // signed 72 days ago, nothing done
  const frame = await openPanel(lens, page, 'Soylent Foods');
  const steps = frame.getByRole('region', { name: 'Next steps' });
  await steps.getByRole('listitem').filter({ hasText: 'Onboarding milestone overdue: Workshop reaching 60% implementation' }).getByText(/needs another team/).waitFor();
  const onboarding = frame.getByTestId('onboarding-card');
  await onboarding.locator('.badge').getByText('needs another team').waitFor();
  // Marking the kick-off done closes its CTA.
  await onboarding.getByRole('button', { name: 'Mark milestone “Kick-off” done' }).click();
  await onboarding.getByText(/done/).first().waitFor();
  await expect.poll(() => steps.getByRole('listitem').filter({ hasText: 'Onboarding milestone overdue: Kick-off' }).count()).toBe(0);
  await page.close();
});

it('records that a customer will not renew and starts churn recovery at once', async () => {
  const page = await lens.openRecord(byName('Globex Retail').recordId);
  const frame = await openPanel(lens, page, 'Globex Retail');
  const renewal = frame.getByTestId('renewal-card');
  await renewal.getByText('Record the renewal outcome').click();
  await renewal.getByLabel('Outcome').selectOption('will_not_renew');
  await renewal.getByRole('button', { name: 'Save outcome' }).click();
  await renewal.getByText('Fill in the date, and the new value or both the symptom and the root cause.').waitFor();
  await renewal.getByLabel('Symptom (what the customer said)').selectOption('price');
  await renewal.getByLabel('Root cause (what we could have done)').selectOption('over_promising');
  await renewal.getByRole('button', { name: 'Save outcome' }).click();
  await renewal.getByText('Recorded. A churn-recovery step is raised now.').waitFor();
  const steps = frame.getByRole('region', { name: 'Next steps' });
  await steps.getByRole('listitem').filter({ hasText: 'The customer said they will not renew: start churn recovery now' }).waitFor();
  await renewal.getByText(/the customer said they will not renew/).waitFor(); // a likelihood reason
  // The header now says to hold any pitch, and why.
  const pitch = frame.getByTestId('pitch');
  await pitch.getByTestId('pitch-answer').getByText('Hold').waitFor();
  await pitch.locator('summary').click();
  await pitch.getByRole('listitem').filter({ hasText: 'A churn recovery is open: win the customer back first.' }).waitFor();
  await page.close();
});

it('shows a green account whose contract has ended, loudly', async () => {
  const page = await lens.openRecord(byName('Northwind Logistics').recordId);
  const frame = await openPanel(lens, page, 'Northwind Logistics');
  expect(await frame.getByTestId('health-card').locator('.badge').innerText()).toBe('green');
  await frame.getByTestId('renewal-card').getByRole('alert').getByText(/^EXPIRED 20 days ago/).waitFor();
  // Narrowest panel (300 px, reached from the resize handle's keyboard): nothing scrolls sideways.
  await page.setViewportSize({ width: 1000, height: 900 });
  const handle = await waitForAx(page, 'separator', 'Resize the Account Lens panel');
  await clickAx(page, handle);
  for (let k = 0; k < 10; k++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('300px');
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.demo/northwind.png' });
  await page.close();
});

it('recording "Renewed" moves the contract end to the next term, clears the ended alert, and keeps the old term in the history', async () => {
  const page = await lens.openRecord(byName('Northwind Logistics').recordId); // ended 20 days ago, no outcome
  const frame = await openPanel(lens, page, 'Northwind Logistics');
  const renewal = frame.getByTestId('renewal-card');
  await renewal.getByRole('alert').getByText(/^EXPIRED 20 days ago/).waitFor();
  await renewal.getByText('Record the renewal outcome').click();
  // Prefilled from the ended term: it starts the day after the old end and runs as long, at the old value.
  const day = (offset: number) => addDays(localDate(new Date()), offset);
  expect(await renewal.getByLabel('Next term starts').inputValue()).toBe(day(-19));
  const end = await renewal.getByLabel('Next term ends').inputValue();
  const daysLeft = daysBetween(localDate(new Date()), end);
  expect(daysLeft).toBeGreaterThan(340);
  await renewal.getByLabel('New annual value').fill('150000');
  await renewal.getByRole('button', { name: 'Save outcome' }).click();
  await renewal.getByText(/^Renewal recorded: the next term runs to /).waitFor();
  // The account itself follows the new term: its card counts down to the new end.
  await frame.getByTestId('renewal-days').getByText(`renews in ${daysLeft} days`).waitFor();
  expect(await renewal.getByRole('alert').count()).toBe(0);
  await renewal.getByTestId('likelihood-reasons').getByText(/the contract has ended/).waitFor({ state: 'detached' });
  await renewal.getByText(/^Past terms \(1\)/).click();
  await renewal.getByTestId('term-history').getByText(/Renewed/).waitFor();
  // The plan starts again for the new term: a step ticked off is kept on it.
  await renewal.getByText(/^Renewal plan: 0 of 8 steps done/).waitFor();
  // The box follows the stored term, so it turns checked once the background has written the tick.
  await renewal.getByRole('checkbox', { name: 'Done: Review health and open requests' }).first().click();
  await renewal.getByText(/^Renewal plan: 1 of 8 steps done/).waitFor();
  await page.close();
});

it('a logged renewal conversation keeps the touchpoint that is due, and closes its CTA', async () => {
  const page = await lens.openRecord(byName('Acme Analytics').recordId); // enterprise, 45 days left: the 60-day touchpoint is overdue on every day (platform/demo/scenarios.ts)
  const frame = await openPanel(lens, page, 'Acme Analytics');
  const renewal = frame.getByTestId('renewal-card');
  await renewal.getByTestId('tp-60').getByText('overdue').waitFor();
  const steps = frame.getByRole('region', { name: 'Next steps' });
  await steps.getByRole('listitem').filter({ hasText: 'Renewal touchpoint 60 days before the end was missed' }).waitFor();
  await renewal.getByText('Log a renewal conversation').click();
  await renewal.getByLabel('What was discussed').fill('Reviewed the year with the boss; agreed on next year’s goals');
  await renewal.getByRole('button', { name: 'Log it' }).click();
  await renewal.getByTestId('tp-60').getByText('done').waitFor();
  await expect.poll(() => steps.getByRole('listitem').filter({ hasText: 'Renewal touchpoint 60 days' }).count()).toBe(0);
  await page.close();
});
