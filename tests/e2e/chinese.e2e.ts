import { expect, it } from 'vitest';
import { waitForAx } from '../../scripts/ax';
import { openPanel, useLens } from './fixture';

// A browser in Chinese gets the launcher and panel in Chinese, with no setting touched.
const lens = useLens({ locale: 'zh-CN' });

it('speaks Chinese in a Chinese browser', async () => {
  const target = lens.crm.records[2]!; // 上海云帆科技: red, renews in 5 days
  const page = await lens.openRecord(target.recordId);
  const launcher = await waitForAx(page, 'button', 'Account Lens');
  // The launcher names the record only; health and renewal are the panel's.
  expect(launcher.name).toBe('Account Lens：上海云帆科技');
  const frame = await openPanel(lens, page, '');
  await frame.getByRole('heading', { level: 1, name: '上海云帆科技' }).waitFor();
  expect(await frame.getByTestId('renewal-days').innerText()).toBe('5 天后续约');
  expect(await frame.getByTestId('health-card').locator('.badge').innerText()).toBe('红色');
  // The 7 imported dimensions and 4 from its service records (rhythm, boss, promises, the CSM's read); the reset is past its first year.
  expect(await frame.getByTestId('health-known').innerText()).toBe('已测量 12 / 14 个维度');
  expect(await frame.getByRole('button', { name: '收起面板' }).count()).toBe(1);
  expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});
