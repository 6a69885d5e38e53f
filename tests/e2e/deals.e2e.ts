import { expect, it } from 'vitest';
import { addDays, localDate } from '../../shared/dates/local-date';
import { DEMO_HOST } from '../../scripts/demo-crm/records';
import { DEAL_IN_BOOK_ID, DEAL_NOT_IN_BOOK_ID, DEAL_UNLINKED_ID, dealPath } from '../../scripts/demo-crm/salesforce-deals';
import { openPanel, useLens } from './fixture';

// Deal pages of the demo Salesforce org: the deal view with when CS joins the
// sale, and Mark signed reaching the account's own page.
const lens = useLens();

const openDeal = async (id: string) => {
  const page = await lens.browser.context.newPage();
  await page.goto(`https://${DEMO_HOST}${dealPath(id)}`);
  return page;
};
const day = (iso: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

it('shows the deal with its amount and when CS joins; Mark signed starts the no-pitch window on the account', async () => {
  const today = localDate(new Date());
  const page = await openDeal(DEAL_IN_BOOK_ID);
  const frame = await openPanel(lens, page, 'Acme Analytics 2027 expansion');
  const view = frame.getByTestId('deal-view');
  await view.getByTestId('deal-name').getByText('Acme Analytics 2027 expansion').waitFor();
  expect(await view.getByTestId('deal-amount').textContent()).toBe('$48,000');
  expect(await view.getByTestId('deal-account').textContent()).toBe('Acme Analytics · In your data');
  // USD 48,000 is over the default 15,000: CS joins at about 70% of the sales process.
  await frame.getByTestId('involvement').getByText('At about 70% of the sales process.').waitFor();
  await frame.getByRole('listitem').filter({ hasText: 'Value $48,000 is at or over $15,000.' }).waitFor();

  await view.getByRole('button', { name: 'Mark signed' }).click();
  await view.getByTestId('signed-on').getByText(`Signed on ${day(today)}`).waitFor();
  await view.getByRole('button', { name: 'Undo' }).waitFor();
  // The account had no handover: its draft is started from the deal, and opens on the deal page.
  await view.getByTestId('handover-draft-started').getByText('Handover draft started — open it').waitFor();
  await view.getByRole('button', { name: 'open it' }).click();
  const handover = frame.getByTestId('deal-handover');
  await handover.getByTestId('handover-deal').getByText(`Started when the deal was marked signed: Acme Analytics 2027 expansion · $48,000 · signed on ${day(today)}`).waitFor();
  expect(await handover.getByLabel('Contract value').inputValue()).toBe('48000');

  // The account’s page: "Can I pitch?" holds, for the no-pitch window that started today (the signing day and 7 more).
  const account = await lens.openRecord(lens.byName('Acme Analytics').recordId);
  const panel = await openPanel(lens, account, 'Acme Analytics');
  const through = `Recently signed: no pitching through ${day(addDays(today, 7))}.`;
  await panel.getByTestId('no-pitch').getByText(through).waitFor();
  const pitch = panel.getByTestId('pitch');
  expect(await pitch.getByTestId('pitch-answer').textContent()).toBe('Hold');
  await pitch.locator('summary').click();
  await pitch.getByRole('listitem').filter({ hasText: through }).waitFor();
  await account.close();
  await page.close();
});

it('a deal of an account not in the data, and one linked to no account: a clear message, no Mark signed', async () => {
  const pilot = await openDeal(DEAL_NOT_IN_BOOK_ID);
  const frame = await openPanel(lens, pilot, 'Contoso Pharma pilot');
  await frame.getByTestId('deal-not-in-data').getByText(/Contoso Pharma is not in your data yet/).waitFor();
  expect(await frame.getByTestId('deal-amount').textContent()).toBe('€9,500');
  expect(await frame.getByRole('button', { name: 'Mark signed' }).count()).toBe(0);
  await pilot.close();

  const lead = await openDeal(DEAL_UNLINKED_ID);
  const leadFrame = await openPanel(lens, lead, 'Walk-in trade fair lead');
  await leadFrame.getByTestId('deal-no-link').getByText(/links to no account record/).waitFor();
  expect(await leadFrame.getByRole('button', { name: 'Mark signed' }).count()).toBe(0);
  await lead.close();
});
