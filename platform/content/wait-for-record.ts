import { refFrom, type UrlHit } from '../../crm';
import type { FieldLabels } from '../../crm/fields';
import type { AccountRef } from '../../crm/types';

/**
 * Resolves the record's reference once its header shows this record's name.
 * Bounded: a MutationObserver (no polling) waits at most `timeoutMs`, then the
 * name falls back to the title or is left out. `previousName` guards against a
 * header that still shows the record we navigated away from.
 */
export function waitForRecord(
  hit: UrlHit,
  doc: Document,
  signal: AbortSignal,
  previousName: string | undefined,
  labels?: FieldLabels,
  timeoutMs = 4000,
): Promise<AccountRef | null> {
  return new Promise((resolve) => {
    const ready = (): string | undefined => {
      const name = hit.adapter.readName(doc, hit.match);
      return name && name !== previousName ? name : undefined;
    };
    if (ready()) return resolve(refFrom(hit, doc, labels));
    const finish = (ref: AccountRef | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(ref);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      if (ready()) finish(refFrom(hit, doc, labels));
    });
    observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'data-record-id', 'title'] });
    const timer = setTimeout(() => finish(refFrom(hit, doc, labels)), timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Share of the page's main thread that watching for renames may take, at most. */
const WATCH_BUDGET = 0.05;

/**
 * Calls `onRename` when the record's header name changes in place (inline
 * rename), until `signal` aborts. At most one check per frame; on a page where
 * reading the header is slow (a huge DOM that keeps changing), checks are
 * spaced out so that they take at most 5% of the page's time.
 */
export function watchName(
  hit: UrlHit,
  doc: Document,
  signal: AbortSignal,
  current: string | undefined,
  labels: FieldLabels,
  onRename: (ref: AccountRef) => void,
  now: () => number = () => performance.now(),
): void {
  let last = current;
  let scheduled = false;
  let nextAt = 0;
  const check = () => {
    scheduled = false;
    if (signal.aborted) return;
    const started = now();
    const name = hit.adapter.readName(doc, hit.match);
    const took = now() - started;
    nextAt = started + took / WATCH_BUDGET;
    if (name && name !== last) {
      last = name;
      onRename(refFrom(hit, doc, labels));
    }
  };
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    const wait = nextAt - now();
    if (wait > 0) setTimeout(() => !signal.aborted && requestAnimationFrame(check), wait);
    else requestAnimationFrame(check);
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
