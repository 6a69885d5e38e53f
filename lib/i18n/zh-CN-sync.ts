import type { enSync } from './en-sync';

/** 简体中文: the sync screens. Every key of en-sync.ts must be here. */
export const zhCNSync: Record<keyof typeof enSync, string> = {};
