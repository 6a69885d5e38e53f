// @vitest-environment node
import { LensDB } from '../../../data/db/db';
import type { Account } from '../../../data/model/account';
import { termId } from '../../../data/model/terms';
import { translator } from '../../../shared/i18n';
import { ImportConflictError } from '../import/apply';
import { applyTermsPlan, exportTermsCsv, loadTermsView, previewTermsImport } from '../../../platform/background/transfer/terms';
import { parseTermsFile, planTermsImport } from './plan';

let n = 0;
const fresh = () => new LensDB(`terms-import-${++n}`);
const NOW = new Date('2027-01-10T10:00:00.000Z');
const stamp = '2026-01-01T00:00:00.000Z';
const acme: Account = {
  id: 'a1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme', arr: 120, currency: 'USD',
  contractStart: '2026-01-01', contractEnd: '2026-12-31', createdAt: stamp, updatedAt: stamp,
};
const HEADER = 'crm,crm_record_id,org_key,term_start,term_end,term_arr,term_currency,outcome,outcome_date,new_arr,symptom,root_cause,notes';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const en = translator('en');

describe('importing terms with their outcomes', () => {
  it('adds past terms with outcomes through the outbox; the same file again changes nothing', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const file = csv(
      'salesforce,001D000000IqhSL,acme,2024-01-01,2024-12-31,90,USD,renewed,2024-12-20,100,,,',
      'salesforce,001D000000IqhSL,acme,2025-01-01,2025-12-31,100,USD,Renewed,,120,,,"CFO signed, ""late"""',
      'Salesforce,001D000000IqhSLIAZ,,2026-01-01,2026-12-31,120,USD,will_not_renew,2026-10-01,,price,poor_service,',
    );
    const plan = await previewTermsImport(db, false, file, NOW);
    expect(plan.bad).toEqual([]);
    expect(plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, bad: 0 });
    await applyTermsPlan(db, plan, NOW);
    const contracts = await db.contracts.orderBy('end').toArray();
    expect(contracts.map((c) => [c.id, c.start, c.end, c.value])).toEqual([
      [termId('a1', '2024-12-31'), '2024-01-01', '2024-12-31', 90], [termId('a1', '2025-12-31'), '2025-01-01', '2025-12-31', 100], [termId('a1', '2026-12-31'), '2026-01-01', '2026-12-31', 120],
    ]);
    const outcomes = await db.outcomes.orderBy('date').toArray();
    expect(outcomes.map((o) => [o.kind, o.date, o.previousArr, o.newArr, o.termId, o.notes])).toEqual([
      ['renewed', '2024-12-20', 90, 100, termId('a1', '2024-12-31'), undefined],
      ['renewed', '2025-12-31', 100, 120, termId('a1', '2025-12-31'), 'CFO signed, "late"'], // no date: the term end
      ['will_not_renew', '2026-10-01', 120, undefined, termId('a1', '2026-12-31'), undefined],
    ]);
    expect(await db.outbox.count()).toBe(6);
    expect((await previewTermsImport(db, false, file, NOW)).counts).toEqual({ create: 0, update: 0, unchanged: 3, bad: 0 });
    // What export writes imports back unchanged.
    const exported = await exportTermsCsv(db);
    expect(exported.split('\r\n')[0]).toBe(`\uFEFF${HEADER}`);
    expect((await previewTermsImport(db, false, exported, NOW)).counts).toMatchObject({ unchanged: 3, create: 0, update: 0 });
  });

  it('a historical term ending after the account\'s contract end becomes the current one', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    await applyTermsPlan(db, await previewTermsImport(db, false, csv('salesforce,001D000000IqhSLIAZ,acme,2027-01-01,2027-12-31,150,EUR,,,,,,'), NOW), NOW);
    expect(await db.accounts.get('a1')).toMatchObject({ contractEnd: '2027-12-31', contractStart: '2027-01-01', arr: 150, currency: 'EUR' });
  });

  it('names every bad row with its line and reason, and imports nothing', async () => {
    const db = fresh();
    await db.accounts.put(acme);
    const plan = await previewTermsImport(db, false, csv(
      'salesforce,001D000000IqhSLIAZ,acme,2025-01-01,2025-12-31,100,USD,renewed,,,,,',
      'salesforce,001D000000IqhSLIAZ,acme,2025-02-01,2025-12-31,100,USD,,,,,,',
      'salesforce,001D000000IqhSM,,,2025-12-31,,,,,,,,',
      'salesforce,001D000000IqhSLIAZ,acme,2026-02-01,2026-01-31,-5,usd1,lost,2026-02-30,,cheap,,',
      'salesforce,001D000000IqhSLIAZ,acme,,,,,,,,price,,',
    ), NOW);
    const reasons = plan.bad.map((b) => [b.line, b.problems.map((p) => en.t(p.key, p.params))]);
    expect(reasons).toEqual([
      [3, ['The same term (account and term end) as line 2: each term may appear once.']],
      [4, ['No stored account has this CRM record: import the account first (accounts file), then its terms.']],
      [5, [
        expect.stringContaining('term_arr'), expect.stringContaining('term_currency'), 'outcome: “lost” is not one of Renewed (已续约), Churned (已流失), Says they will not renew (表示不再续约).',
        'outcome_date: the calendar has no 2026-02-30.', expect.stringMatching(/^symptom: “cheap” is not one of Price \(价格\), /), 'term_start is after the term end (2026-01-31).',
      ]],
      [6, ['term_end is required.', 'outcome_date, new_arr, symptom and root_cause describe an outcome: fill in outcome too.']],
    ]);
    expect(plan.canApply).toBe(false);
    expect(await db.contracts.count()).toBe(0);
  });

  it('refuses a file without the required columns with a terms wording, and a confirm after the data changed', async () => {
    expect(parseTermsFile(false, 'crm,term_end\nsalesforce,2026-01-01').error).toEqual({ key: 'import.terms.missingColumns', params: { columns: 'crm_record_id' } });
    const db = fresh();
    await db.accounts.put(acme);
    const file = parseTermsFile(true, JSON.stringify([{ crm: 'salesforce', crm_record_id: '001D000000IqhSLIAZ', term_end: '2025-12-31', outcome: '流失', 根因: 'poor_service' }]));
    const plan = planTermsImport(file, await loadTermsView(db), NOW);
    expect(plan.rows[0]?.outcome).toMatchObject({ kind: 'churned', newArr: 0, rootCause: 'poor_service', date: '2025-12-31' });
    await db.contracts.put({ id: termId('a1', '2025-12-31'), accountId: 'a1', end: '2025-12-31', createdAt: stamp, updatedAt: stamp });
    await expect(applyTermsPlan(db, plan, NOW)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await db.outcomes.count()).toBe(0);
  });
});
