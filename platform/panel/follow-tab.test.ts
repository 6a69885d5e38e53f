import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followTab } from './follow-tab';
import { tabKey } from './keys';
import { usePanelStore } from './store';

const ref = { crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', name: 'Acme' };
const initial = usePanelStore.getState();

async function activeTab(): Promise<number> {
  const win = (await fakeBrowser.windows.create({ focused: true }))!;
  const tab = await fakeBrowser.tabs.create({ windowId: win.id!, url: 'https://example.com/', active: true });
  return tab.id!;
}
const settled = () => vi.waitFor(() => expect(usePanelStore.getState().resolved).toBe(true));
// The first stored state loads the message schemas (zod), which takes a while in a cold test run.
const SLOW = { timeout: 15_000 };

describe('the side panel following its window’s active tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    usePanelStore.setState({ ...initial, tabId: null, ref: null, seed: undefined, resolved: false });
  });

  it('knows no record is open when the tab has no stored state', async () => {
    const id = await activeTab();
    const controller = new AbortController();
    await followTab('side', controller.signal);
    await settled();
    expect(usePanelStore.getState()).toMatchObject({ tabId: id, ref: null });
    controller.abort();
  });

  it('takes the record and its account from a valid stored state, and nothing from an invalid one', { timeout: 30_000 }, async () => {
    const id = await activeTab();
    await fakeBrowser.storage.session.set({ [tabKey(id)]: { ref, url: 'https://acme.lightning.force.com/', at: 1, account: null } });
    const controller = new AbortController();
    await followTab('side', controller.signal);
    await vi.waitFor(() => expect(usePanelStore.getState().ref).toEqual(ref), SLOW);
    expect(usePanelStore.getState().seed).toBeNull();

    // The tab moves on: the change carries the new state, then the record is left.
    await fakeBrowser.storage.session.set({ [tabKey(id)]: { ref: { ...ref, recordId: '001D000000IqhSMIAZ' }, url: 'x', at: 2 } });
    await vi.waitFor(() => expect(usePanelStore.getState().ref?.recordId).toBe('001D000000IqhSMIAZ'));
    await fakeBrowser.storage.session.set({ [tabKey(id)]: { ref: { crm: 'no such crm' }, url: 'x', at: 3 } });
    await vi.waitFor(() => expect(usePanelStore.getState().ref).toBeNull());
    await fakeBrowser.storage.session.set({ [tabKey(id)]: { ref, url: 'x', at: 4 } });
    await vi.waitFor(() => expect(usePanelStore.getState().ref).toEqual(ref));
    await fakeBrowser.storage.session.remove(tabKey(id));
    await vi.waitFor(() => expect(usePanelStore.getState().ref).toBeNull());
    controller.abort();
  });
});
