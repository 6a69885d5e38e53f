import { fxiaoke } from './fxiaoke';
import { enc, type RecordUrlBuilder } from './record-url';

/** 纷享销客: the account detail route in the hash; the tenant comes from the session. */
export const fxiaokeUrl: RecordUrlBuilder = (ref) => {
  if (!/^[A-Za-z0-9_-]+$/.test(ref.recordId)) return null;
  return {
    url: `https://www.fxiaoke.com/XV/UI/Home#crm/detail/=/AccountObj/${enc(ref.recordId)}`,
    adapter: fxiaoke,
    expect: { recordId: ref.recordId },
  };
};
