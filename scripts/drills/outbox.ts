import { fakeAccount } from '../../tests/support/fake-api-data';
import { startFakeApi } from '../../tests/support/fake-api';
import { openPanel, startLens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage, poll, readStores, sleep, stopWorker, useTeamServer, workerTarget } from './common';

const TOKEN = 'drill-token';
const STEPS = 6;

/**
 * Drill 1: next steps are queued while the team server is away; when it is
 * back (slow: 300 ms an answer) and the outbox is being delivered, the service
 * worker is stopped with a PUT in flight; after the restart one PUT is
 * applied but its answer dropped. Woken again, every queued write must
 * reach the server exactly once (by record id and by idempotency key).
 */
export async function drillWorkerStoppedMidOutbox(run: DrillRun): Promise<void> {
  const lens = await startLens({ loadDemo: false });
  run.defer(() => lens.close());
  const target = lens.crm.records[5]!;
  const api = await startFakeApi({
    token: TOKEN,
    author: 'Priya Nair',
    accounts: [fakeAccount(1, { crm: 'salesforce', recordId: target.recordId, orgKey: 'acme-demo', name: 'Hooli Cloud (team server)', csm: 'Priya Nair' })],
  });
  run.defer(() => api.stop());
  const ext = await extensionPage(lens);
  await useTeamServer(ext, api.url, TOKEN);

  const page = await lens.browser.context.newPage();
  await page.goto(lens.recordUrl(target.recordId));
  const frame = await openPanel(lens, page, '');
  await frame.getByRole('heading', { level: 1, name: 'Hooli Cloud (team server)' }).waitFor();
  await frame.getByTestId('sync-line').getByText(/^As of /).waitFor();

  // Fault 1: the server is away while the steps are written: they queue.
  await api.stop();
  run.fault();
  const titles = Array.from({ length: STEPS }, (_, k) => `Drill step ${k + 1} ${Date.now()}`);
  for (const [k, title] of titles.entries()) {
    await frame.getByLabel('New next step').fill(title);
    await frame.getByLabel('Due').fill(`2026-12-${String(10 + k).padStart(2, '0')}`);
    await frame.getByRole('button', { name: 'Add next step' }).click();
    await frame.getByText(title).waitFor();
  }
  const queued = await poll(async () => {
    const { outbox = [] } = await readStores(ext, ['outbox']);
    return outbox.length >= STEPS ? outbox.length : 0;
  }, 10_000);
  run.check(`${STEPS} writes queued in the outbox while the server is away`, queued >= STEPS, `outbox ${queued}`);

  // The server comes back, slow; delivery starts; the worker is stopped with a PUT in flight.
  await api.start();
  api.latencyMs = 300;
  const puts = () => api.requests.filter((r) => r.method === 'PUT').length;
  const putsBefore = puts();
  // Sync now; asked again while nothing goes out (a round already under way absorbs a click).
  let inFlight = false;
  let clicks = 0;
  for (let attempt = 0; attempt < 6 && !inFlight; attempt++, clicks++) {
    await frame.getByRole('button', { name: 'Sync now' }).click();
    inFlight = await poll(() => puts() >= putsBefore + 2, 3_000, 20);
  }
  if (clicks > 1) run.note(`Sync now had to be clicked ${clicks} times before deliveries started`);
  await sleep(120); // the second PUT reached the server; its answer is 300 ms away
  const writesAtStop = api.store.writes.length;
  const stop = await stopWorker(lens.browser.context, ext, lens.browser.extensionId);
  run.fault();
  run.check('the service worker was stopped with deliveries in flight', inFlight && stop.stopped, `PUTs seen ${puts() - putsBefore}`);
  await sleep(600); // the in-flight PUT is applied by the server; its answer has nobody to go to
  const appliedUnanswered = api.store.writes.length - writesAtStop;
  const manual = () => api.store.writes.filter((w) => (w.record as { source?: string }).source === 'manual');
  const deliveredAtStop = manual().length;
  run.note(`at the stop: ${deliveredAtStop}/${STEPS} steps on the server, ${appliedUnanswered} applied after the worker died`);
  run.check('the stop left work undelivered (mid-outbox)', deliveredAtStop < STEPS, `${deliveredAtStop}/${STEPS} delivered`);

  // Fault 3: the first PUT after the restart is applied by the server, then its connection is dropped
  // before the answer: the entry stays queued and is replayed under the same key.
  api.closeNext(1, { afterHandling: true });
  run.fault();
  const writesBeforeDrop = api.store.writes.length;

  // Wake it: Sync now from the panel (the panel's port reconnects too), repeated until the outbox drains.
  const done = await poll(async () => {
    if (manual().length >= STEPS) {
      const { outbox = [] } = await readStores(ext, ['outbox']);
      if (outbox.length === 0) return true;
    }
    await frame.getByRole('button', { name: 'Sync now' }).click().catch(() => undefined);
    await sleep(1500);
    return false;
  }, 30_000, 0);
  run.note(`the dropped answer: ${api.store.writes.length - writesBeforeDrop} writes applied after the restart, ${api.requests.filter((r) => r.method === 'PUT').length - putsBefore} PUTs in all`);
  const sw = await workerTarget(lens.browser.context, ext, lens.browser.extensionId);
  run.check('the service worker is running again', sw !== undefined);
  run.check('the outbox drained after the restart', done);

  const got = manual();
  const byTitle = new Map<string, number>();
  for (const w of got) {
    const t = (w.record as { title?: string }).title ?? '';
    byTitle.set(t, (byTitle.get(t) ?? 0) + 1);
  }
  const missing = titles.filter((t) => !byTitle.has(t));
  run.lost += missing.length;
  run.check('every queued step reached the server', missing.length === 0, missing.length ? `missing ${missing.length}` : undefined);
  run.check('each step applied exactly once (by title)', titles.every((t) => byTitle.get(t) === 1));
  const ids = got.map((w) => w.id);
  run.check('each record id applied exactly once', new Set(ids).size === ids.length && ids.length === STEPS, `${ids.length} writes, ${new Set(ids).size} ids`);
  const keys = api.store.writes.map((w) => w.key);
  run.check('no idempotency key accepted twice', new Set(keys).size === keys.length, `${keys.length} writes`);

  // Locally: every step is still stored, once.
  const stores = await readStores(ext);
  const localText = JSON.stringify(Object.entries(stores).filter(([n]) => n !== 'outbox' && n !== 'meta').map(([, rows]) => rows));
  const localMissing = titles.filter((t) => !localText.includes(t));
  run.lost += localMissing.filter((t) => !missing.includes(t)).length;
  run.check('every step is still stored locally', localMissing.length === 0);

  // One more sync changes nothing on the server.
  const before = api.store.writes.length;
  await frame.getByRole('button', { name: 'Sync now' }).click();
  await sleep(1200);
  run.check('a further sync writes nothing new', api.store.writes.length === before);
}
