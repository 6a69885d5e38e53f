import { db } from '../../../data/db/db';
import { seedV1 } from '../../../tests/support/old-databases';
import { keptRows } from './kept';

const at = '2026-01-01T00:00:00.000Z';
const PERCENT = { id: 'p', crm: 'dynamics', recordId: '%E0%A4%A', name: 'Globex', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const NO_ID = { id: 'm', crm: 'hubspot', name: 'Bad\u0000Name', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const SHORT = { id: 'old', crm: 'salesforce', recordId: '001D000000IqhSL', name: 'Acme (old)', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const LONG = { ...SHORT, id: 'new', recordId: '001D000000IqhSLIAZ', name: 'Acme', updatedAt: '2026-02-01T00:00:00.000Z' };

// The user's database is still at version 1 when the background first opens it.
beforeAll(() => seedV1('account-lens', [PERCENT, NO_ID, SHORT, LONG]));

describe('rows kept aside, as the background lists them for the options page', () => {
  it('describes each row in a few words (control characters shown as codes) and names the account a merged row went into', async () => {
    const rows = await keptRows(db());
    // Rows that cannot be accounts first (in key order), then merged ones.
    expect(rows.map((r) => [r.row, r.reason, r.step, r.into])).toEqual([
      ['Bad\\u0000Name · hubspot ? · (m)', 'record-id', 'v1→v4', undefined],
      ['Globex · dynamics %E0%A4%A · (p)', 'record-id', 'v1→v4', undefined],
      ['Acme (old) · salesforce 001D000000IqhSL · (old)', 'merged', 'v1→v4', 'Acme'],
    ]);
    expect(rows[0]!.detail).toMatch(/record id is missing/);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(3);
  });

  it('sends a row JSON cannot carry (a Map of BigInts) as its description only', async () => {
    await db().quarantine.add({ table: 'accounts', step: 'v3→v4', reason: 'unreadable', detail: 'not an object', row: new Map([['arr', 10n]]) });
    const rows = await keptRows(db());
    expect(rows).toHaveLength(4);
    expect(rows[3]!.row).toBe('{"$map":[["arr","10n"]]}');
    expect(JSON.parse(JSON.stringify(rows))).toHaveLength(4); // plain JSON crosses the message channel
  });
});
