import { resolve } from 'node:path';
import { checkStructure, importsOf, readTree, runtimePackages, type Allowances, type Finding, type RuleName } from './check';

const ROOT = resolve(import.meta.dirname, '../..');
const TOPS = ['entrypoints', 'platform', 'data', 'crm', 'features', 'shared'];

/**
 * Where the tree still departs from a rule, and why. The test fails when a new
 * departure appears and when one of these is gone (then delete its line), so
 * this list only ever shrinks.
 */
const ALLOWED: Allowances = {
  'feature-imports-feature': {
    'features/health/ui/HealthModelEditor.tsx': 'one options section edits the health model and the renewal cadence together',
    'features/portfolio/metrics.ts': 'book metrics (GRR, NRR) reuse the renewal outcome arithmetic',
    'features/portfolio/rows.ts': 'a portfolio row shows every feature’s summary of the account; next: each feature registers its row cells',
    'features/reminders/select.ts': 'reminders list renewal touchpoints due; next: renewal registers its reminder items',
    'features/renewal/ui/RenewalCard.tsx': 'renewal likelihood reads the health band and trend',
    'features/service/ui/ReportCard.tsx': 'the monthly report quotes health and renewal timing',
    'features/service/ui/ServiceTab.tsx': 'passes the health model and renewal settings on to the report',
    'features/today/worklist.ts': 'the Today list names promises at risk by the expectations rule; next: expectations registers its work items',
  },
  'feature-layers': {
    'features/handover/ui/CsmDecision.tsx': 'reads the signed-in role (data/sync/identity) to offer the CSM decision',
    'features/health/ui/HealthModelEditor.tsx': 'previews the model on a demo reading (platform/demo)',
  },
};

describe('the layout (tests/structure/check.ts)', () => {
  it('keeps every rule on the real tree, but for the listed departures', () => {
    const findings = checkStructure(readTree(ROOT, TOPS), ALLOWED);
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  it('sees the content script and the pages it checks', () => {
    const tree = readTree(ROOT, TOPS);
    const content = runtimePackages(tree, 'entrypoints/crm.content/index.ts');
    expect(content.has('wxt')).toBe(true); // the walk does follow the content script's imports
    expect(runtimePackages(tree, 'entrypoints/background/index.ts').has('dexie')).toBe(true);
    expect(runtimePackages(tree, 'entrypoints/sidepanel/main.tsx').has('react')).toBe(true);
  });
});

describe('each rule fails on a small bad tree, and says what to do', () => {
  const run = (files: Record<string, string>, allow: Allowances = {}): Finding[] => checkStructure(new Map(Object.entries(files)), allow);
  const only = (findings: Finding[], rule: RuleName) => findings.filter((f) => f.rule === rule);

  it('a feature importing another feature', () => {
    const bad = run({
      'features/a/logic.ts': "import { b } from '../b/logic';\nexport const a = b;",
      'features/b/logic.ts': 'export const b = 1;',
    });
    expect(only(bad, 'feature-imports-feature')).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/never imports another feature.*shared\/.*registry/);
    // Through shared/ or the registry level it is fine, and a test may build inputs with another feature's values.
    expect(run({
      'features/a/logic.ts': "import { s } from '../../shared/s';\nimport { r } from '../index';\nexport const a = s + r;",
      'features/a/logic.test.ts': "import { b } from '../b/logic';",
      'features/b/logic.ts': 'export const b = 1;',
      'features/index.ts': 'export const r = 1;',
      'shared/s.ts': 'export const s = 1;',
    })).toEqual([]);
  });

  it('a feature reaching past its layers', () => {
    const bad = run({ 'features/a/ui/Card.tsx': "import { db } from '../../../data/db/db';", 'data/db/db.ts': 'export const db = 1;' });
    expect(only(bad, 'feature-layers')[0]!.message).toMatch(/named command/);
  });

  it('the content script reaching React, zod or Dexie at run time, but not by a type', () => {
    const files = {
      'entrypoints/crm.content/index.ts': "import { mount } from '../../platform/content/ui';\nimport type { Account } from '../../data/model/account';",
      'platform/content/ui.ts': "import { createRoot } from 'react-dom/client';\nimport { parse } from '../../data/model/account';\nexport const mount = createRoot;",
      'data/model/account.ts': "import { z } from 'zod';\nexport const parse = z;\nexport type Account = {};",
    };
    const bad = only(run(files), 'content-bundle');
    expect(bad.map((f) => f.message.split(' ')[4])).toEqual(['react-dom', 'zod']);
    expect(bad[1]!.message).toContain('entrypoints/crm.content/index.ts → platform/content/ui.ts → data/model/account.ts');
    expect(bad[0]!.message).toMatch(/import only types from data\//);
    const typesOnly = { ...files, 'platform/content/ui.ts': "import type { Account } from '../../data/model/account';\nexport const mount = 1;" };
    expect(only(run(typesOnly), 'content-bundle')).toEqual([]);
  });

  it('a page other than the background opening Dexie', () => {
    const files = {
      'entrypoints/popup/main.tsx': "import { open } from '../../data/db/db';",
      'entrypoints/background/index.ts': "import { open } from '../../data/db/db';",
      'data/db/db.ts': "import Dexie from 'dexie';\nexport const open = Dexie;",
    };
    const bad = only(run(files), 'dexie-outside-background');
    expect(bad.map((f) => f.file)).toEqual(['entrypoints/popup/main.tsx']);
    expect(bad[0]!.message).toMatch(/Only the background opens the database/);
  });

  it('a feature whose two string files differ, or lack one', () => {
    const bad = run({
      'features/a/strings.en.ts': "export const aEn = {\n  'a.one': 'One',\n  'a.two': 'Two',\n} as const;",
      'features/a/strings.zh-CN.ts': "export const aZhCN = {\n  'a.one': '一',\n  'a.three': '三',\n};",
      'features/b/strings.en.ts': "export const bEn = {\n  'b.one': 'One',\n} as const;",
    });
    const msgs = only(bad, 'string-keys').map((f) => f.message);
    expect(msgs).toHaveLength(2);
    expect(msgs[0]).toMatch(/missing in zh-CN: a\.two; only in zh-CN: a\.three\. Give both files the same keys/);
    expect(msgs[1]).toMatch(/features\/b\/strings\.zh-CN\.ts/);
  });

  it('a CRM adapter without its URL table, or with another CRM’s', () => {
    const adapter = "export const acme: CrmAdapter = {\n  crm: 'acme',\n};";
    expect(only(run({ 'crm/acme.ts': adapter }), 'crm-url-table')[0]!.message).toMatch(/add crm\/acme\.urls\.ts/);
    const wrong = run({ 'crm/acme.ts': adapter, 'crm/acme.urls.ts': "export const t: UrlTable = {\n  crm: 'other',\n};" });
    expect(only(wrong, 'crm-url-table')[0]!.message).toMatch(/its crm must be 'acme'/);
    expect(run({ 'crm/acme.ts': adapter, 'crm/acme.urls.ts': "export const t: UrlTable = {\n  crm: 'acme',\n};" })).toEqual([]);
  });

  it('a source file over the size limit, but not a string catalogue', () => {
    const long = 'export const x = 1;\n'.repeat(260);
    expect(only(run({ 'shared/big.ts': long, 'features/a/strings.en.ts': long }), 'file-size').map((f) => f.file)).toEqual(['shared/big.ts']);
  });

  it('an allowance that is no longer needed', () => {
    const stale = run({ 'shared/s.ts': 'export const s = 1;' }, { 'file-size': { 'shared/s.ts': 'was long' } });
    expect(stale.map((f) => f.message)).toEqual(['shared/s.ts now keeps the rule file-size: remove it from the allowances in tests/structure/structure.test.ts.']);
  });
});

describe('importsOf', () => {
  it('tells type-only imports from those that run', () => {
    const src = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { type D, e } from './d';",
      "export type { F } from './f';",
      "export * from './g';",
      "import './h.css';",
      "const i = await import('./i');",
    ].join('\n');
    expect(importsOf(src)).toEqual([
      { spec: './a', typeOnly: true },
      { spec: './b', typeOnly: true },
      { spec: './d', typeOnly: false },
      { spec: './f', typeOnly: true },
      { spec: './g', typeOnly: false },
      { spec: './h.css', typeOnly: false },
      { spec: './i', typeOnly: false },
    ]);
  });
});
