import fc from 'fast-check';
import { escapeFormula } from './import/cells';
import { AccountSchema } from '../../data/model/account';
import { reportDrill } from '../../tests/support/drill-report';
import { freshDb, importFile, NOW } from './test-helpers';

/**
 * Whatever the file, the import is all or nothing: a file with any bad row
 * writes nothing, a file without one is imported whole, row for row.
 */
const CORRUPTIONS = ['date', 'number', 'crm', 'name', 'duplicate', 'healthDate', 'range'] as const;
type Corruption = (typeof CORRUPTIONS)[number];

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);
const record = fc.record({
  name: fc.oneof(text, fc.constantFrom('=SUM(A1)', '+86 21', '-x', '@me', "'=odd", '上海云帆科技', 'A, "B"\nC')),
  owner: fc.option(text, { nil: undefined }),
  arr: fc.option(fc.nat({ max: 10_000_000 }), { nil: undefined }),
  nps: fc.option(fc.integer({ min: -100, max: 100 }), { nil: undefined }),
});
const fileArb = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 25 }),
  stored: fc.nat({ max: 25 }), // how many of the records are already in the database
  corruptions: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom(...CORRUPTIONS) }), { maxLength: 3 }),
  delimiter: fc.constantFrom(',', ';'),
  eol: fc.constantFrom('\n', '\r\n'),
  bom: fc.boolean(),
  blankLines: fc.boolean(),
  quoteAll: fc.boolean(),
});

const quote = (v: string, delimiter: string, always: boolean) =>
  always || v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

describe('all-or-nothing import (property)', () => {
  it('rejects a file with any bad row entirely, and imports a good file whole', async () => {
    const tally = { files: 0, bad: 0, lost: 0 };
    await fc.assert(
      fc.asyncProperty(fileArb, async ({ records, stored, corruptions, delimiter, eol, bom, blankLines, quoteAll }) => {
        const db = freshDb();
        const seeded = records.slice(0, Math.min(stored, records.length)).map((_, i) => ({
          id: `s${i}`, crm: 'hubspot' as const, recordId: String(1000 + i), name: 'Stored', contractEnd: '2026-01-01', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
        }));
        await db.accounts.bulkPut(seeded);
        const before = await db.accounts.toArray();

        const bad = new Map<number, Corruption>(corruptions.map((c) => [c.at % records.length, c.kind]));
        const lines = records.map((r, i) => {
          const kind = bad.get(i);
          const cells = [
            kind === 'crm' ? 'oracle' : 'hubspot', String(1000 + i), kind === 'name' ? '   ' : escapeFormula(r.name.trim()), r.owner ? escapeFormula(r.owner.trim()) : '',
            kind === 'date' ? '2027-02-30' : '2027-06-30', kind === 'number' ? '1,0000' : r.arr?.toString() ?? '',
            kind === 'healthDate' ? '' : '2026-11-01', kind === 'range' ? '150' : kind === 'healthDate' ? '10' : r.nps?.toString() ?? '',
          ];
          return cells.map((c) => quote(c, delimiter, quoteAll)).join(delimiter);
        });
        if ([...bad.values()].includes('duplicate')) lines.push(lines[0]!);
        const header = ['crm', 'crm_record_id', 'name', 'owner', 'contract_end', 'arr', 'health_as_of', 'nps'].join(delimiter);
        const body = blankLines ? lines.flatMap((l) => [l, '']) : lines;
        const file = `${bom ? '\uFEFF' : ''}${[header, ...body].join(eol)}${eol}`;

        const { plan, result } = await importFile(db, 'p.csv', file);
        tally.files++;
        if (bad.size > 0) tally.bad++;
        const kept = new Set((await db.accounts.toArray()).map((a) => a.id));
        tally.lost += before.filter((a) => !kept.has(a.id)).length;
        if (bad.size > 0) {
          expect(plan.canApply).toBe(false);
          expect(plan.bad.length).toBeGreaterThan(0);
          expect(result).toBeUndefined();
          expect(await db.accounts.toArray()).toEqual(before);
          expect(await db.snapshots.count()).toBe(0);
        } else {
          expect(plan.bad).toEqual([]);
          expect(plan.counts.create + plan.counts.update + plan.counts.unchanged).toBe(records.length);
          expect(await db.accounts.count()).toBe(records.length);
          const saved = await db.accounts.toArray();
          for (const a of saved) expect(AccountSchema.safeParse(a).success).toBe(true);
          const names = new Map(saved.map((a) => [a.recordId, a.name]));
          records.forEach((r, i) => expect(names.get(String(1000 + i))).toBe(r.name.trim()));
          expect(await db.snapshots.count()).toBe(records.filter((r) => r.nps !== undefined).length);
        }
      }),
      { numRuns: Number(process.env.IMPORT_RUNS ?? 60) },
    );
    expect(tally.lost).toBe(0);
    reportDrill({ drill: 'generated CSV files (fast-check)', faults: tally.bad, checks: tally.files, lost: tally.lost });
  }, 120_000);
});
