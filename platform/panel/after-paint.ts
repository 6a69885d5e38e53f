/**
 * Runs `job` once the page has drawn a frame and then `delayMs` more have
 * passed (with the main thread idle when the browser can tell): work the first
 * screen does not need stays behind it. A task posted from an animation frame
 * runs after that frame was drawn.
 */
export function afterPaint(job: () => void, delayMs = 0): () => void {
  let cancelled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (!cancelled) job();
  };
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      if (delayMs > 0 && typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: delayMs });
      else run();
    }, delayMs > 0 ? delayMs : 0);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
