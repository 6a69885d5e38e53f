import { useEffect, useState } from 'react';
import { useTr } from '../../../shared/i18n/I18n';
import type { OptionsSection } from './sections';

const idOfHash = (sections: readonly OptionsSection[]) => {
  const id = decodeURIComponent(location.hash.slice(1));
  return sections.some((s) => s.id === id) ? id : undefined;
};

/**
 * Which section is in view: the first one, in page order, that crosses the band from 10% to 40%
 * of the window's height. Without IntersectionObserver (older engines, jsdom) it stays where the
 * last click or the address put it.
 */
function useSectionInView(sections: readonly OptionsSection[]) {
  const [current, setCurrent] = useState(() => idOfHash(sections) ?? sections[0]?.id);
  useEffect(() => {
    const onHash = () => {
      const id = idOfHash(sections);
      if (id) setCurrent(id);
    };
    window.addEventListener('hashchange', onHash);
    if (typeof IntersectionObserver === 'undefined') return () => window.removeEventListener('hashchange', onHash);
    const inBand = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) inBand.add(e.target.id);
          else inBand.delete(e.target.id);
        }
        const first = sections.find((s) => inBand.has(s.id));
        if (first) setCurrent(first.id);
      },
      { rootMargin: '-10% 0px -60% 0px' },
    );
    for (const s of sections) {
      const el = document.getElementById(s.id);
      if (el) observer.observe(el);
    }
    return () => {
      observer.disconnect();
      window.removeEventListener('hashchange', onHash);
    };
  }, [sections]);
  return [current, setCurrent] as const;
}

/**
 * The options page's menu: a column of links beside the sections on wide screens, a
 * "Jump to section" list on narrow ones (CSS shows one or the other). The section in
 * view is marked aria-current.
 */
export function SectionMenu({ sections }: { sections: readonly OptionsSection[] }) {
  const tr = useTr();
  const [current, setCurrent] = useSectionInView(sections);

  // The sections exist from the first render, so options.html#section-… lands on its section
  // even when the browser looked for the anchor before the page was drawn.
  useEffect(() => {
    const id = idOfHash(sections);
    if (id) document.getElementById(id)?.scrollIntoView?.();
  }, [sections]);

  return (
    <nav className="section-menu" aria-label={tr.t('options.menu')}>
      <ul>
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} aria-current={s.id === current ? 'true' : undefined} onClick={() => setCurrent(s.id)}>
              {s.label(tr)}
            </a>
          </li>
        ))}
      </ul>
      <label className="section-jump">
        <span>{tr.t('options.menuJump')}</span>
        <select
          value={current}
          onChange={(e) => {
            const id = e.target.value;
            setCurrent(id);
            history.replaceState(null, '', `#${id}`);
            document.getElementById(id)?.scrollIntoView?.();
          }}
        >
          {sections.map((s) => (
            <option key={s.id} value={s.id}>{s.label(tr)}</option>
          ))}
        </select>
      </label>
    </nav>
  );
}
