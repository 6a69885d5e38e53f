/** One numbered step of the schema: `sql` runs once, in a transaction, and is never edited once released. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
