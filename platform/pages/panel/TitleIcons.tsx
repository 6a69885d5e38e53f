/**
 * The title bar's icons: 16 px line drawings in the text colour. Each sits in
 * a button that carries the words (aria-label for screen readers, title as
 * the tooltip), so the drawings themselves are hidden from assistive tech.
 */
export type TitleIconName = 'portfolio' | 'account' | 'sidePanel' | 'overlay' | 'push' | 'collapse' | 'settings';

const PATHS: Record<TitleIconName, string> = {
  // Four tiles: the whole book.
  portfolio: 'M2.5 2.5h4.5v4.5h-4.5z M9 2.5h4.5v4.5h-4.5z M2.5 9h4.5v4.5h-4.5z M9 9h4.5v4.5h-4.5z',
  // Back to the one account: an arrow to the left.
  account: 'M13.5 8h-11 M6.5 4l-4 4 4 4',
  // A window with its right column: the browser's own side panel.
  sidePanel: 'M2 3h12v10h-12z M10 3v10',
  // The panel over the page: a sheet lying across the page's edge.
  overlay: 'M2 3h9v10h-9z M7 5h7v8h-7z',
  // The page moved aside: the page, a gap, the panel.
  push: 'M2 3h6v10h-6z M10 3h4v10h-4z M5 8h-2 M4 7l-1 1 1 1',
  // Fold the panel away to the right.
  collapse: 'M6 3.5l4.5 4.5-4.5 4.5',
  // A cog: a ring and its eight teeth.
  settings:
    'M8 5.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z M8 1.5v2 M8 12.5v2 M1.5 8h2 M12.5 8h2 M3.4 3.4l1.4 1.4 M11.2 11.2l1.4 1.4 M3.4 12.6l1.4-1.4 M11.2 4.8l1.4-1.4',
};

export function TitleIcon({ name }: { name: TitleIconName }) {
  return (
    <svg className="title-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
