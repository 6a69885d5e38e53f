import { expect, it } from 'vitest';
import { useLens } from './fixture';
import { pagesLayout, panelLayout } from './layout';

/**
 * Nothing sideways, nothing cut, no figure broken across lines: the panel's
 * tabs, the Today list, the popup, the options page and the portfolio at
 * 300, 380 and 720 px (the portfolio also at 1280), in English;
 * layout.zh.e2e.ts does the same in Chinese.
 */
const lens = useLens();

it('lays out every tab of the panel at 300, 380 and 720 px', async () => {
  expect(await panelLayout(lens, 'Globex Retail', 'en')).toEqual({});
});

it('lays out the Today list, the popup, the options page and the portfolio at every width', async () => {
  expect(await pagesLayout(lens, 'Initech Software', 'en')).toEqual({});
});
