/**
 * `scaling-lab queue status|clean --queue URL`: what the shared run queue holds
 * per sweep, and removing a finished sweep's jobs (node/queue/status.ts).
 */
import type { Command } from 'commander';
import { parseQueueUrl } from '../node/queue/url.js';
import { action, printJson } from './util.js';

export function registerQueue(program: Command): void {
  const queue = program.command('queue').description('the Redis run queue shared by `sweep --queue` and `worker`: status, clean');
  queue
    .command('status')
    .description('runs waiting, running, retrying, done and failed, per sweep')
    .requiredOption('--queue <url>', 'Redis URL: redis://[:PASSWORD@]HOST[:PORT][/DB], rediss:// for TLS')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { queue: string; json?: boolean }) => {
        const q = parseQueueUrl(opts.queue);
        const { queueStatus } = await import('../node/queue/status.js'); // BullMQ loads only for queue commands
        const rows = await queueStatus(q);
        if (opts.json) return printJson({ queue: q.redacted, sweeps: rows });
        if (!rows.length) return void process.stdout.write(`${q.redacted}: no sweeps in the queue\n`);
        const head = `${'sweep'.padEnd(24)} ${'waiting'.padStart(8)} ${'running'.padStart(8)} ${'retrying'.padStart(9)} ${'done'.padStart(8)} ${'failed'.padStart(8)}  (runs)`;
        const lines = rows.map((r) => `${r.sweep.padEnd(24)} ${String(r.waiting).padStart(8)} ${String(r.running).padStart(8)} ${String(r.retrying).padStart(9)} ${String(r.done).padStart(8)} ${String(r.failed).padStart(8)}`);
        process.stdout.write(`${q.redacted}\n${head}\n${lines.join('\n')}\n`);
      }),
    );
  queue
    .command('clean')
    .description("remove a finished sweep's jobs (and their stored results) from the queue")
    .requiredOption('--queue <url>', 'Redis URL: redis://[:PASSWORD@]HOST[:PORT][/DB], rediss:// for TLS')
    .requiredOption('--sweep <name>', 'sweep name (the spec\'s "name"; see `queue status`)')
    .option('--all', 'also remove its runs still waiting or retrying (running ones are left to finish)')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { queue: string; sweep: string; all?: boolean; json?: boolean }) => {
        const q = parseQueueUrl(opts.queue);
        const { cleanSweep } = await import('../node/queue/status.js');
        const r = await cleanSweep(q, opts.sweep, opts.all);
        if (opts.json) return printJson({ queue: q.redacted, sweep: opts.sweep, ...r });
        process.stdout.write(`removed ${r.removed} job(s) of sweep "${opts.sweep}" from ${q.redacted}${r.left ? `; ${r.left} still running` : ''}\n`);
      }),
    );
}
