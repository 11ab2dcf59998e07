/**
 * `scaling-lab worker --queue redis://HOST:6379`: trains runs from the shared
 * queue on this machine (node/queue/worker.ts) until stopped. Ctrl-C (or
 * SIGTERM) hands the runs in flight back to the queue and exits 0; a second
 * Ctrl-C exits at once (the runs come back through the stalled check).
 */
import { Option, type Command } from 'commander';
import { InputError } from '../errors.js';
import { parseQueueUrl } from '../node/queue/url.js';
import { defaultConcurrency } from '../node/queue/concurrency.js';
import type { QueueWorkerEvent } from '../node/queue/worker.js';
import { fmtSeconds } from '../node/sweep/progress.js';
import { BACKENDS } from './sweep.js';
import { action, numberArg } from './util.js';

interface WorkerCliOptions {
  queue: string;
  concurrency?: number;
  backend: string;
  lockSeconds: number;
  stalledSeconds: number;
  json?: boolean;
}

function line(e: QueueWorkerEvent): string | undefined {
  switch (e.type) {
    case 'ready':
      return `worker ${e.name}: taking runs from ${e.queue} (Redis ${e.redisVersion}), ${e.concurrency} at a time; Ctrl-C hands runs in flight back and exits`;
    case 'run-start':
      return `start ${e.runKey}${e.attempt > 1 ? ` (try ${e.attempt})` : ''}`;
    case 'run-done':
      return `done ${e.runKey}: val loss ${e.finalValLoss?.toFixed(4) ?? 'n/a'} in ${fmtSeconds(e.seconds)}`;
    case 'run-failed':
      return `failed ${e.runKey}: ${e.message}`;
    case 'run-handed-back':
      return `handed back ${e.runKey} to the queue`;
    case 'redis-error':
      return `redis: ${e.message} (retrying)`;
    case 'stopping':
      return 'worker: stopping (handing back runs in flight)';
    case 'stopped':
      return 'worker: stopped';
  }
}


export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('train sweep runs from a Redis queue (BullMQ) on this machine; start one on every machine, then `sweep --queue`')
    .requiredOption('--queue <url>', 'Redis URL: redis://[:PASSWORD@]HOST[:PORT][/DB], rediss:// for TLS')
    .option('--concurrency <n>', `runs at a time (default: one per core, here ${defaultConcurrency()}; one per GPU with --backend tensorflow-gpu)`, numberArg('concurrency', { min: 1, max: 256 }))
    .addOption(new Option('--backend <name>', 'tfjs backend for training').choices([...BACKENDS]).default('auto'))
    .option('--lock-seconds <s>', "how long a run's lock lasts without renewal (renewed every half of it while training); a dead worker's run comes back after about this plus --stalled-seconds", numberArg('lock-seconds', { positive: true }), 60)
    .option('--stalled-seconds <s>', 'how often this worker checks for runs whose worker died', numberArg('stalled-seconds', { positive: true }), 30)
    .option('--json', 'events as JSON lines on stdout')
    .action(
      action(async (opts: WorkerCliOptions) => {
        const queue = parseQueueUrl(opts.queue);
        if (opts.concurrency !== undefined && !Number.isInteger(opts.concurrency)) {
          throw new InputError('--concurrency', `must be a whole number, got ${opts.concurrency}`, 'give e.g. --concurrency 2');
        }
        const out = (e: QueueWorkerEvent) => {
          if (opts.json) process.stdout.write(`${JSON.stringify({ ...e, time: new Date().toISOString() })}\n`);
          else {
            const l = line(e);
            if (l) process.stderr.write(`${l}\n`);
          }
        };
        const { startQueueWorker } = await import('../node/queue/worker.js'); // BullMQ loads only for queue commands
        const worker = await startQueueWorker({
          queue,
          concurrency: opts.concurrency,
          backend: opts.backend,
          lockMs: opts.lockSeconds * 1000,
          stalledMs: opts.stalledSeconds * 1000,
          onEvent: out,
        });
        let interrupts = 0;
        const onSignal = () => {
          if (++interrupts > 1) process.exit(130);
          void worker.stop();
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        await worker.closed;
        process.exit(0);
      }),
    );
}
