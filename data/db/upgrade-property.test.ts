import Dexie from 'dexie';
import fc from 'fast-check';
import { normaliseRecordId } from '../../crm/normalise';
import { toSalesforceId18 } from '../../crm/salesforce-id';
import { CRM_IDS, type CrmId } from '../../crm/types';
import { LensDB } from './db';
import { AccountSchema } from '../model/account';
import { reportDrill } from '../../tests/support/drill-report';
import { declareV3, seedV1 } from '../../tests/support/old-databases';

/**
 * Whatever older database a user has, the current one opens: every account
 * row ends up either as a valid account or kept aside exactly as it was, and
 * rows of the same CRM record become one account that keeps all their records.
 */
const SF15 = ['001D000000IqhSL', '001Dm00000Ab001', '001xx000003DGb2'];
const HUGE = 'x'.repeat(20_000);
const WEIRD: unknown[] = [undefined, null, 42, true, { nested: 1 }, ['a'], 10n, new Date(0), 'a\u0000b', HUGE, '', '   '];

const RECORD_IDS: Record<string, string[]> = {
  salesforce: SF15.flatMap((id) => [id, toSalesforceId18(id)!, toSalesforceId18(id)!.toLowerCase(), ` ${id} `]),
  dynamics: ['{3F2A4C1E-5B6D-4E7F-8A9B-00000000002A}', '3f2a4c1e-5b6d-4e7f-8a9b-00000000002a', '%7B3F2A4C1E-5B6D-4E7F-8A9B-00000000002A%7D', '%zz', '100%', '%E0%A4%A'],
  hubspot: ['42', ' 42', '43', 'abc'],
  custom: ['rec-7', 'rec-8 ', 'a\u0000b'],
};
const FIELDS = ['crm', 'recordId', 'orgKey', 'name', 'contractEnd', 'updatedAt', 'source', 'owner'] as const;

/** Mostly rows a version could have written (so duplicates are common), some with one field broken or left out. */
const rowArb = fc
  .record({
    crm: fc.constantFrom('salesforce', 'salesforce', 'dynamics', 'hubspot', 'custom'),
    pick: fc.nat(),
    orgKey: fc.constantFrom<string | undefined>(undefined, undefined, 'acme'),
    name: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `n${s}`),
    contractEnd: fc.constantFrom('2027-01-01', '2026-06-30'),
    updatedAt: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
    source: fc.constantFrom<string | undefined>(undefined, 'api', 'local'),
    owner: fc.constantFrom<string | undefined>(undefined, 'Li Wei', '', 'a\u0000b'),
    extra: fc.boolean(),
    idKind: fc.constantFrom('text', 'text', 'text', 'text', 'number', 'demo'),
    broken: fc.option(fc.record({ field: fc.constantFrom(...FIELDS), value: fc.constantFrom(...WEIRD, '2027-13-45', 'nope') }), { freq: 3 }),
  })
  .map(({ pick, crm, ...r }) => ({ ...r, crm: crm as unknown, recordId: RECORD_IDS[crm]![pick % RECORD_IDS[crm]!.length] as unknown }));

/** A row as an older version may hold it: fields left out, wrong types, odd text. */
function build(spec: { idKind: string; extra: boolean; broken: { field: string; value: unknown } | null }, i: number): Record<string, unknown> {
  const row: Record<string, unknown> = { id: spec.idKind === 'number' ? i : spec.idKind === 'demo' ? `demo-${i}` : `row-${i}`, createdAt: '2026-01-01T00:00:00.000Z' };
  const fields: Record<string, unknown> = { ...spec, ...(spec.broken ? { [spec.broken.field]: spec.broken.value } : {}) };
  for (const k of FIELDS) if (fields[k] !== undefined) row[k] = fields[k];
  if (spec.extra) row.legacyNote = 'from an old version';
  return row;
}

const sameRecordKey = (a: { crm: string; orgKey?: string; recordId: string }) => JSON.stringify([a.crm, a.orgKey ?? null, a.recordId]);
const normalised = (crm: unknown, id: unknown) => {
  try {
    return (CRM_IDS as readonly unknown[]).includes(crm) && typeof id === 'string' ? normaliseRecordId(crm as CrmId, id) : null;
  } catch {
    return null;
  }
};

async function checkOutcome(db: LensDB, rows: Record<string, unknown>[]) {
  const accounts = await db.accounts.toArray();
  const kept = await db.quarantine.toArray();
  // Count preserved: each row is an account or an entry, never both, never neither.
  expect(accounts.length + kept.length).toBe(rows.length);
  const accountIds = new Set(accounts.map((a) => a.id));
  for (const a of accounts) {
    expect(AccountSchema.safeParse(a).success).toBe(true);
    if (a.crm === 'salesforce') expect(a.recordId).toBe(toSalesforceId18(a.recordId));
  }
  expect(new Set(accounts.map(sameRecordKey)).size).toBe(accounts.length); // no record twice
  for (const q of kept) {
    expect(q.table).toBe('accounts');
    if (q.reason === 'merged') expect(accountIds.has(q.mergedInto!)).toBe(true);
  }
  for (const input of rows) {
    const entry = kept.find((q) => (q.row as { id: unknown }).id === input.id);
    if (accountIds.has(input.id as string)) {
      expect(entry).toBeUndefined();
      continue;
    }
    expect(entry).toBeDefined();
    if (entry!.reason === 'merged') {
      // A merged row is the same record as the account it went into.
      const into = accounts.find((a) => a.id === entry!.mergedInto)!;
      expect(normalised(input.crm, input.recordId)).toBe(into.recordId);
    } else {
      expect(entry!.row).toEqual(input); // as the old version stored it
    }
  }
  return { accounts, kept };
}

/**
 * Each generated database also holds one Salesforce record under both id forms, so every run merges,
 * whatever the seed generates.
 */
const PAIR = ['001Dm00000Pq001', toSalesforceId18('001Dm00000Pq001')!].map((recordId, k) => ({
  id: `pair-${k}`, crm: 'salesforce', recordId, name: 'Pair', contractEnd: '2027-01-01',
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: `2026-0${k + 1}-01T00:00:00.000Z`,
}));

let n = 0;
describe('opening generated older databases (property)', () => {
  it('opens any v1 database and accounts for every row', async () => {
    const tally = { dbs: 0, bad: 0, merged: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 25 }), async (specs) => {
        const dbName = `prop-v1-${++n}`;
        const rows = [...specs.map(build), ...PAIR];
        await seedV1(dbName, rows);
        const db = new LensDB(dbName);
        await db.open();
        const { kept } = await checkOutcome(db, rows);
        tally.dbs++;
        tally.bad += kept.filter((q) => q.reason !== 'merged').length;
        tally.merged += kept.filter((q) => q.reason === 'merged').length;
        db.close();
        await Dexie.delete(dbName);
      }),
      { numRuns: Number(process.env.UPGRADE_RUNS ?? 40) },
    );
    // The generator is strong enough to matter: it made both bad rows and duplicates.
    expect(tally.bad).toBeGreaterThan(0);
    expect(tally.merged).toBeGreaterThan(0);
    reportDrill({ drill: 'generated v1 databases (fast-check)', faults: tally.bad, checks: tally.dbs, lost: 0 });
  }, 120_000);

  it('opens any v3 database, merging duplicates and moving every record to an account that exists', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    let moved = 0;
    const childArb = fc.record({ table: fc.constantFrom('snapshots', 'notes', 'visits', 'promises', 'ctas', 'plans', 'reports'), owner: fc.nat() });
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 20 }), fc.array(childArb, { maxLength: 30 }), async (specs, children) => {
        const dbName = `prop-v3-${++n}`;
        // The pair has a record each, so every run has some record that must follow its account.
        const rows = [...specs.map(build), ...PAIR];
        const old = new Dexie(dbName);
        declareV3(old);
        await old.table('accounts').bulkAdd(rows);
        const child = (table: string, i: number, accountId: string) => ({ table, row: { id: `k${i}`, accountId, createdAt: at, updatedAt: at, asOf: '2026-04-01', date: '2026-04-01', month: '2026-04', cause: `c${i}` } });
        const written = [
          ...children.map((c, i) => child(c.table, i, String(rows[c.owner % rows.length]!.id))),
          child('notes', children.length, 'pair-0'),
          child('visits', children.length + 1, 'pair-1'),
        ];
        for (const c of written) await old.table(c.table).add(c.row);
        old.close();

        const db = new LensDB(dbName);
        await db.open();
        const { accounts, kept } = await checkOutcome(db, rows);
        const ids = new Set(accounts.map((a) => a.id));
        const merged = new Map(kept.filter((q) => q.reason === 'merged').map((q) => [String((q.row as { id: unknown }).id), q.mergedInto!]));
        for (const c of written) {
          const now = (await db.table(c.table).get(c.row.id)) as { accountId: string };
          // A merged account's records follow it; the others stay where they were (an account kept aside keeps its records for when it returns).
          expect(now.accountId).toBe(merged.get(c.row.accountId) ?? c.row.accountId);
          if (merged.has(c.row.accountId)) {
            expect(ids.has(now.accountId)).toBe(true);
            moved++;
          }
        }
        db.close();
        await Dexie.delete(dbName);
      }),
      { numRuns: Number(process.env.UPGRADE_RUNS ?? 30) },
    );
    expect(moved).toBeGreaterThan(0);
  }, 120_000);
});
