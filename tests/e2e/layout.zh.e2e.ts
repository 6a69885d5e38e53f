import { expect, it } from 'vitest';
import { useLens } from './fixture';
import { pagesLayout, panelLayout } from './layout';

// The layout check of layout.e2e.ts in a Chinese browser: other words, other widths of text, dates as 2026年12月31日.
const lens = useLens({ locale: 'zh-CN' });

it('lays out every tab of the panel at 300, 380 and 720 px, in Chinese', async () => {
  expect(await panelLayout(lens, 'Globex Retail', 'zh', '')).toEqual({});
});

it('lays out the Today list, the popup, the options page and the portfolio at every width, in Chinese', async () => {
  expect(await pagesLayout(lens, 'Initech Software', 'zh')).toEqual({});
});
