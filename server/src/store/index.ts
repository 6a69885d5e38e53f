// The team's records in the database: what the API, the import and the rollup read and write.
export { canonical } from './json';
export { changes, cursorOf, lookup, recordHistory, seqOf, teamBook, type HistoryItem } from './read';
export { lockFeed, pruneKeys, putRecord, storeAccounts, type PutResult } from './write';
