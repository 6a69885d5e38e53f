/**
 * Group commit: the writes that arrive for one team while that team's
 * previous transaction is still running wait, then go together in the next
 * one, so a team's writes share one commit (one WAL flush, one hold of the
 * team's feed row) instead of each taking its own turn. A write arriving
 * when nothing is running starts at once: a lone write waits for nothing.
 *
 * `run` writes a batch in one transaction and answers each write. When the
 * batch fails as a whole (a database error, a deadlock), each of its writes
 * is run again alone, so one write's failure is that write's alone.
 */
export interface GroupCommit<W, R> {
  submit(group: string, item: W): Promise<R>;
  /** Groups with writes running or waiting (0 when idle): for tests and metrics. */
  readonly busy: number;
}

interface Waiting<W, R> {
  item: W;
  resolve: (r: R) => void;
  reject: (err: unknown) => void;
}

export function groupCommit<W, R>(
  run: (items: readonly W[]) => Promise<R[]>,
  opts: { max: number; keyOf: (item: W) => string },
): GroupCommit<W, R> {
  const queues = new Map<string, Waiting<W, R>[]>();

  /** The next batch: the oldest writes, at most `max`, no key twice (a repeated key waits for the next batch, where it finds the first's answer). */
  const take = (waiting: Waiting<W, R>[]): Waiting<W, R>[] => {
    const batch: Waiting<W, R>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < waiting.length && batch.length < opts.max; ) {
      const key = opts.keyOf(waiting[i]!.item);
      if (keys.has(key)) {
        i++;
        continue;
      }
      keys.add(key);
      batch.push(...waiting.splice(i, 1));
    }
    return batch;
  };

  const runBatch = async (batch: Waiting<W, R>[]): Promise<void> => {
    try {
      const answers = await run(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(answers[i]!));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      for (const w of batch) await runBatch([w]);
    }
  };

  const drain = async (group: string, waiting: Waiting<W, R>[]) => {
    try {
      while (waiting.length > 0) await runBatch(take(waiting));
    } finally {
      queues.delete(group);
    }
  };

  return {
    submit(group, item) {
      return new Promise<R>((resolve, reject) => {
        const waiting = queues.get(group);
        if (waiting) {
          waiting.push({ item, resolve, reject });
          return;
        }
        const fresh = [{ item, resolve, reject }];
        queues.set(group, fresh);
        void drain(group, fresh);
      });
    },
    get busy() {
      return queues.size;
    },
  };
}
