import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

/**
 * The layout's rules, checked on a source tree given as path → text (paths
 * relative to the repository root, with forward slashes), so the same checker
 * runs on the real tree and on small in-memory trees that must fail.
 */
export type Tree = ReadonlyMap<string, string>;

export interface Finding {
  rule: RuleName;
  file: string;
  message: string;
}

export type RuleName =
  | 'feature-imports-feature'
  | 'feature-layers'
  | 'content-bundle'
  | 'dexie-outside-background'
  | 'string-keys'
  | 'crm-url-table'
  | 'file-size';

/** Known departures from a rule, each with why; the checker fails when one is gone, so the list only shrinks. */
export type Allowances = Partial<Record<RuleName, Readonly<Record<string, string>>>>;

const SOURCE = /\.(ts|tsx)$/;
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || /(^|\/)test-(helpers|fixtures)\.ts$/.test(f);
const isCatalog = (f: string) => /(^|\/)strings\.[\w-]+\.ts$/.test(f);

/** Reads the real tree: every .ts/.tsx under the given top folders. */
export function readTree(root: string, tops: readonly string[]): Map<string, string> {
  const tree = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name)) tree.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  for (const top of tops) walk(join(root, top));
  return tree;
}

export interface Import {
  spec: string;
  /** Erased at build time: `import type`, `export type`, or braces holding only `type` names. */
  typeOnly: boolean;
}

const IMPORT_RE = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): Import[] {
  const out: Import[] = [];
  for (const m of source.matchAll(IMPORT_RE)) {
    if (m[4]) {
      const clause = m[3] ?? '';
      const braces = /^\{([^}]*)\}$/.exec(clause.trim());
      const allTypes = !!braces && braces[1]!.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
      out.push({ spec: m[4], typeOnly: !!m[2] || allTypes });
    } else out.push({ spec: (m[5] ?? m[6])!, typeOnly: false });
  }
  return out;
}

const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The tree path a relative specifier names, or null (a package, or a file outside the tree). */
export function resolve(tree: Tree, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  for (const c of CANDIDATES) if (tree.has(base + c)) return base + c;
  return null;
}

/** The npm package a bare specifier names ('react-dom/client' → 'react-dom'). */
export const packageOf = (spec: string): string | null =>
  spec.startsWith('.') ? null : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;

/** Every package reached at run time from `entry`, with the chain of files that reaches it. */
export function runtimePackages(tree: Tree, entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of importsOf(tree.get(file) ?? '')) {
      if (imp.typeOnly) continue;
      const pkg = packageOf(imp.spec);
      if (pkg) {
        if (!reached.has(pkg)) reached.set(pkg, [...chain, file]);
        continue;
      }
      const next = resolve(tree, file, imp.spec);
      if (next) visit(next, [...chain, file]);
    }
  };
  visit(entry, []);
  return reached;
}

const featureOf = (f: string): string | null => /^features\/([^/]+)\//.exec(f)?.[1] ?? null;

/**
 * Where a feature's files may import from: its own folder, shared/, data/model/, the registry level
 * (features/*.ts), the panel client (platform/panel/: the port and send) and the pure CRM helpers (crm/).
 */
const FEATURE_MAY_IMPORT = [/^shared\//, /^data\/model\//, /^features\/[^/]+\.tsx?$/, /^platform\/panel\//, /^crm\//];

function featureRules(tree: Tree): Finding[] {
  const findings: Finding[] = [];
  for (const [file, src] of tree) {
    const mine = featureOf(file);
    if (!mine) continue;
    for (const imp of importsOf(src)) {
      const target = resolve(tree, file, imp.spec);
      if (!target) continue;
      const theirs = featureOf(target);
      if (theirs === mine) continue;
      // A test may build its inputs with another feature's defaults; the code it tests may not import them.
      if (theirs && !isTest(file)) {
        findings.push({
          rule: 'feature-imports-feature',
          file,
          message: `${file} imports ${target}: a feature never imports another feature. Move what both need to shared/ (or data/model/), or let the other feature register it in features/index.ts and read it from the registry.`,
        });
      } else if (!theirs && !isTest(file) && !FEATURE_MAY_IMPORT.some((re) => re.test(target))) {
        findings.push({
          rule: 'feature-layers',
          file,
          message: `${file} imports ${target}: a feature imports only shared/, data/model/, the registry (features/*.ts) and the panel client (platform/panel/). Reach the database, sync or the background through a named command instead.`,
        });
      }
    }
  }
  return findings;
}

const CONTENT_ENTRY = 'entrypoints/crm.content/index.ts';
const CONTENT_FORBIDDEN = ['react', 'react-dom', 'zod', 'dexie', 'dexie-react-hooks'];

function contentRule(tree: Tree): Finding[] {
  if (!tree.has(CONTENT_ENTRY)) return [];
  const reached = runtimePackages(tree, CONTENT_ENTRY);
  return CONTENT_FORBIDDEN.filter((p) => reached.has(p)).map((p) => ({
    rule: 'content-bundle' as const,
    file: reached.get(p)!.at(-1)!,
    message: `The content script reaches ${p} at run time (${reached.get(p)!.join(' → ')}). It runs on every CRM page and must stay small: import only types from data/ (import type), and keep React, zod and Dexie out of platform/content and crm/.`,
  }));
}

function dexieRule(tree: Tree): Finding[] {
  const findings: Finding[] = [];
  for (const entry of tree.keys()) {
    if (!/^entrypoints\/[^/]+\/(index|main)\.tsx?$/.test(entry) || entry.startsWith('entrypoints/background/')) continue;
    const chain = runtimePackages(tree, entry).get('dexie');
    if (chain) {
      findings.push({
        rule: 'dexie-outside-background',
        file: entry,
        message: `${entry} reaches Dexie at run time (${chain.join(' → ')}). Only the background opens the database: send a named command, or read through the data port (platform/panel).`,
      });
    }
  }
  return findings;
}

/** The keys of a string catalogue's object literal (one entry a line: `'key': '…',` or `key: '…',`). */
export const catalogKeys = (src: string): string[] => [...src.matchAll(/^\s+(?:'([^']+)'|(\w+)):\s/gm)].map((m) => (m[1] ?? m[2])!);

function stringRule(tree: Tree): Finding[] {
  const findings: Finding[] = [];
  for (const [file, src] of tree) {
    if (!file.endsWith('/strings.en.ts')) continue;
    const zhFile = file.replace(/strings\.en\.ts$/, 'strings.zh-CN.ts');
    const zh = tree.get(zhFile);
    if (zh === undefined) {
      findings.push({ rule: 'string-keys', file, message: `${file} has no ${zhFile} beside it: add the Simplified Chinese strings with the same keys.` });
      continue;
    }
    const en = new Set(catalogKeys(src));
    const cn = new Set(catalogKeys(zh));
    const missing = [...en].filter((k) => !cn.has(k));
    const extra = [...cn].filter((k) => !en.has(k));
    if (missing.length || extra.length) {
      findings.push({
        rule: 'string-keys',
        file: zhFile,
        message: `${zhFile} and ${file} differ: ${missing.length ? `missing in zh-CN: ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `only in zh-CN: ${extra.join(', ')}` : ''}. Give both files the same keys.`,
      });
    }
  }
  return findings;
}

function crmRule(tree: Tree): Finding[] {
  const findings: Finding[] = [];
  for (const [file, src] of tree) {
    const m = /^crm\/([\w-]+)\.ts$/.exec(file);
    if (!m || !/export const \w+: CrmAdapter = \{/.test(src)) continue;
    const table = `crm/${m[1]}.urls.ts`;
    const crm = /\bcrm: '([\w-]+)'/.exec(src)?.[1];
    const tsrc = tree.get(table);
    if (tsrc === undefined || !/: UrlTable = \{/.test(tsrc)) {
      findings.push({ rule: 'crm-url-table', file, message: `${file} is a CRM adapter without its URL table: add ${table} exporting a UrlTable (account-record URLs with what they yield, and URLs that are not records) and list it in crm/url-tables.ts.` });
    } else if (crm && !tsrc.includes(`crm: '${crm}'`)) {
      findings.push({ rule: 'crm-url-table', file: table, message: `${table} is not the table of ${file}: its crm must be '${crm}'.` });
    }
  }
  return findings;
}

export const MAX_LINES = 250;

function sizeRule(tree: Tree): Finding[] {
  const findings: Finding[] = [];
  for (const [file, src] of tree) {
    if (isTest(file) || isCatalog(file)) continue;
    const lines = src.split('\n').length;
    if (lines > MAX_LINES) findings.push({ rule: 'file-size', file, message: `${file} has ${lines} lines (over ${MAX_LINES}): split it by job.` });
  }
  return findings;
}

/** Every finding on the tree, less the allowed ones; an allowance that no longer matches is a finding too. */
export function checkStructure(tree: Tree, allow: Allowances = {}): Finding[] {
  const all = [...featureRules(tree), ...contentRule(tree), ...dexieRule(tree), ...stringRule(tree), ...crmRule(tree), ...sizeRule(tree)];
  const used = new Set<string>();
  const kept = all.filter((f) => {
    const key = `${f.rule}:${f.file}`;
    if (allow[f.rule]?.[f.file] === undefined) return true;
    used.add(key);
    return false;
  });
  for (const [rule, files] of Object.entries(allow) as [RuleName, Record<string, string>][]) {
    for (const file of Object.keys(files)) {
      if (!used.has(`${rule}:${file}`)) kept.push({ rule, file, message: `${file} now keeps the rule ${rule}: remove it from the allowances in tests/structure/structure.test.ts.` });
    }
  }
  return kept;
}
