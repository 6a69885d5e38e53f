import { act, renderHook } from '@testing-library/react';
import type { AccountRef } from '../../crm/types';

// A port to a pretend background: the test decides when each watch answers.
const posted: { id: number; type: string }[] = [];
let deliver: ((msg: unknown) => void) | undefined;
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      connect: () => ({
        postMessage: (m: { id: number; type: string }) => posted.push(m),
        onMessage: { addListener: (cb: (m: unknown) => void) => (deliver = cb) },
        onDisconnect: { addListener: () => undefined },
      }),
    },
  },
}));
const { useAccount } = await import('./data-client');

const account = (id: string, name: string) => ({
  id, crm: 'salesforce', recordId: `001D000000IqhSL${id}`, name, contractEnd: '2027-01-01', createdAt: 'x', updatedAt: 'x',
});
const refOf = (id: string): AccountRef => ({ crm: 'salesforce', recordId: `001D000000IqhSL${id}` });

describe('useAccount', () => {
  it('paints the account sent with the tab state at once, then follows the live watch', () => {
    const { result, rerender } = renderHook(({ ref, seed }) => useAccount(ref, seed), { initialProps: { ref: refOf('AAA'), seed: account('AAA', 'Acme') as unknown } });
    expect(result.current.account?.name).toBe('Acme');
    const watch = posted.find((m) => m.type === 'watch/account')!;
    act(() => deliver!({ type: 'result', id: watch.id, value: account('AAA', 'Acme Renamed') }));
    expect(result.current.account?.name).toBe('Acme Renamed');

    // Another record: its seed shows, never the previous record's account, even before its watch answers.
    rerender({ ref: refOf('BBB'), seed: account('BBB', 'Globex') });
    expect(result.current.account?.name).toBe('Globex');
    // A record not stored is known at once too (null), and one with no seed is still loading (undefined).
    rerender({ ref: refOf('CCC'), seed: null });
    expect(result.current.account).toBeNull();
    rerender({ ref: refOf('DDD'), seed: undefined });
    expect(result.current.account).toBeUndefined();
  });

  it('ignores a seed that is not a valid account', () => {
    const { result } = renderHook(() => useAccount(refOf('EEE'), { name: 42 }));
    expect(result.current.account).toBeUndefined();
  });
});
