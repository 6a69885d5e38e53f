// @vitest-environment node
import { groupCommit } from '../src/store/queue';
import { deferred } from './helpers';

/** Group commit's queue alone (store/queue.ts), with a fake transaction. */
describe('group commit', () => {
  const setup = (max = 10, fail: (items: readonly string[]) => boolean = () => false) => {
    const batches: string[][] = [];
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const q = groupCommit<string, string>(async (items) => {
      batches.push([...items]);
      const gate = deferred<void>();
      gates.push(gate);
      await gate.promise;
      if (fail(items)) throw new Error(`batch of ${items.length} failed`);
      return items.map((i) => `done ${i}`);
    }, { max, keyOf: (i) => i.split('#')[0]! });
    const open = async () => {
      while (q.busy > 0) {
        await new Promise((r) => setTimeout(r, 0));
        gates.shift()?.resolve();
      }
    };
    return { q, batches, open };
  };

  it('starts a lone write at once and sends the ones that arrive meanwhile together, at most max', async () => {
    const { q, batches, open } = setup(3);
    const first = q.submit('team-a', 'a');
    expect(batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd', 'e'].map((i) => q.submit('team-a', i));
    const otherTeam = q.submit('team-b', 'z');
    expect(batches).toEqual([['a'], ['z']]);
    await open();
    expect(await first).toBe('done a');
    expect(await Promise.all(rest)).toEqual(['done b', 'done c', 'done d', 'done e']);
    expect(await otherTeam).toBe('done z');
    expect(batches).toEqual([['a'], ['z'], ['b', 'c', 'd'], ['e']]);
    expect(q.busy).toBe(0);
  });

  it('never puts one key twice in a batch: the repeat waits for the next one', async () => {
    const { q, batches, open } = setup();
    const all = ['x', 'k#1', 'm', 'k#2', 'n'].map((i) => q.submit('t', i));
    await open();
    await Promise.all(all);
    expect(batches).toEqual([['x'], ['k#1', 'm', 'n'], ['k#2']]);
  });

  it('a failed batch is run again write by write: only the failing write fails', async () => {
    const { q, batches, open } = setup(10, (items) => items.includes('bad'));
    const all = ['a', 'b', 'bad', 'c'].map((i) => q.submit('t', i).then((r) => r, (e: Error) => `refused: ${e.message}`));
    await open();
    expect(await Promise.all(all)).toEqual(['done a', 'done b', 'refused: batch of 1 failed', 'done c']);
    expect(batches).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
  });
});
