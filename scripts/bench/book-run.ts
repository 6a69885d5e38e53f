import { pathToFileURL } from 'node:url';
import { benchBook } from './engine';

/**
 * The whole-book evaluation alone, runnable without a build:
 * `npx tsx scripts/bench/book-run.ts [accounts] [runs]` prints the median
 * wall and CPU times of benchBook (book.full@10k in index.ts).
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const accounts = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 5);
  console.log(benchBook(accounts, runs));
}
