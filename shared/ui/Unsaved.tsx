import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTr } from '../i18n/I18n';

/**
 * The settings page's one saving model: each section's edits are a draft until saved. A section with
 * a draft tells this registry (useUnsaved); the bar at the foot of the page names every section not
 * saved yet, saves them all in one click, and the browser asks before the page is closed with a draft.
 */
interface Entry {
  label: string;
  /** The heading the bar's link jumps to. */
  anchor: string;
  save: () => unknown;
}
interface Registry {
  put: (id: string, entry: Entry) => void;
  drop: (id: string) => void;
  entries: ReadonlyMap<string, Entry>;
}
const Ctx = createContext<Registry | null>(null);

export function UnsavedProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ReadonlyMap<string, Entry>>(new Map());
  const put = useCallback((id: string, entry: Entry) => setEntries((m) => new Map(m).set(id, entry)), []);
  const drop = useCallback((id: string) => setEntries((m) => {
    if (!m.has(id)) return m;
    const next = new Map(m);
    next.delete(id);
    return next;
  }), []);
  const value = useMemo(() => ({ put, drop, entries }), [put, drop, entries]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * Tells the page this section has a draft (`dirty`): `anchor` is the id of its heading, `save` the same
 * action as its Save button. Outside an UnsavedProvider it does nothing.
 */
export function useUnsaved(anchor: string, label: string, dirty: boolean, save: () => unknown): void {
  const reg = useContext(Ctx);
  const saveRef = useRef(save);
  saveRef.current = save;
  const put = reg?.put;
  const drop = reg?.drop;
  useEffect(() => {
    if (!put || !drop) return;
    if (dirty) put(anchor, { label, anchor, save: () => saveRef.current() });
    else drop(anchor);
  }, [put, drop, anchor, label, dirty]);
  useEffect(() => () => drop?.(anchor), [drop, anchor]);
}

/** The bar: what is not saved yet, with one Save all. Nothing shows while everything is saved. */
export function UnsavedBar() {
  const { t } = useTr();
  const reg = useContext(Ctx);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState('');
  const entries = [...(reg?.entries.values() ?? [])];
  const dirty = entries.length > 0;
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  useEffect(() => {
    if (!dirty) setNote('');
  }, [dirty]);
  if (!dirty) return null;
  const saveAll = async () => {
    setSaving(true);
    setNote('');
    for (const e of entries) {
      try {
        await e.save();
      } catch {
        // The section says why in its own message; the bar keeps naming it.
      }
    }
    setSaving(false);
    setNote(t('unsaved.stillOpen'));
  };
  const sep = t('list.sep');
  return (
    <div className="unsaved-bar" role="region" aria-label={t('unsaved.title')}>
      <p>
        {t('unsaved.lead')}{' '}
        {entries.map((e, i) => (
          <span key={e.anchor}>{i > 0 ? sep : ''}<a href={`#${e.anchor}`}>{e.label}</a></span>
        ))}
      </p>
      <button type="button" className="primary" disabled={saving} onClick={() => void saveAll()}>{saving ? t('unsaved.saving') : t('unsaved.saveAll')}</button>
      {note && <p className="muted" role="status">{note}</p>}
    </div>
  );
}

/**
 * A section's draft against what was last loaded or saved: `markSaved(value)` after loading and after
 * each save; while the draft differs the page names the section as not saved.
 */
export function useDraft(anchor: string, label: string, draft: unknown, save: () => unknown): (saved: unknown) => void {
  const [baseline, setBaseline] = useState<string | null>(null);
  const dirty = baseline !== null && JSON.stringify(draft ?? null) !== baseline;
  useUnsaved(anchor, label, dirty, save);
  return useCallback((saved: unknown) => setBaseline(JSON.stringify(saved ?? null)), []);
}
