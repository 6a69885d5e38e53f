/**
 * An account's live rows (its own, not deleted) without a copy when every row
 * already is one: the book hands each account only its own rows, and most are
 * live, so the engine's per-account filters mostly find nothing to drop.
 */
export function ownLive<T extends { accountId: string; deleted?: boolean }>(rows: readonly T[], accountId: string): readonly T[] {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.accountId !== accountId || r.deleted) return rows.filter((x) => x.accountId === accountId && !x.deleted);
  }
  return rows;
}
