import { expect, it } from 'vitest';
import { useLens } from './fixture';
import { pageViolations, panelViolations } from './axe';

/**
 * No serious or critical accessibility violation (axe-core, WCAG 2.1 A and
 * AA) on the panel's tabs, the Today list, the popup, the options page and
 * the portfolio, in English; a11y.zh.e2e.ts does the same in Chinese.
 */
const lens = useLens();

it('finds no serious or critical violation on the panel\'s tabs of a record', async () => {
  expect(await panelViolations(lens, 'Globex Retail')).toEqual({ Overview: [], Service: [], Expectations: [], Handover: [] });
});

it('finds no serious or critical violation on the Today list, the popup, the options page and the portfolio', async () => {
  expect(await pageViolations(lens, 'Initech Software')).toEqual({ today: [], popup: [], options: [], portfolio: [] });
});
