import { useCallback, useEffect, useState } from 'react';

/** How long a mark (signed, paid) offers its Undo after it was made. */
export const UNDO_WINDOW_MS = 10_000;

/**
 * The short window in which a mark just made can be undone: `open` turns
 * true on `start()` and false again after `ms`, on `close()`, or when the
 * card unmounts. Starting an open window again does not lengthen it.
 */
export function useUndoWindow(ms: number = UNDO_WINDOW_MS): { open: boolean; start: () => void; close: () => void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => setOpen(false), ms);
    return () => clearTimeout(timer);
  }, [open, ms]);
  const start = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, start, close };
}

/** The Undo button of an open window, after a space; nothing once the window has closed. */
export function UndoButton({ open, busy, label, onUndo }: { open: boolean; busy: boolean; label: string; onUndo: () => void }) {
  if (!open) return null;
  return (
    <>
      {' '}
      <button type="button" disabled={busy} onClick={onUndo}>{label}</button>
    </>
  );
}
