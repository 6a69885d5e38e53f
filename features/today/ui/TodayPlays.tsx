import { useEffect } from 'react';
import { CtaPlay, usePlays } from '../../use-plays';
import type { PlaySettings } from '../../plays';

export interface LoadedPlays {
  plays: PlaySettings;
  Play: typeof CtaPlay;
}

/**
 * The plays in force, handed to the Today list once loaded: the plays and the
 * registry of CTA kinds behind them come after the list's first screen.
 */
export default function TodayPlays({ onPlays }: { onPlays: (loaded: LoadedPlays) => void }) {
  const plays = usePlays();
  useEffect(() => onPlays({ plays, Play: CtaPlay }), [plays, onPlays]);
  return null;
}
