// @vitest-environment node
/**
 * The harness itself: where PostgreSQL cannot be started, the server suite
 * fails loudly unless LENS_SKIP_POSTGRES=1 says to run PGlite only, and then
 * it says so.
 */
const state = vi.hoisted(() => ({ why: null as string | null }));

vi.mock('../../tests/support/postgres', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../tests/support/postgres')>()),
  postgresUnavailable: () => state.why,
  startPostgres: () => Promise.reject(new Error('startPostgres must not be called here')),
}));

import { backends } from './helpers';

describe('the server suite\'s backends', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    state.why = null;
  });

  it('without PostgreSQL and with LENS_SKIP_POSTGRES=1: PGlite only, and a warning that says why', () => {
    state.why = 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (install the postgresql package)';
    vi.stubEnv('LENS_SKIP_POSTGRES', '1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(backends().map((b) => b.name)).toEqual(['PGlite']);
    expect(warn).toHaveBeenCalledTimes(1);
    const message = String(warn.mock.calls[0]![0]);
    expect(message).toContain('PostgreSQL suite was NOT run');
    expect(message).toContain(state.why);
  });

  it('without PostgreSQL and without the variable: both backends, and the PostgreSQL one fails in beforeAll with the reason', async () => {
    state.why = 'no PostgreSQL binaries here';
    vi.stubEnv('LENS_SKIP_POSTGRES', undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const list = backends();
    expect(list.map((b) => b.name)).toEqual(['PGlite', 'PostgreSQL']);
    await expect(list[1]!.start()).rejects.toThrow(/no PostgreSQL binaries here.*LENS_SKIP_POSTGRES=1/);
    expect(warn).not.toHaveBeenCalled();
    // Any other value does not skip either.
    vi.stubEnv('LENS_SKIP_POSTGRES', 'yes');
    expect(backends().map((b) => b.name)).toEqual(['PGlite', 'PostgreSQL']);
  });

  it('with PostgreSQL available: both backends, no warning, the variable notwithstanding', () => {
    vi.stubEnv('LENS_SKIP_POSTGRES', '1');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(backends().map((b) => [b.name, b.kind])).toEqual([['PGlite', 'pglite'], ['PostgreSQL', 'postgres']]);
    expect(warn).not.toHaveBeenCalled();
  });
});
