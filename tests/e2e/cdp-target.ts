import type { Page } from 'playwright-core';

/**
 * Evaluates an expression in another browser target (Chrome's native side
 * panel is one Playwright does not list as a page), through the DevTools
 * protocol's target messages. Returns null while no such target exists.
 */
export async function evaluateInTarget(page: Page, urlEnd: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
    const target = targetInfos.find((t) => t.type === 'page' && t.url.endsWith(urlEnd));
    if (!target) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
        const msg = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (e.sessionId === sessionId && msg.id === 1) resolve(msg.result?.result?.value ?? null);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    const value = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return value;
  } finally {
    await cdp.detach();
  }
}
