/** Small DOM readers shared by the adapters. Pure: they only read. */

/** Visible text of an element, whitespace collapsed; undefined when empty. */
export function textOf(el: Element | null | undefined): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** First selector (in order) whose element has text. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    const text = textOf(root.querySelector(sel));
    if (text) return text;
  }
  return undefined;
}

/** Strips a known title suffix ("Acme | Account | Salesforce" → "Acme"). */
export function nameFromTitle(title: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(title.trim());
  const name = m?.[1]?.trim();
  return name ? name : undefined;
}
