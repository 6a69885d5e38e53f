import Dexie from 'dexie';
import { render, screen } from '@testing-library/react';
import { FormMessage, saveFailed } from '../../shared/ui/FormMessage';
import { translator } from '../../shared/i18n';
import { guardStorage, isStorageFull, isStorageUnavailable, StorageFullError, StorageUnavailableError } from './storage-full';

// What Chromium says when the disk under the profile is full (seen in the storage-full drill).
const DISK_FULL = 'Connection is closing because of: IO error: .../000004.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)';

describe('storage full, however the browser says it', () => {
  it('knows the quota error, the disk-full error, and either wrapped by Dexie or sent as text', () => {
    expect(isStorageFull(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isStorageFull(new DOMException(DISK_FULL, 'UnknownError'))).toBe(true);
    expect(isStorageFull(new Dexie.AbortError('aborted', new DOMException(DISK_FULL, 'UnknownError')))).toBe(true);
    const bulk = new Dexie.BulkError('accounts.bulkPut(): 2 of 2 operations failed', { 0: new DOMException('q', 'QuotaExceededError') });
    expect(isStorageFull(bulk)).toBe(true);
    expect(isStorageFull(new Error(new StorageFullError().message))).toBe(true); // after the message channel
    expect(isStorageFull(new Error('Encountered full disk while opening backing store for indexedDB.open.'))).toBe(true);
  });

  it('tells a database the browser cannot open (as when the disk is full at reopening) from a full one', async () => {
    const open = new Dexie.OpenFailedError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'));
    expect(isStorageUnavailable(open)).toBe(true);
    expect(isStorageFull(open)).toBe(false);
    expect(isStorageUnavailable(new Dexie.DatabaseClosedError(open))).toBe(true);
    expect(isStorageUnavailable(new DOMException('q', 'QuotaExceededError'))).toBe(false); // that one is "full"
    const watch = { storageFullAborts: 0 };
    await expect(guardStorage(watch, async () => { throw open; })).rejects.toBeInstanceOf(StorageUnavailableError);
    const t = translator('en').t;
    expect(saveFailed(t, new Error(new StorageUnavailableError('x').message))).toBe(
      'Could not save: the browser could not open the storage of Account Lens, which happens when the disk is full. What you typed is still here; free disk space, then save again.',
    );
    expect(saveFailed(translator('zh-CN').t, new StorageUnavailableError())).toContain('无法打开');
  });

  it('does not mistake other failures for it', () => {
    expect(isStorageFull(new Dexie.ConstraintError('Key already exists in the object store.'))).toBe(false);
    expect(isStorageFull(new Dexie.BulkError('2 of 2 failed', { 0: new Dexie.AbortError('The transaction was aborted') }))).toBe(false);
    expect(isStorageFull(new Error('network down'))).toBe(false);
    expect(isStorageUnavailable(new Error('network down'))).toBe(false);
    expect(isStorageUnavailable(new Dexie.ConstraintError('Key already exists in the object store.'))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
    const loop: { message: string; inner?: unknown } = { message: 'x' };
    loop.inner = loop;
    expect(isStorageFull(loop)).toBe(false);
  });

  it('names a write that failed while a transaction was aborted for lack of space, even when its own error hides why', async () => {
    const watch = { storageFullAborts: 0, lastStorageFullCause: undefined as string | undefined };
    const hidden = new Dexie.BulkError('accounts.bulkPut(): 3 of 3 operations failed', { 0: new Dexie.AbortError('The transaction was aborted') });
    await expect(guardStorage(watch, async () => { throw hidden; })).rejects.toBe(hidden);
    const failing = guardStorage(watch, async () => {
      watch.storageFullAborts++; // the database saw the abort's cause
      watch.lastStorageFullCause = `UnknownError: ${DISK_FULL}`;
      throw hidden;
    });
    await expect(failing).rejects.toBeInstanceOf(StorageFullError);
    // The browser reports the abort's cause after the write's own error has settled.
    const late = guardStorage(watch, async () => {
      setTimeout(() => watch.storageFullAborts++, 5);
      throw hidden;
    });
    await expect(late).rejects.toBeInstanceOf(StorageFullError);
    await expect(guardStorage(watch, async () => 7)).resolves.toBe(7);
    // An error of the app's own (not an abort) is passed on at once, without waiting for an abort's cause.
    const own = new Error('conflict');
    let settled = false;
    const conflict = guardStorage(watch, async () => { setTimeout(() => watch.storageFullAborts++, 5); throw own; });
    void conflict.catch(() => (settled = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(settled).toBe(true);
    await expect(conflict).rejects.toBe(own);
    await new Promise((r) => setTimeout(r, 10));
    // An abort seen before the write started is not this write's cause.
    await expect(guardStorage(watch, async () => { throw new Error('other'); })).rejects.toThrow('other');
  });

  it('every form says it plainly in both languages, keeping the typed text', () => {
    const err = new Error(new StorageFullError(DISK_FULL).message);
    const en = saveFailed(translator('en').t, err);
    const zh = saveFailed(translator('zh-CN').t, err);
    expect(en).toBe('Could not save: the browser’s storage for Account Lens is full. What you typed is still here; free disk space (or export and remove data you no longer need), then save again.');
    expect(zh).toContain('存储空间已满');
    expect(saveFailed(translator('en').t, new Error('network down'))).toBe('Could not save: network down');
    render(<FormMessage message={{ ok: false, text: en }} />);
    expect(screen.getByRole('alert')).toHaveTextContent('storage for Account Lens is full');
  });
});
