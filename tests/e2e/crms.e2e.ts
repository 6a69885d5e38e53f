import { describe, expect, it } from 'vitest';
import { recordUrl } from '../../scripts/demo-crm/sites';
import type { CrmRecord } from '../../scripts/demo-crm/records';
import { launcherCount, launcherFor, openPanel, useLens } from './fixture';

// The launcher and panel on each CRM's demo pages, following its own way of
// navigating between records: pushState (HubSpot, Dynamics) and the hash (纷享销客).
const lens = useLens();

const ofCrm = (crm: CrmRecord['crm']) => lens.crm.records.filter((r) => r.crm === crm);

describe.each(['hubspot', 'dynamics', 'fxiaoke'] as const)('%s', (crm) => {
  it('recognises the account, shows it, and follows in-app navigation to the next one', async () => {
    const [first, second] = ofCrm(crm) as [CrmRecord, CrmRecord];
    const page = await lens.browser.context.newPage();
    await page.goto(recordUrl(first));
    const frame = await openPanel(lens, page, first.name);
    await frame.getByRole('heading', { level: 1, name: first.name }).waitFor();
    expect(await frame.getByTestId('record-id').innerText()).toBe(first.recordId);

    await page.getByRole('link', { name: second.name }).first().click();
    await launcherFor(page, second.name);
    await frame.getByRole('heading', { level: 1, name: second.name }).waitFor();
    expect(await frame.getByTestId('record-id').innerText()).toBe(second.recordId);
    if (crm === 'fxiaoke') {
      // Back to the list: no record, so no launcher.
      await page.getByRole('link', { name: '返回客户列表' }).click();
      await expect.poll(() => launcherCount(page)).toBe(0);
    }
    await page.close();
  });
});

it('follows an inline rename of the open record', async () => {
  const { UNKNOWN_ID } = await import('../../scripts/demo-crm/records');
  const page = await lens.openRecord(UNKNOWN_ID);
  await launcherFor(page, 'Contoso Pharma');
  await page.evaluate(() => {
    document.querySelector('.oneContent.active h1 lightning-formatted-text')!.textContent = 'Contoso Pharma Holdings';
  });
  await launcherFor(page, 'Contoso Pharma Holdings');
  await page.close();
});
