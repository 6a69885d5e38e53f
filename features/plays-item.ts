import { storage } from 'wxt/utils/storage';
import type { CustomPlays } from './plays';

/** The plays the team rewrote (options page), by CTA title code: null means every kind keeps its default. */
export const playsItem = storage.defineItem<CustomPlays | null>('local:ctaPlays', { fallback: null, version: 1 });
