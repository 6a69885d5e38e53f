/**
 * The names the panel needs before anything else: the data port and the
 * storage.session keys of a tab's state and cover. They are those of
 * platform/messaging/protocol.ts (keys.test.ts holds them equal); kept here,
 * free of zod, so the panel's first screen does not wait for the schemas of
 * every message and record to be built.
 */
export const DATA_PORT = 'lens-data';
export const tabKey = (tabId: number): string => `tab:${tabId}`;
export const coverKey = (tabId: number): string => `cover:${tabId}`;
