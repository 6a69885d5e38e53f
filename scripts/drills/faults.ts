import type { Page } from 'playwright-core';
import { AccountSchema } from '../../data/model/account';
import { pagesEn } from '../../platform/pages/strings.en';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { startFakeApi, type FakeApi } from '../../tests/support/fake-api';
import { MALFORMED_MODES } from '../../tests/support/fake-api-hostile';
import { openPanel, startLens, type Lens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage, patchRow, readStores, sleep, useTeamServer } from './common';

const TOKEN = 'drill-token';
const NAME = 'Hooli Cloud (team server)';
const STALE = '2000-01-01T00:00:00.000Z';

interface FaultCase {
  name: string;
  kind: 'server' | 'unauthorized' | 'timeout' | 'offline' | 'malformed';
  inject(api: FakeApi): void;
  heal?(api: FakeApi): void | Promise<void>;
  waitMs?: number;
}

const CASES: FaultCase[] = [
  { name: '500', kind: 'server', inject: (api) => api.failNext(1, 500, 'internal') },
  { name: '401', kind: 'unauthorized', inject: (api) => api.failNext(1, 401) },
  ...MALFORMED_MODES.map((mode): FaultCase => ({ name: `malformed: ${mode}`, kind: 'malformed', inject: (api) => api.malformNext(1, mode) })),
  {
    name: 'timeout (11 s latency)',
    kind: 'timeout',
    inject: (api) => void (api.latencyMs = 11_000),
    heal: (api) => void (api.latencyMs = 0),
    waitMs: 20_000,
  },
  // Chromium silently retries a GET whose reused keep-alive socket closed: close a few in a row, then
  // drain what is left (last, so a late retry cannot take another case's fault).
  { name: 'connection closed', kind: 'offline', inject: (api) => api.closeNext(4), heal: async (api) => (await sleep(1000), drainFaults(api)) },
];

/** Spends fault answers left in the fake server's queue: asks until one healthy answer comes back. */
async function drainFaults(api: FakeApi): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${api.url}/v1/changes?limit=1`, { headers: { Authorization: `Bearer ${TOKEN}`, Connection: 'close' } }).catch(() => undefined);
    if (res?.ok) return;
  }
}

/**
 * Drill 3: the account is cached locally; for each fault the fake server can
 * produce, the cached copy is aged so opening its record revalidates against
 * the faulty server. The panel must keep showing the cached account with the
 * sync line's error, and IndexedDB must hold only valid, unchanged rows.
 */
export async function drillApiFaults(run: DrillRun): Promise<void> {
  const lens = await startLens({ loadDemo: false });
  run.defer(() => lens.close());
  const target = lens.crm.records[5]!;
  const api = await startFakeApi({
    token: TOKEN,
    accounts: [fakeAccount(1, { crm: 'salesforce', recordId: target.recordId, orgKey: 'acme-demo', name: NAME, csm: 'Priya Nair' })],
  });
  run.defer(() => api.stop());
  const ext = await extensionPage(lens);
  await useTeamServer(ext, api.url, TOKEN);
  // The periodic sync alarm would spend injected faults: only page views talk to the server here.
  await sleep(500);
  await ext.evaluate(`chrome.alarms.clearAll().then(() => true)`);

  // Cache it: one healthy view.
  let page = await lens.openRecord(target.recordId);
  let frame = await openPanel(lens, page, '');
  await frame.getByRole('heading', { level: 1, name: NAME }).waitFor();
  await frame.getByTestId('sync-line').getByText(/^As of /).waitFor();
  const { accounts: cached = [] } = await readStores(ext, ['accounts']);
  const accountId = (cached[0] as { id?: string } | undefined)?.id ?? '';
  if (!run.check('the account is cached locally', cached.length === 1 && accountId !== '')) return;

  const view = async (): Promise<{ page: Page; frame: Awaited<ReturnType<Lens['panelFrame']>> }> => {
    await page.close();
    page = await lens.openRecord(target.recordId);
    frame = await lens.panelFrame(page);
    return { page, frame };
  };

  for (const c of CASES) {
    await patchRow(ext, 'accounts', accountId, { syncedAt: STALE });
    const requestsBefore = api.requests.length;
    c.inject(api);
    run.fault();
    await view();
    const expected = pagesEn[`sync.error.${c.kind}`];
    let shown = false;
    try {
      await frame.getByTestId('sync-error').getByText(expected).waitFor({ timeout: c.waitMs ?? 8_000 });
      shown = true;
    } catch {
      // reported below
    }
    const seen = api.requests.slice(requestsBefore).some((r) => r.url.startsWith('/v1/accounts/lookup'));
    const heading = await frame.getByRole('heading', { level: 1, name: NAME }).count();
    const errorText = shown ? '' : await frame.getByTestId('sync-error').innerText({ timeout: 500 }).catch(() => '(none)');
    run.check(`${c.name}: panel keeps the cached account and shows the ${c.kind} error`, seen && shown && heading === 1, shown ? undefined : `error shown: ${errorText}`);

    const { accounts = [] } = await readStores(ext, ['accounts']);
    const invalid = accounts.filter((a) => !AccountSchema.safeParse(a).success);
    const row = accounts.find((a) => (a as { id?: string }).id === accountId) as { name?: string; syncedAt?: string } | undefined;
    const polluted = (await ext.evaluate(`'polluted' in Object.prototype || 'polluted' in ({}).constructor.prototype`)) as boolean;
    const okRows = accounts.length === 1 && invalid.length === 0 && row?.name === NAME && row.syncedAt === STALE && !polluted;
    if (!row) run.lost++;
    run.check(`${c.name}: IndexedDB row valid and unchanged`, okRows, okRows ? undefined : `rows ${accounts.length}, invalid ${invalid.length}, name ${String(row?.name).slice(0, 40)}, polluted ${polluted}`);
    await c.heal?.(api);
  }

  // Healthy again: the error goes away and the account is confirmed.
  await patchRow(ext, 'accounts', accountId, { syncedAt: STALE });
  await view();
  await frame.getByRole('heading', { level: 1, name: NAME }).waitFor();
  let cleared = false;
  for (let i = 0; i < 40 && !cleared; i++) {
    cleared = (await frame.getByTestId('sync-error').count()) === 0;
    if (!cleared) await sleep(200);
  }
  run.check('healthy again: the error clears', cleared);
  const { accounts = [] } = await readStores(ext, ['accounts']);
  const row = accounts[0] as { syncedAt?: string } | undefined;
  run.check('healthy again: the account is revalidated and valid', accounts.length === 1 && AccountSchema.safeParse(row).success && row?.syncedAt !== STALE);
  const polluted = await lens.browser.context.serviceWorkers()[0]?.evaluate(`'polluted' in Object.prototype`).catch(() => 'unknown');
  run.check('the service worker\'s Object.prototype is not polluted', polluted === false, String(polluted));
}
