import { createUi, type FrameSource } from './ui';
import type { LauncherView } from '../messaging/protocol';

const view = (open: boolean): LauncherView => ({ label: 'Account Lens: Acme', resizeLabel: 'Resize', panel: { open, width: 400, mode: 'overlay' } });

function setup() {
  const saves: { patch: Record<string, unknown>; done: () => void }[] = [];
  const frames: string[] = [];
  const source: FrameSource = {
    url: async () => (frames.push('asked'), null),
    claimed: async () => true,
  };
  const ui = createUi(document, source, (patch) => new Promise<void>((done) => saves.push({ patch, done })));
  return { ui, saves, frames };
}
const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => document.documentElement.querySelectorAll('div').forEach((d) => d.remove()));

describe('the launcher and a refresh that crosses a click', () => {
  it('a refresh read before the click was stored does not close the panel just opened', async () => {
    const { ui, saves } = setup();
    ui.show(view(false));
    ui.toggle(); // opens; the background has not stored it yet
    await flush();
    expect(saves.map((s) => s.patch)).toEqual([{ open: true }]);
    ui.show(view(false)); // a launcher refresh computed before the click was stored
    ui.toggle(); // so this click closes what the person opened
    await flush();
    expect(saves.map((s) => s.patch)).toEqual([{ open: true }, { open: false }]);
  });

  it('once every change is stored, a refresh carries the panel state again (another tab closed it)', async () => {
    const { ui, saves } = setup();
    ui.show(view(false));
    ui.toggle();
    await flush();
    saves[0]!.done();
    await flush();
    ui.show(view(false)); // stored after the click: another tab closed the panel
    ui.toggle(); // so this click opens it again
    await flush();
    expect(saves.map((s) => s.patch)).toEqual([{ open: true }, { open: true }]);
  });
});
