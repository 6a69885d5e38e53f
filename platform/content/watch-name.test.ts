import { watchName } from './wait-for-record';
import { DEFAULT_FIELD_LABELS } from '../../crm/fields';
import type { CrmAdapter } from '../../crm/types';

const watching: AbortController[] = [];

// A header whose reading costs `cost` ms on the page's clock (a huge DOM makes it slow).
function setup(cost: number) {
  let clock = 0;
  let reads = 0;
  document.body.innerHTML = '<h1>Acme</h1>';
  const adapter = {
    crm: 'salesforce',
    matches: [],
    matchUrl: () => null,
    readName: (doc: Document) => {
      reads++;
      clock += cost;
      return doc.querySelector('h1')?.textContent ?? undefined;
    },
  } as unknown as CrmAdapter;
  const renamed: (string | undefined)[] = [];
  const controller = new AbortController();
  watching.push(controller);
  watchName({ adapter, match: { recordId: '1' } }, document, controller.signal, 'Acme', DEFAULT_FIELD_LABELS, (ref) => renamed.push(ref.name), () => clock);
  const rename = async (name: string) => {
    document.querySelector('h1')!.textContent = name;
    await Promise.resolve(); // the observer's callback
  };
  return { renamed, controller, rename, reads: () => reads, tick: (ms: number) => { clock += ms; vi.advanceTimersByTime(ms); } };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  for (const c of watching.splice(0)) c.abort(); // no observer outlives its test
  vi.useRealTimers();
});

describe('watching the header for an in-place rename', () => {
  it('follows a rename within a frame on an ordinary page, many changes costing one read', async () => {
    const w = setup(0.05);
    await w.rename('Acme Group');
    await w.rename('Acme Group Ltd');
    w.tick(20);
    expect(w.renamed).toEqual(['Acme Group Ltd']);
    expect(w.reads()).toBe(2); // the check, and refFrom reading the name it reports
    await w.rename('Acme Holding');
    w.tick(20);
    expect(w.renamed).toEqual(['Acme Group Ltd', 'Acme Holding']);
  });

  it('spaces its checks out where reading the header is slow, taking at most 5% of the page', async () => {
    const w = setup(10);
    await w.rename('One');
    w.tick(20);
    expect(w.renamed).toEqual(['One']);
    const readsAfterFirst = w.reads();
    // 10 ms per read: the next check waits about 190 ms, however busy the page is meanwhile.
    for (let i = 0; i < 10; i++) {
      await w.rename(`Two ${i}`);
      w.tick(10);
    }
    expect(w.renamed).toEqual(['One']);
    expect(w.reads()).toBe(readsAfterFirst);
    w.tick(200);
    expect(w.renamed).toEqual(['One', 'Two 9']);
  });

  it('stops when the record is left', async () => {
    const w = setup(0.05);
    w.controller.abort();
    await w.rename('Gone');
    w.tick(50);
    expect(w.renamed).toEqual([]);
  });
});
