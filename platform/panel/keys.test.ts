import * as protocol from '../messaging/protocol';
import { coverKey, DATA_PORT, tabKey } from './keys';

describe('the panel’s early names', () => {
  it('are the protocol’s own: the port and the session keys of a tab’s state and cover', () => {
    expect(DATA_PORT).toBe(protocol.DATA_PORT);
    for (const id of [0, 7, 123456]) {
      expect(tabKey(id)).toBe(protocol.tabKey(id));
      expect(coverKey(id)).toBe(protocol.coverKey(id));
    }
  });
});
