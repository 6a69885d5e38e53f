import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests live beside the code they test. Tests of pure logic run in Node;
// only those that render or read a DOM pay for jsdom (about a second a file).
// The team server's tests are a project of their own, so the suites can run
// again under faked dates without them (scripts/test-calendar.sh:
// `--project dom --project node`).
const ROOTS = ['platform', 'data', 'crm', 'features', 'shared', 'entrypoints', 'scripts', 'tests/structure'];
const DOM = ['{platform,data,crm,features,shared,entrypoints}/**/*.test.tsx', 'platform/content/**/*.test.ts', 'crm/**/*.test.ts'];
const SERVER = ['server/test/**/*.test.ts'];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    setupFiles: ['tests/setup.ts'],
    projects: [
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: DOM } },
      { extends: true, test: { name: 'node', environment: 'node', include: ROOTS.map((r) => `${r}/**/*.test.ts`), exclude: [...DOM, ...SERVER, '**/node_modules/**'] } },
      { extends: true, test: { name: 'server', environment: 'node', include: SERVER } },
    ],
  },
});
