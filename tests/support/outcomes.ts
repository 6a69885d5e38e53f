import type { RenewalOutcome } from '../../data/model/records';

const T = '2026-01-01T00:00:00.000Z';
let n = 0;

/** A renewal outcome for tests, each on its own account; ARR fields only when given. */
export const renewalOutcome = (kind: RenewalOutcome['kind'], date: string, previousArr?: number, newArr?: number, extra: Partial<RenewalOutcome> = {}): RenewalOutcome => ({
  id: `o${++n}`,
  accountId: `a${n}`,
  createdAt: T,
  updatedAt: T,
  kind,
  date,
  ...(previousArr !== undefined ? { previousArr } : {}),
  ...(newArr !== undefined ? { newArr } : {}),
  ...extra,
});
