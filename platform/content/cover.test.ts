import { describe, expect, it } from 'vitest';
import { assessCover, coverVerdicts, samplePoints, type CoverView, type Rect } from './cover';

const host = { tag: 'host' } as unknown as Element;
const decoy = { tag: 'decoy' } as unknown as Element;
const PANEL: Rect = { left: 1000, top: 0, right: 1380, bottom: 800 };
const plain = { opacity: '1', visibility: 'visible', filter: 'none', clipPath: 'none', display: 'block' };

const view = (over: Partial<CoverView> = {}): CoverView => ({
  rect: PANEL,
  viewport: { width: 1380, height: 800 },
  topAt: () => host,
  host,
  topLayer: [],
  hostOnTop: true,
  styles: [plain],
  ...over,
});

describe('whether the page covers the panel frame', () => {
  it('is clear when the frame sits at the right edge, on top, unfaded', () => {
    expect(assessCover(view())).toBeNull();
  });

  it('notices a decoy that takes clicks anywhere over the frame', () => {
    for (const [x, y] of samplePoints(PANEL)) {
      const topAt = (px: number, py: number) => (px === x && py === y ? decoy : host);
      expect(assessCover(view({ topAt })), `${x},${y}`).toBe('covered');
    }
  });

  it('notices a top-layer element over the frame even when it lets clicks through', () => {
    // Hit testing still finds the host: the decoy has pointer-events: none.
    expect(assessCover(view({ topLayer: [{ el: decoy, rect: { left: 900, top: 100, right: 1200, bottom: 300 } }] }))).toBe('covered');
    // One elsewhere on the page (a CRM's own dialog in the middle) is not over the panel.
    expect(assessCover(view({ topLayer: [{ el: decoy, rect: { left: 200, top: 100, right: 900, bottom: 600 } }] }))).toBeNull();
  });

  it('notices the host taken out of the top layer', () => {
    expect(assessCover(view({ hostOnTop: false }))).toBe('covered');
  });

  it('notices fading, hiding and clipping', () => {
    for (const s of [{ opacity: '0.02' }, { visibility: 'hidden' }, { filter: 'opacity(0.1)' }, { clipPath: 'inset(50%)' }, { display: 'none' }])
      expect(assessCover(view({ styles: [plain, { ...plain, ...s }] })), JSON.stringify(s)).toBe('hidden');
  });

  it('notices the frame moved off its place or shrunk to nothing', () => {
    expect(assessCover(view({ rect: { ...PANEL, left: 2000, right: 2380 } }))).toBe('moved');
    expect(assessCover(view({ rect: { ...PANEL, top: 300 } }))).toBe('moved');
    expect(assessCover(view({ rect: { left: 1380, top: 0, right: 1380, bottom: 800 } }))).toBe('moved');
  });
});

describe('what the panel is told', () => {
  it('pauses at once and resumes only after a second of being clear', () => {
    const v = coverVerdicts(1000);
    expect(v.see(null, 0)).toEqual({ changed: false, reason: null });
    expect(v.see('covered', 100)).toEqual({ changed: true, reason: 'covered' });
    expect(v.see('covered', 500)).toEqual({ changed: false, reason: 'covered' });
    expect(v.see(null, 600)).toEqual({ changed: false, reason: 'covered' });
    // The decoy comes back just before a click: the clear period starts again.
    expect(v.see('hidden', 1200)).toEqual({ changed: true, reason: 'hidden' });
    expect(v.see(null, 1300)).toEqual({ changed: false, reason: 'hidden' });
    expect(v.see(null, 2299)).toEqual({ changed: false, reason: 'hidden' });
    expect(v.see(null, 2300)).toEqual({ changed: true, reason: null });
    expect(v.see(null, 2700)).toEqual({ changed: false, reason: null });
  });

  it('clears at once when the panel closes, and says so only if it was covered', () => {
    const v = coverVerdicts(1000);
    expect(v.reset()).toBe(false);
    v.see('moved', 0);
    expect(v.reset()).toBe(true);
    expect(v.see(null, 1)).toEqual({ changed: false, reason: null });
  });
});
