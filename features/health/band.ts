import type { Band } from '../../data/model/common';

/** Default band cut-offs: 70 and above is green, below 40 is red. */
export const DEFAULT_CUTOFFS = { green: 70, red: 40 } as const;

export function bandOf(score: number, cutoffs: { green: number; red: number } = DEFAULT_CUTOFFS): Band {
  if (score >= cutoffs.green) return 'green';
  if (score < cutoffs.red) return 'red';
  return 'yellow';
}
