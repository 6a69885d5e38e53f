import type { Page } from 'playwright-core';

/** A node of the page's accessibility tree, as the browser exposes it to assistive technology. */
export interface AxHit {
  role: string;
  name: string;
  backendNodeId: number;
  /** aria-expanded, where the node has it. */
  expanded?: boolean;
}

/**
 * Finds elements by role and accessible name in the full accessibility tree.
 * The launcher lives in a closed shadow root that page scripts (and selector
 * engines) cannot enter; assistive technology can, and so can this.
 */
export async function queryAx(page: Page, role: string, namePrefix: string): Promise<AxHit[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        backendDOMNodeId?: number;
        ignored?: boolean;
        properties?: { name: string; value: { value?: unknown } }[];
      }[];
    };
    return nodes
      .filter((n) => !n.ignored && n.role?.value === role && (n.name?.value ?? '').startsWith(namePrefix) && n.backendDOMNodeId)
      .map((n) => {
        const expanded = n.properties?.find((p) => p.name === 'expanded')?.value.value;
        return { role, name: n.name!.value!, backendNodeId: n.backendDOMNodeId!, ...(typeof expanded === 'boolean' ? { expanded } : {}) };
      });
  } finally {
    await cdp.detach();
  }
}

/** Waits until exactly one element with that role and name prefix is exposed, and returns it. */
export async function waitForAx(page: Page, role: string, namePrefix: string, timeoutMs = 10_000): Promise<AxHit> {
  const deadline = Date.now() + timeoutMs;
  let last: AxHit[] = [];
  while (Date.now() < deadline) {
    last = await queryAx(page, role, namePrefix);
    if (last.length === 1) return last[0]!;
    await page.waitForTimeout(50);
  }
  throw new Error(`No single ${role} named "${namePrefix}…" (found ${last.length}: ${last.map((h) => h.name).join(' | ')})`);
}

/** Clicks the centre of an accessibility-tree node with a real mouse event. */
export async function clickAx(page: Page, hit: AxHit): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: hit.backendNodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The computed background colour of the element behind an accessibility node's child, e.g. the launcher's dot. */
export async function computedStyleOf(page: Page, hit: AxHit, childSelector: string, prop: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const { nodeIds } = (await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [hit.backendNodeId] })) as { nodeIds: number[] };
    const { nodeId } = (await cdp.send('DOM.querySelector', { nodeId: nodeIds[0]!, selector: childSelector })) as { nodeId: number };
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId })) as { computedStyle: { name: string; value: string }[] };
    return computedStyle.find((s) => s.name === prop)?.value ?? '';
  } finally {
    await cdp.detach();
  }
}
