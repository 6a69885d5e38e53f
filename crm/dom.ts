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

/**
 * Elements whose text is not what a user reads as a label or value: screen
 * reader hints, edit buttons, icons and hidden subtrees (cached SPA views).
 */
export const NOT_CONTENT =
  'script,style,template,button,svg,[hidden],[aria-hidden="true"],.slds-assistive-text,.assistiveText,lightning-helptext';

/** True when the element sits in a hidden subtree (a cached or background view). */
export function isHidden(el: Element): boolean {
  return el.closest('[hidden],[aria-hidden="true"]') !== null;
}

/** First element matching a selector (in order) that has text and is not hidden. */
export function firstVisibleText(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const sel of selectors) {
    for (const el of Array.from(root.querySelectorAll(sel))) {
      const text = isHidden(el) ? undefined : textOf(el);
      if (text) return text;
    }
  }
  return undefined;
}

/** Like textContent, but without the text of `skip` descendants; whitespace collapsed. */
export function contentText(el: Element, skip = NOT_CONTENT): string | undefined {
  let text = '';
  const walk = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) text += c.nodeValue ?? '';
      else if (c.nodeType === 1 && !(c as Element).matches(skip)) walk(c);
    }
  };
  walk(el);
  const out = text.replace(/\s+/g, ' ').trim();
  return out ? out : undefined;
}

/** The single host label in front of `suffix`: "acme" from ("acme.pipedrive.com", ".pipedrive.com"). */
export function subdomainOf(host: string, suffix: string): string | undefined {
  const h = host.toLowerCase();
  if (!h.endsWith(suffix)) return undefined;
  const sub = h.slice(0, -suffix.length);
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(sub) ? sub : undefined;
}

/** Name from the title, unless the title is a page-level one such as "Companies | HubSpot". */
export function titleNameExcept(title: string, pattern: RegExp, generic: readonly string[]): string | undefined {
  const name = nameFromTitle(title, pattern);
  return name && !generic.includes(name) ? name : undefined;
}
