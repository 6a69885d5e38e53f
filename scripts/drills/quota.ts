import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPanel, startLens } from '../../tests/e2e/fixture';
import { DrillRun, extensionPage, readStores, sleep } from './common';

const DISK_MB = 256;
// Either plain message: full (the write failed), or cannot be opened (the browser closed it and could not reopen it).
const STORAGE_FULL = /storage for Account Lens is full|could not open the storage of Account Lens/;

/** Why the drill cannot run here (it mounts a small disk for the browser profile), or null. */
export function quotaDrillUnavailable(): string | null {
  if (process.platform !== 'linux') return 'needs Linux to mount a small tmpfs for the browser profile';
  if (process.getuid?.() !== 0) return 'needs root to mount a small tmpfs for the browser profile';
  return null;
}

/**
 * Drill 5: the disk under the browser profile fills up. Chromium then refuses
 * IndexedDB writes (an IO error naming FILE_ERROR_NO_SPACE that also closes
 * every connection) and cannot reopen the database until space is freed. The
 * user must be told in plain words, each refused write must leave nothing
 * half-stored, what was typed must stay on screen, and once space is freed
 * the same extension (no restart) must take the write, with all data intact.
 */
export async function drillStorageFull(run: DrillRun): Promise<void> {
  const mount = mkdtempSync(join(tmpdir(), 'account-lens-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_MB}m`, 'tmpfs', mount]);
  run.defer(async () => {
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });
  mkdirSync(join(mount, 'profile'));
  const lens = await startLens({ userDataDir: join(mount, 'profile') });
  run.defer(() => lens.close());
  const ext = await extensionPage(lens);
  await ext.getByTestId('account-count').waitFor();
  const record = lens.crm.records.find((r) => r.name === 'Acme Analytics')!;
  const page = await lens.openRecord(record.recordId);
  const frame = await openPanel(lens, page, 'Acme Analytics');
  await frame.getByRole('heading', { level: 1, name: 'Acme Analytics' }).waitFor();
  await sleep(1000); // detection's own writes (CTA evaluation) settle first
  const before = await readStores(ext);

  // Fill the disk: a file takes every free block but 64 KB.
  const filler = join(mount, 'filler');
  const free = () => {
    const s = statfsSync(mount);
    return s.bavail * s.bsize;
  };
  // The browser writes meanwhile: when the space measured is gone by the time the file takes it, measure again.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('fallocate', ['-l', String(Math.max(0, free() - 64 * 1024)), filler], { stdio: 'ignore' });
      break;
    } catch (err) {
      rmSync(filler, { force: true });
      if (attempt >= 10) throw err;
      await sleep(200);
    }
  }
  run.note(`disk: ${DISK_MB} MB tmpfs under the profile, ${Math.round(free() / 1024)} KB left free`);

  // (a) A big import through the options page.
  const csv = join(mount, '..', `${mount.split('/').pop()}-import.csv`);
  writeFileSync(csv, ['crm,crm_record_id,name,contract_end', ...Array.from({ length: 20_000 }, (_, i) => `hubspot,${700000 + i},Storage drill ${i} ${'x'.repeat(80)},2027-06-30`)].join('\n'));
  run.defer(async () => rmSync(csv, { force: true }));
  await ext.getByLabel('CSV or JSON file of accounts').setInputFiles(csv);
  await ext.getByRole('button', { name: 'Confirm import' }).click();
  run.fault();
  const importSaid = await ext.getByRole('alert').first().textContent({ timeout: 30_000 }).catch((e: unknown) => `no alert: ${String(e).slice(0, 80)}`);
  run.check('the import on a full disk is refused with the storage-full message', STORAGE_FULL.test(importSaid ?? ''), importSaid?.slice(0, 160));

  // (b) A note written in the panel while the disk is full.
  const TEXT = 'Storage drill: reviewed the year with the boss';
  const renewal = frame.getByTestId('renewal-card');
  await renewal.getByText('Log a renewal conversation').click();
  await renewal.getByLabel('What was discussed').fill(TEXT);
  await renewal.getByRole('button', { name: 'Log it' }).click();
  run.fault();
  const panelSaid = await renewal.getByRole('alert').first().textContent({ timeout: 15_000 }).catch((e: unknown) => `no alert: ${String(e).slice(0, 80)}`);
  run.check('the panel says storage is full, in plain words', STORAGE_FULL.test(panelSaid ?? ''), panelSaid?.slice(0, 160));
  run.check('what the user typed is still in the form', (await renewal.getByLabel('What was discussed').inputValue()) === TEXT);
  run.check('the panel still shows the account', (await frame.getByRole('heading', { level: 1, name: 'Acme Analytics' }).count()) === 1);

  // (c) Space comes back: the same browser, worker and panel take the write when the user saves again.
  rmSync(filler);
  await sleep(500);
  let clicks = 0;
  let saved = false;
  while (!saved && clicks < 3) {
    await renewal.getByRole('button', { name: 'Log it' }).click();
    clicks++;
    saved = await renewal.getByRole('status').filter({ hasText: 'Logged.' }).waitFor({ timeout: 5000 }).then(() => true, () => false);
  }
  run.note(`saving again after space was freed took ${clicks} click(s)`);
  run.check('after space is freed, saving again works without restarting anything', saved, `${clicks} click(s)`);
  await ext.reload();
  await ext.getByTestId('account-count').waitFor();
  writeFileSync(csv, ['crm,crm_record_id,name,contract_end', ...[1, 2, 3].map((i) => `hubspot,${800000 + i},After the storm ${i},2027-06-30`)].join('\n'));
  await ext.getByLabel('CSV or JSON file of accounts').setInputFiles(csv);
  await ext.getByRole('button', { name: 'Confirm import' }).click();
  const imported = await ext.getByRole('status').filter({ hasText: 'Imported' }).textContent({ timeout: 15_000 }).catch(() => null);
  run.check('a small import works again', imported?.includes('3 created') ?? false, imported ?? 'no status');

  // (d) Nothing lost, nothing half-stored.
  const after = await readStores(ext);
  let lost = 0;
  let changed = 0;
  for (const [store, rows] of Object.entries(before)) {
    if (store === 'meta' || store === 'outbox') continue;
    const now = new Map((after[store] ?? []).map((r) => [(r as { id: string }).id, JSON.stringify(r)]));
    for (const row of rows) {
      const id = (row as { id: string }).id;
      if (!now.has(id)) lost++;
      else if (store !== 'ctas' && now.get(id) !== JSON.stringify(row)) changed++; // the new note may close or raise CTAs
    }
  }
  run.lost += lost;
  run.check('every record stored before the disk filled is still there', lost === 0, `${lost} missing`);
  run.check('and unchanged', changed === 0, `${changed} changed`);
  const imports = (after.accounts ?? []).filter((a) => String((a as { name?: string }).name).startsWith('Storage drill')).length;
  run.check('nothing of the refused import was stored', imports === 0, `${imports} rows`);
  const withText = Object.entries(after).flatMap(([store, rows]) => (store === 'outbox' ? [] : rows.filter((r) => JSON.stringify(r).includes(TEXT)).map((r) => ({ store, id: (r as { id: string }).id }))));
  run.check('the note was stored once', withText.length === 1, withText.map((w) => `${w.store}/${w.id}`).join(', '));
  const queued = (after.outbox ?? []).filter((e) => withText.some((w) => (e as { recordId?: string }).recordId === w.id)).length;
  run.check('with exactly one outbox entry', queued === 1, `${queued} entries`);
  const orphans = (after.outbox ?? []).filter((e) => {
    const { kind, recordId } = e as { kind: string; recordId: string };
    return !(after[kind] ?? []).some((r) => (r as { id: string }).id === recordId);
  }).length;
  run.check('no outbox entry without its record', orphans === 0, `${orphans} orphans`);
  run.check('no page opened a dialog', lens.dialogs.length === 0, lens.dialogs.join(' | ') || undefined);
}
