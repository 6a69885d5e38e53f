import { expect, it } from 'vitest';
import { useLens } from './fixture';
import { pageViolations, panelViolations } from './axe';

// The accessibility check of a11y.e2e.ts in a Chinese browser: other words, other widths of text.
const lens = useLens({ locale: 'zh-CN' });

it('finds no serious or critical violation on the panel\'s tabs, in Chinese', async () => {
  const found = await panelViolations(lens, 'Globex Retail', '');
  expect(Object.keys(found)).toHaveLength(4);
  expect(Object.values(found).flat()).toEqual([]);
});

it('finds no serious or critical violation on the Today list, the popup, the options page and the portfolio, in Chinese', async () => {
  expect(await pageViolations(lens, 'Initech Software')).toEqual({ today: [], popup: [], options: [], portfolio: [] });
});
