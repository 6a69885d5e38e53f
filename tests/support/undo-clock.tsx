import { act, cleanup, fireEvent, screen } from '@testing-library/react';

/**
 * The fake clock a card with an Undo window is tested on: fake timers
 * installed before each test, real ones and an empty document after. Returns
 * a click that lets the card's write settle, and a way to move the clock.
 */
export function useUndoClock(reset: () => void = () => {}) {
  beforeEach(() => {
    reset();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
  });
  return {
    click: (name: string) => act(async () => void fireEvent.click(screen.getByRole('button', { name }))),
    advance: (ms: number) => act(() => void vi.advanceTimersByTime(ms)),
  };
}
