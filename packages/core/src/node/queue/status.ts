/**
 * `scaling-lab queue status|clean`: what the shared queue holds per sweep
 * (waiting, running, done, failed — from BullMQ's job lists, grouped by the
 * sweep name in each job id, jobs.ts), and removing a finished sweep's jobs.
 */
import { Queue } from 'bullmq';
import { InputError } from '../../errors.js';
import { bullConnection, checkRedis, KEY_PREFIX } from './connection.js';
import { QUEUE_NAME, sweepOfJobId } from './jobs.js';
import type { QueueUrl } from './url.js';

export interface SweepQueueCounts {
  sweep: string;
  waiting: number;
  running: number;
  /** Waiting for a retry after a failed try (backoff). */
  retrying: number;
  done: number;
  failed: number;
}

const STATES = { waiting: ['wait', 'prioritized', 'waiting-children'], running: ['active'], retrying: ['delayed'], done: ['completed'], failed: ['failed'] } as const;

async function withQueue<T>(q: QueueUrl, fn: (queue: Queue) => Promise<T>): Promise<T> {
  await checkRedis(q);
  const conn = bullConnection(q);
  const queue = new Queue(QUEUE_NAME, { connection: conn.connection, prefix: KEY_PREFIX });
  try {
    return await fn(queue);
  } finally {
    await queue.close().catch(() => {});
    conn.client.disconnect();
  }
}

async function idsByState(queue: Queue): Promise<Record<keyof typeof STATES, string[]>> {
  const out = {} as Record<keyof typeof STATES, string[]>;
  for (const [k, types] of Object.entries(STATES) as [keyof typeof STATES, readonly string[]][]) {
    out[k] = (await Promise.all(types.map((t) => queue.getRanges([t as 'wait'], 0, -1)))).flat();
  }
  return out;
}

/**
 * What the shared queue holds per sweep: waiting, running, retrying (delayed after a failed
 * try), done and failed jobs, from BullMQ's job lists grouped by the sweep name in each job
 * id (`(other)` for ids that are not this tool's), sorted by sweep name.
 *
 * @param q - the parsed `--queue` URL
 * @returns one count row per sweep
 * @throws InputError when Redis cannot be reached
 * @example
 * ```ts
 * // not run: needs Redis on 127.0.0.1:6379
 * import { parseQueueUrl, queueStatus } from '@scaling-lab/core/node/queue';
 * for (const c of await queueStatus(parseQueueUrl('redis://127.0.0.1:6379'))) console.log(c.sweep, c.waiting, c.running, c.done, c.failed);
 * ```
 */
export async function queueStatus(q: QueueUrl): Promise<SweepQueueCounts[]> {
  return withQueue(q, async (queue) => {
    const ids = await idsByState(queue);
    const by = new Map<string, SweepQueueCounts>();
    for (const [state, list] of Object.entries(ids) as [keyof typeof STATES, string[]][]) {
      for (const id of list) {
        const sweep = sweepOfJobId(id) || '(other)';
        const c = by.get(sweep) ?? { sweep, waiting: 0, running: 0, retrying: 0, done: 0, failed: 0 };
        c[state]++;
        by.set(sweep, c);
      }
    }
    return [...by.values()].sort((a, b) => (a.sweep < b.sweep ? -1 : 1));
  });
}

/**
 * Removes the sweep's finished (done and failed) jobs from the queue, with the records they
 * hold (collect them first: the coordinator does); refuses while it still has runs waiting,
 * running or retrying, unless `all` (then those that are not running go too).
 *
 * @param q - the parsed `--queue` URL
 * @param sweep - the sweep's name
 * @param all - also remove the sweep's waiting and retrying jobs; default false
 * @returns how many jobs were `removed`, and how many are `left` running
 * @throws InputError when Redis cannot be reached, the sweep has unfinished runs (without `all`), or has no jobs
 * @example
 * ```ts
 * // not run: needs Redis on 127.0.0.1:6379
 * import { cleanSweep, parseQueueUrl } from '@scaling-lab/core/node/queue';
 * const { removed, left } = await cleanSweep(parseQueueUrl('redis://127.0.0.1:6379'), 'tiny');
 * console.log(`${removed} job(s) removed, ${left} still running`);
 * ```
 */
export async function cleanSweep(q: QueueUrl, sweep: string, all = false): Promise<{ removed: number; left: number }> {
  return withQueue(q, async (queue) => {
    const ids = await idsByState(queue);
    const mine = (list: string[]) => list.filter((id) => sweepOfJobId(id) === sweep);
    const unfinished = mine(ids.waiting).length + mine(ids.running).length + mine(ids.retrying).length;
    if (unfinished && !all) {
      throw new InputError('--sweep', `sweep "${sweep}" still has ${unfinished} run(s) waiting, running or retrying`, 'wait for it to finish, or add --all to remove its waiting runs too');
    }
    const targets = [...mine(ids.done), ...mine(ids.failed), ...(all ? [...mine(ids.waiting), ...mine(ids.retrying)] : [])];
    if (!targets.length && !mine(ids.running).length) throw new InputError('--sweep', `no jobs of sweep "${sweep}" in the queue`, 'see `scaling-lab queue status` for the sweeps there');
    let removed = 0;
    for (const id of targets) removed += (await queue.remove(id)) ? 1 : 0;
    return { removed, left: mine(ids.running).length };
  });
}
