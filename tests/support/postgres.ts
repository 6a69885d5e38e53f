import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL server for tests: a fresh cluster in a temporary
 * folder, on a free port of 127.0.0.1, trusted local login, removed on stop.
 * Uses Debian's binaries (/usr/lib/postgresql/<v>/bin; `.ci/run` installs the
 * package). PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user the package creates.
 */
export interface TempPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Why PostgreSQL cannot be started here, or null when it can. */
export function postgresUnavailable(): string | null {
  if (process.env.DATABASE_URL) return null;
  return binDir() ? null : 'no PostgreSQL binaries in /usr/lib/postgresql/*/bin (install the postgresql package)';
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; closed again before it is answered). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

export async function startPostgres(): Promise<TempPostgres> {
  // A server the environment provides is used as it is (and never stopped here).
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailable()!);
  const root = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = root ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args;
    const r = spawnSync(root ? 'runuser' : join(bin, cmd), full, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'lens-pg-'));
  chmodSync(dir, 0o777);
  if (root) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'lens', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgres://lens@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
