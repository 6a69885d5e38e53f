import { expect, it } from 'vitest';
import { openPanel, useLens } from './fixture';

// The CSM's introduction in the real extension: the success story typed in the
// handover tab is kept on the account's handover (a named write through the
// background), comes back when the panel opens again, and the chat text is
// copied plain and bounded.
const lens = useLens();

it('keeps the success story on the handover and copies the introduction for chat', async () => {
  const account = lens.byName('Initech Software');
  let page = await lens.openRecord(account.recordId);
  let frame = await openPanel(lens, page, 'Initech Software');
  await frame.getByRole('tab', { name: 'Handover' }).click();
  await frame.getByLabel('Products or plan').fill('Enterprise plan');
  await frame.getByLabel('Outcomes, one per line').fill('Close the books in 5 days instead of 9');
  await frame.getByRole('button', { name: 'Add a person' }).click();
  await frame.getByLabel('Person 1: name').fill('Bill Lumbergh');
  await frame.getByLabel('Person 1: contact').fill('bill@initech.example');
  await frame.getByRole('button', { name: 'Submit to the CSM' }).click();
  await frame.getByRole('status').getByText(/Submitted/).waitFor();

  const intro = frame.getByRole('region', { name: 'Introduce yourself to the customer' });
  await intro.getByLabel('Success story (optional)').fill('Globex closed its books in six days after one quarter.');
  await intro.getByRole('button', { name: 'Save story' }).click();
  await intro.getByRole('status').getByText('Success story saved.').waitFor();
  await page.close();

  page = await lens.openRecord(account.recordId);
  frame = await openPanel(lens, page, 'Initech Software');
  await frame.getByRole('tab', { name: 'Handover' }).click();
  const again = frame.getByRole('region', { name: 'Introduce yourself to the customer' });
  await expect.poll(() => again.getByLabel('Success story (optional)').inputValue()).toBe('Globex closed its books in six days after one quarter.');
  const email = await again.getByLabel('Introduction message').inputValue();
  expect(email).toContain('The goal we agreed on:\n- Close the books in 5 days instead of 9');
  expect(email).toContain('similar situation: Globex closed its books in six days after one quarter.');

  const chat = await again.getByLabel('Chat text').inputValue();
  // Reading the clipboard back needs the permission on a web origin: the CRM page's.
  await lens.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await again.getByRole('button', { name: 'Copy for chat' }).click();
  await again.getByRole('status').getByText('Copied to the clipboard.').waitFor();
  const copied = (await page.evaluate('navigator.clipboard.readText()')) as string;
  expect(copied).toBe(chat);
  expect(copied.startsWith('Hello Bill Lumbergh, I')).toBe(true);
  expect(copied).toContain('- Close the books in 5 days instead of 9');
  expect(copied).toContain('A similar customer: Globex closed its books in six days after one quarter.');
  expect(copied).not.toMatch(/meet .*, your Customer Success Manager|\n\n/);
  expect([...copied].length).toBeLessThanOrEqual(500);
  await page.close();
});
