import type { CrmId } from '../../../crm/types';
import type { transferEn } from '../strings.en';
import type { Account } from '../../../data/model/account';
import type { HealthInputs, HealthSnapshot } from '../../../data/model/records';
import type { ColumnKey } from './columns';

/** An i18n key of the import catalogue and its placeholders: features/transfer/import never writes prose. */
export type ImportMessageKey = keyof typeof transferEn;
export interface Problem {
  key: ImportMessageKey;
  params?: Record<string, string | number>;
}

/** A cell as a file gives it: CSV text, or a JSON value. */
export type Cell = string | number | boolean | null | undefined | object;

/** One health reading: the CSV gives at most one per row, an export file all of an account's. */
export interface RawReading {
  asOf: Cell;
  inputs: Partial<Record<keyof HealthInputs, Cell>>;
}

/** A record of the file before validation, its cells keyed by the columns of its kind of file (K). */
export interface SourceRowOf<K extends string> {
  /** CSV: 1-based physical line where the record starts (header is line 1). JSON: 1-based item number. */
  line: number;
  cells: Partial<Record<K, Cell>>;
  readings?: RawReading[];
  /** Problems found while splitting the file (unclosed quote, too many cells). */
  problems?: Problem[];
}
export type SourceRow = SourceRowOf<ColumnKey>;

export type FileKind = 'csv' | 'json' | 'export';

export interface ParsedFileOf<K extends string> {
  kind: FileKind;
  /** The header of each column as the file writes it (JSON: the key). */
  labels: Partial<Record<K, string>>;
  rows: SourceRowOf<K>[];
  warnings: Problem[];
  /** CSV: the delimiter its header line uses (a semicolon file may write decimal commas). */
  delimiter?: ',' | ';';
  /** Set when the file as a whole cannot be imported; rows are then empty. */
  error?: Problem;
}
export type ParsedFile = ParsedFileOf<ColumnKey>;

export interface Reading {
  asOf: string;
  inputs: HealthInputs;
}

/** Account fields an import may set (never id, health, source or timestamps). */
export type ImportedFields = Pick<Account, 'name' | 'contractEnd'> &
  Partial<Pick<Account, 'orgKey' | 'owner' | 'csm' | 'segment' | 'arr' | 'currency' | 'contractStart' | 'signedAt'>>;

/** A row that passed validation. */
export interface ImportRow {
  line: number;
  crm: CrmId;
  recordId: string;
  fields: ImportedFields;
  readings: Reading[];
}

export interface BadRow {
  line: number;
  problems: Problem[];
}

export interface FieldChange {
  column: ColumnKey;
  /** For a health input: the date of the reading it changes. */
  asOf?: string;
  from?: string | number;
  to: string | number;
}

export type PlannedRow =
  | { line: number; action: 'create'; account: Account; snapshots: HealthSnapshot[] }
  | { line: number; action: 'update'; account: Account; before: Account; changes: FieldChange[]; snapshots: HealthSnapshot[]; snapshotsBefore: HealthSnapshot[] }
  | { line: number; action: 'unchanged'; account: Account };

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  bad: number;
}

export interface ImportPlan {
  kind: FileKind;
  rows: PlannedRow[];
  bad: BadRow[];
  warnings: Problem[];
  error?: Problem;
  counts: ImportCounts;
  /** False when the file or any row is bad (all-or-nothing), or when nothing would change. */
  canApply: boolean;
}

/** What the plan is computed against: the stored accounts and health snapshots. */
export interface DbView {
  accounts: readonly Account[];
  snapshots: readonly HealthSnapshot[];
}
