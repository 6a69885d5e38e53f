import type { CtaRule } from '../data/model/cta-draft';
import type { WrittenKind } from '../data/model/records';

/** A settings item as the machinery sees it: a key to read and to watch (a WXT storage item). */
export interface SettingsItem {
  key: string;
  getValue(): Promise<unknown>;
  watch(callback: () => void): () => void;
}

/**
 * What a feature hands the shared machinery, in its own folder's feature.ts;
 * features/index.ts lists every registration. The machinery (CTA evaluation,
 * wording of stored titles and notes, the record kinds' owners) reads the registry and never switches on one feature's codes.
 */
export interface FeatureRegistration<I = never> {
  /** The folder name under features/. */
  name: string;
  /** Its sources of calls to action, evaluated in this order. */
  ctaRules?: readonly CtaRule<I>[];
  /** The user-written record kinds (tables) it owns. */
  records?: readonly WrittenKind[];
}
