import { fakeAccounts } from '../../tests/support/fake-api-data';
import { startFakeApi } from '../../tests/support/fake-api';
import { startLens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage, poll, readRow, readStores, sleep, stopWorker, useTeamServer, workerTarget } from './common';

const TOKEN = 'drill-token';
const ACCOUNTS = 3_000;

/** The fake server's cursor is base64url("pos:N"): the position it names, or null. */
function cursorPos(cursor: unknown): number | null {
  if (typeof cursor !== 'string') return null;
  const m = /^pos:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? Number(m[1]) : null;
}

interface Row {
  id: string;
  crm: string;
  recordId: string;
}

/**
 * Drill 2: a full pull of 3,000 accounts (pages of 500, 250 ms an answer) is
 * cut by stopping the service worker mid-way. What was committed must match
 * the stored cursor; woken and synced again, IndexedDB holds every server
 * account exactly once and the cursor is at the end of the feed.
 */
export async function drillWorkerStoppedMidSync(run: DrillRun): Promise<void> {
  const lens = await startLens({ loadDemo: false });
  run.defer(() => lens.close());
  const api = await startFakeApi({ token: TOKEN, accounts: fakeAccounts(ACCOUNTS) });
  run.defer(() => api.stop());
  api.latencyMs = 250;
  const ext = await extensionPage(lens);
  await useTeamServer(ext, api.url, TOKEN);

  const changes = () => api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/v1/changes'));
  const syncNow = `chrome.runtime.sendMessage({ type: 'sync/now' }).then(() => 'done', (e) => 'error: ' + e.message)`;
  // Sync now, not awaited: the worker dies under it.
  await ext.evaluate(`void (${syncNow}); true`);
  const midway = await poll(() => changes().length >= 3, 20_000, 20);
  await sleep(100);
  const stop = await stopWorker(lens.browser.context, ext, lens.browser.extensionId);
  run.fault();
  run.check('the service worker was stopped mid-sync', midway && stop.stopped, `${changes().length} pages asked for`);
  await sleep(500);

  const cursorAtStop = ((await readRow(ext, 'meta', 'sync:cursor')) as { value?: unknown } | null)?.value;
  const posAtStop = cursorPos(cursorAtStop);
  const { accounts: atStop = [] } = await readStores(ext, ['accounts']);
  run.note(`at the stop: ${atStop.length} accounts stored, cursor at ${posAtStop ?? 'none'}`);
  run.check('the stop cut the sync part-way', atStop.length < ACCOUNTS, `${atStop.length}/${ACCOUNTS}`);
  run.check('the committed rows match the stored cursor (whole pages only)', (posAtStop ?? 0) === atStop.length && atStop.length % 500 === 0, `rows ${atStop.length}, cursor ${posAtStop}`);

  // Wake it and sync again: it resumes from the cursor.
  const askedBefore = changes().length;
  const answer = await ext.evaluate(syncNow);
  run.check('Sync now after the restart completed', answer === 'done', String(answer));
  const sw = await workerTarget(lens.browser.context, ext, lens.browser.extensionId);
  run.check('the service worker is running again', sw !== undefined);
  const first = changes()[askedBefore];
  const since = first ? new URL(first.url, 'http://x').searchParams.get('since') : null;
  run.check('the new sync resumed from the stored cursor', posAtStop === null ? since === null : since === cursorAtStop, `resumed at ${cursorPos(since) ?? 0}`);
  run.check('pages were asked for with limit 500', changes().every((r) => r.url.includes('limit=500')));

  const { accounts: rows = [], meta = [] } = (await readStores(ext, ['accounts', 'meta'])) as { accounts?: Row[]; meta?: { key: string; value: unknown }[] };
  const ids = new Set(rows.map((r) => r.id));
  const refs = new Set(rows.map((r) => `${r.crm}|${r.recordId}`));
  const missing = [...api.store.accounts.keys()].filter((id) => !ids.has(id));
  run.lost += missing.length;
  run.check(`IndexedDB holds all ${ACCOUNTS} server accounts`, missing.length === 0, `missing ${missing.length}`);
  run.check('each account stored exactly once (by id)', rows.length === ACCOUNTS && ids.size === rows.length, `${rows.length} rows, ${ids.size} ids`);
  run.check('no duplicate rows by (crm, recordId)', refs.size === rows.length, `${refs.size} refs`);
  const cursor = meta.find((m) => m.key === 'sync:cursor')?.value;
  run.check('the stored cursor is at the end of the feed', cursorPos(cursor) === ACCOUNTS, `cursor at ${cursorPos(cursor)}`);
  const last = meta.find((m) => m.key === 'sync:last')?.value as { ok?: boolean } | undefined;
  run.check('the last sync is recorded as ok', last?.ok === true);

  // Once more: nothing new, nothing doubled.
  api.latencyMs = 0;
  const again = await ext.evaluate(syncNow);
  const { accounts: after = [] } = await readStores(ext, ['accounts']);
  run.check('a further sync leaves exactly the same rows', again === 'done' && after.length === ACCOUNTS, `${after.length} rows`);
}
