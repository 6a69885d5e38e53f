import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Tests of pure logic run in Node; only those that render or read a DOM pay
// for jsdom (about a second a file). The team server's tests are a project of
// their own, so the suites can run again under faked dates without them
// (scripts/test-calendar.sh: `--project dom --project node`).
const DOM = ['tests/unit/**/*.test.tsx', 'tests/unit/components/**/*.test.ts', 'tests/unit/content/**/*.test.ts', 'tests/unit/crm/**/*.test.ts'];
const SERVER = ['tests/unit/server/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    setupFiles: ['tests/unit/setup.ts'],
    projects: [
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: DOM } },
      { extends: true, test: { name: 'node', environment: 'node', include: ['tests/unit/**/*.test.ts'], exclude: [...DOM, ...SERVER] } },
      { extends: true, test: { name: 'server', environment: 'node', include: SERVER } },
    ],
  },
});
