import { act, render, screen } from '@testing-library/react';
import { useUndoClock } from '../../tests/support/undo-clock';
import { UNDO_WINDOW_MS, UndoButton, useUndoWindow } from './UndoWindow';

const { click, advance } = useUndoClock();
let controls: ReturnType<typeof useUndoWindow> | null = null;
const undone: number[] = [];
function Card({ ms }: { ms?: number }) {
  const undo = useUndoWindow(ms);
  controls = undo;
  return (
    <p>
      <button type="button" onClick={undo.start}>Mark</button>
      <UndoButton open={undo.open} busy={false} label="Undo" onUndo={() => { undone.push(1); undo.close(); }} />
    </p>
  );
}

describe('the undo window', () => {
  it('is closed until started, then open for exactly 10 seconds', async () => {
    render(<Card />);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await click('Mark');
    advance(UNDO_WINDOW_MS - 1);
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    advance(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('closes on undo, and starting it again while open does not lengthen it', async () => {
    undone.length = 0;
    render(<Card ms={1_000} />);
    await click('Mark');
    advance(600);
    act(() => controls!.start());
    advance(400);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    await click('Mark');
    await click('Undo');
    expect(undone).toEqual([1]);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
