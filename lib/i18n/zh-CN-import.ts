import type { enImport } from './en-import';

/** 简体中文: the import screens. Every key of en-import.ts must be here. */
export const zhCNImport: Record<keyof typeof enImport, string> = {};
