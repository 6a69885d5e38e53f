import { useEffect, useState } from 'react';
import { useTr } from '../shared/i18n/I18n';
import { playsItem } from './plays-item';
import { playSteps, validPlays, type PlaySettings } from './plays';

/** The plays in force, following edits made in the options live. */
export function usePlays(): PlaySettings {
  const [value, setValue] = useState<PlaySettings>({ custom: {}, unreadable: [] });
  useEffect(() => {
    // The same plays again keep the same value, so an unchanged read renders nothing.
    const load = () =>
      void playsItem.getValue().then((v) => {
        const next = validPlays(v);
        setValue((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
      });
    load();
    return playsItem.watch(load);
  }, []);
  return value;
}

/** A CTA's play, folded under it: its kind's steps (the team's, else the default). Nothing for a manual step. */
export function CtaPlay({ cause, title, plays }: { cause: string; title: string; plays: PlaySettings }) {
  const tr = useTr();
  const steps = playSteps(cause, plays.custom, tr);
  if (!steps) return null;
  return (
    <details className="play" data-testid="play">
      <summary aria-label={tr.t('play.showFor', { title })}>{tr.t('play.summary')}</summary>
      <ol>
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ol>
    </details>
  );
}
