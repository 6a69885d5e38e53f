import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import fc from 'fast-check';

// Generated cases come from a fixed seed, so a run's outcome never depends on the
// moment it starts (fast-check seeds from the clock by default). Another seed:
// FC_SEED=123 npx vitest run. A failure prints its seed and path to replay.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261201) });

// findBy…/waitFor give up after 1 s by default; on a loaded 2-core CI machine a render with an
// IndexedDB round trip can take longer. A longer wait changes no outcome, only how long a real failure takes.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
