import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM } from '../../scripts/browser';
import { createToken, ensureUser } from '../../server/src/auth';
import { channelConfig } from '../../server/src/channels/store';
import { openPglite, type Sql } from '../../server/src/db';
import { silentLog } from '../../server/src/log';
import { startServer, type Running } from '../../server/src/main';
import { storeAccounts } from '../../server/src/store';
import { fakeAccount } from '../support/fake-api-data';

// The team admin page in Chromium, as a manager uses it: the server serves the page, the manager
// pastes a token, sees the team and revokes a token, once in English and once in Chinese; sets up a
// group robot in the channels form and removes it, in both languages.
let sql: Sql;
let server: Running;
let browser: Browser;
const TEAM = 'acme';
const people: Record<string, { token: string; id: string }> = {};

beforeAll(async () => {
  sql = await openPglite();
  server = await startServer(sql, { port: 0, log: silentLog });
  for (const [name, role] of [['Mara Lin', 'manager'], ['Priya Nair', 'csm'], ['Maya Chen', 'sales'], ['<img src=x onerror=alert(1)>', 'sales']] as const) {
    const { userId } = await ensureUser(sql, TEAM, name, role);
    people[name] = await createToken(sql, userId);
  }
  await storeAccounts(sql, TEAM, [fakeAccount(1)], []);
  // One accepted write, so the audit log has a line.
  const note = { id: 'n-1', accountId: fakeAccount(1).id, kind: 'long_term_value', audience: 'boss', text: 'Value story', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-10-01T00:00:00.000Z' };
  const put = await fetch(`${server.url}/v1/records/notes/n-1`, {
    method: 'PUT', body: JSON.stringify(note),
    headers: { Authorization: `Bearer ${people['Priya Nair']!.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'e2e-note-1' },
  });
  expect(put.status).toBe(200);
  browser = await chromium.launch({ headless: true, executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A fresh tab in `locale`, collecting what the console says about the page's policy or errors. */
async function openAdmin(locale: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${server.url}/admin`);
  return { page, problems };
}

const status = (page: Page) => page.getByRole('status');
const meFor = (token: string) => fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

it('in English: a manager signs in with a token, sees the team and revokes a token', async () => {
  const { page, problems } = await openAdmin('en-US');
  await page.getByRole('heading', { level: 1, name: 'Account Lens — team admin' }).waitFor();
  // A csm's token does not open the page.
  await page.getByLabel('Manager token').fill(people['Priya Nair']!.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await status(page).getByText('only a manager may use this page').waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('lensAdminToken'))).toBeNull();

  await page.getByLabel('Manager token').fill(people['Mara Lin']!.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Signed in as Mara Lin (manager), team acme').waitFor();
  expect(page.url()).toBe(`${server.url}/admin`);
  expect(await page.evaluate(() => sessionStorage.getItem('lensAdminToken'))).toBe(people['Mara Lin']!.token);

  const peopleSection = page.getByRole('region', { name: 'People & roles' });
  for (const name of ['Mara Lin', 'Priya Nair', 'Maya Chen']) await peopleSection.getByRole('cell', { name, exact: true }).waitFor();
  // A name is text, never markup.
  await peopleSection.getByRole('cell', { name: '<img src=x onerror=alert(1)>', exact: true }).waitFor();
  expect(await page.locator('#people img').count()).toBe(0);
  expect(await peopleSection.getByLabel('Role: Priya Nair').inputValue()).toBe('csm');
  await page.getByRole('region', { name: 'Authorisation' }).getByRole('row', { name: /^handovers/ }).getByRole('cell', { name: 'CSM, manager', exact: true }).waitFor();
  await page.getByRole('region', { name: 'Audit log' }).getByRole('cell', { name: 'notes n-1' }).waitFor();

  const priya = people['Priya Nair']!;
  expect(await meFor(priya.token)).toBe(200);
  const tokens = page.getByRole('region', { name: 'Tokens' });
  await tokens.getByRole('button', { name: `Revoke ${priya.id}` }).click();
  await status(page).getByText(`Token ${priya.id} revoked.`).waitFor();
  await tokens.getByRole('row', { name: new RegExp(priya.id) }).getByText(/^revoked /).waitFor();
  expect(await tokens.getByRole('button', { name: `Revoke ${priya.id}` }).count()).toBe(0);
  expect(await meFor(priya.token)).toBe(401);
  // The token never shows on the page.
  expect(await page.locator('body').innerText()).not.toContain(people['Mara Lin']!.token.slice(-43));
  expect(problems).toEqual([]);
});

it('in Chinese: the page follows the browser’s language, revokes a token, and switches to English', async () => {
  const { page, problems } = await openAdmin('zh-CN');
  await page.getByRole('heading', { level: 1, name: 'Account Lens — 团队管理' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await page.getByLabel('经理令牌').fill(people['Mara Lin']!.token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('已登录：Mara Lin（经理），团队 acme').waitFor();
  const peopleSection = page.getByRole('region', { name: '成员与角色' });
  await peopleSection.getByRole('cell', { name: 'Maya Chen', exact: true }).waitFor();

  const maya = people['Maya Chen']!;
  const tokens = page.getByRole('region', { name: '令牌' });
  await tokens.getByRole('button', { name: `吊销 ${maya.id}` }).click();
  await status(page).getByText(`令牌 ${maya.id} 已吊销。`).waitFor();
  await tokens.getByRole('row', { name: new RegExp(maya.id) }).getByText(/^已于 .* 吊销$/).waitFor();
  expect(await meFor(maya.token)).toBe(401);

  // The switch: English without signing in again; a reload keeps both.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('region', { name: 'People & roles' }).getByRole('cell', { name: 'Maya Chen', exact: true }).waitFor();
  await page.reload();
  await page.getByText('Signed in as Mara Lin (manager), team acme').waitFor();
  expect(problems).toEqual([]);
});

const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=5a1e2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const DING_URL = 'https://oapi.dingtalk.com/robot/send?access_token=c0ffee0123456789abcdef0123456789abcdef0123456789';
const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789ab';

async function signInAs(page: Page, label: string, button: string, token: string) {
  await page.getByLabel(label).fill(token);
  await page.getByRole('button', { name: button }).click();
}

it('in English: a manager adds a WeCom robot in the form, sees it listed without its address, and removes it', async () => {
  const { page, problems } = await openAdmin('en-US');
  await signInAs(page, 'Manager token', 'Sign in', people['Mara Lin']!.token);
  const channels = page.getByRole('region', { name: 'Delivery channels' });
  await channels.getByRole('cell', { name: 'None yet.' }).waitFor();

  // E-mail is the first kind; choosing WeCom shows the webhook field and hides the SMTP ones.
  await expect.poll(() => channels.getByLabel('SMTP server').isVisible()).toBe(true);
  await channels.getByLabel('Channel name').fill('team-wecom');
  await channels.getByLabel('Kind').selectOption('wecom');
  expect(await channels.getByLabel('SMTP server').isVisible()).toBe(false);
  expect(await channels.getByLabel('Signing secret (optional)').isVisible()).toBe(false);
  const url = channels.getByLabel('Webhook address');
  expect(await url.getAttribute('type')).toBe('password');
  await url.fill(WECOM_URL);
  await channels.getByRole('button', { name: 'Save channel' }).click();
  await status(page).getByText('Channel team-wecom saved.').waitFor();
  const listed = channels.getByRole('row', { name: /team-wecom/ });
  await listed.getByRole('cell', { name: 'WeCom robot', exact: true }).waitFor();
  await listed.getByRole('cell', { name: 'qyapi.weixin.qq.com', exact: true }).waitFor();
  expect(await channelConfig(sql, TEAM, 'team-wecom')).toEqual({ kind: 'wecom', url: WECOM_URL });
  // The address is nowhere on the page again, not even in the emptied form.
  expect(await url.inputValue()).toBe('');
  expect(await page.content()).not.toContain('5a1e2b3c');

  await channels.getByRole('button', { name: 'Remove team-wecom' }).click();
  await status(page).getByText('Channel team-wecom removed.').waitFor();
  await channels.getByRole('cell', { name: 'None yet.' }).waitFor();
  expect(await channelConfig(sql, TEAM, 'team-wecom')).toBeNull();
  expect(problems).toEqual([]);
});

it('in Chinese: a signed DingTalk robot is added, its secret kept when only the form is saved again, then removed', async () => {
  const { page, problems } = await openAdmin('zh-CN');
  await signInAs(page, '经理令牌', '登录', people['Mara Lin']!.token);
  const channels = page.getByRole('region', { name: '发送渠道' });
  await channels.getByLabel('渠道名称').fill('ding');
  await channels.getByLabel('类型').selectOption('dingtalk');
  await channels.getByLabel('Webhook 地址').fill(DING_URL);
  await channels.getByLabel('加签密钥（可选）').fill(DING_SECRET);
  await channels.getByRole('button', { name: '保存渠道' }).click();
  await status(page).getByText('渠道 ding 已保存。').waitFor();
  const listed = channels.getByRole('row', { name: /ding/ });
  await listed.getByRole('cell', { name: '钉钉机器人', exact: true }).waitFor();
  await listed.getByRole('cell', { name: 'oapi.dingtalk.com, signed', exact: true }).waitFor();

  // Replace fills the name and kind; saved with the address and secret left blank, both stay.
  await channels.getByRole('button', { name: '替换 ding' }).click();
  expect(await channels.getByLabel('渠道名称').inputValue()).toBe('ding');
  expect(await channels.getByLabel('类型').inputValue()).toBe('dingtalk');
  expect(await channels.getByLabel('Webhook 地址').inputValue()).toBe('');
  const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/v1/admin/channels/ding'));
  await channels.getByRole('button', { name: '保存渠道' }).click();
  expect((await saved).status()).toBe(200);
  await status(page).getByText('渠道 ding 已保存。').waitFor();
  expect(await channelConfig(sql, TEAM, 'ding')).toEqual({ kind: 'dingtalk', url: DING_URL, secret: DING_SECRET });
  expect(await page.content()).not.toContain(DING_SECRET);

  await channels.getByRole('button', { name: '删除 ding' }).click();
  await status(page).getByText('渠道 ding 已删除。').waitFor();
  await channels.getByRole('cell', { name: '暂无。' }).waitFor();
  expect(await channelConfig(sql, TEAM, 'ding')).toBeNull();
  expect(problems).toEqual([]);
});
