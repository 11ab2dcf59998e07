#!/usr/bin/env node
// The BullMQ queue (`sweep --queue` + `worker`), measured in one run on a
// redis-server started here (127.0.0.1, free port, temporary directory):
// 1. overhead: 1,000 jobs of a trainer stand-in that returns at once, across 4
//    worker processes (concurrency 1 each): jobs/s from enqueue to the last
//    record written, and the per-job overhead = 4 · wall / jobs (each worker's
//    time per job, IPC to its trainer process, Redis round trips and the
//    coordinator's fsynced append included). Target: ≥ 200 jobs/s, so the queue
//    is never the bottleneck for runs of a second or more. Also the CPU time all
//    those processes spent per job, which the other load on a shared machine
//    does not inflate, and the jobs/s it implies on idle cores.
// 2. real speed-up: the same tiny real sweep (WASM) on 1 local worker
//    (`sweep --workers 1`) and on 2 queue workers, as a ratio.
// Note: on a shared machine both figures also measure the other load.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSweepSpec } from '../../packages/core/dist/index.js';
import { expandSweep, runSweep } from '../../packages/core/dist/node/index.js';
import { parseQueueUrl, runSweepOnQueue } from '../../packages/core/dist/node/queue/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '../../packages/core/dist/cli/main.js');
const dir = mkdtempSync(join(tmpdir(), 'bench-queue-'));
const load = () => loadavg()[0].toFixed(2);

const port = await new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--loglevel', 'warning'], { stdio: 'ignore' });
for (let i = 0; ; i++) {
  const ok = await new Promise((r) => connect(port, '127.0.0.1').once('connect', function () { this.destroy(); r(true); }).once('error', () => r(false)));
  if (ok) break;
  if (i > 200) throw new Error('redis-server did not start');
  await new Promise((r) => setTimeout(r, 25));
}
const url = `redis://127.0.0.1:${port}`;
const queue = parseQueueUrl(url);

/** CPU seconds (user + system) used so far by these processes and their children (/proc/<pid>/stat; Linux). */
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const kids = (() => { try { return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number); } catch { return []; } })();
    for (const p of [pid, ...kids]) {
      try {
        const f = readFileSync(`/proc/${p}/stat`, 'utf8').slice(readFileSync(`/proc/${p}/stat`, 'utf8').lastIndexOf(')') + 2).split(' ');
        ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14, 15)
      } catch { /* gone */ }
    }
  }
  return ticks / TICKS + selfCpuSeconds();
}
/** This process and its exited (reaped) children: utime + stime + cutime + cstime. */
function selfCpuSeconds() {
  const st = readFileSync('/proc/self/stat', 'utf8');
  const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
}

/** Starts n `scaling-lab worker` processes and waits until each is taking jobs. */
async function startWorkers(n, env, args = []) {
  const ws = Array.from({ length: n }, () => spawn(process.execPath, [cli, 'worker', '--queue', url, '--concurrency', '1', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] }));
  await Promise.all(ws.map((w) => new Promise((resolve, reject) => {
    let err = '';
    w.stderr.on('data', (b) => { err += b; if (/taking runs/.test(err)) resolve(); });
    w.once('exit', () => reject(new Error(`worker exited: ${err}`)));
  })));
  return ws;
}
async function stopWorkers(ws) {
  await Promise.all(ws.map((w) => new Promise((r) => { w.removeAllListeners('exit'); w.once('exit', r); w.kill('SIGINT'); })));
}

// 1. Queue overhead.
const many = parseSweepSpec({
  name: 'bench-queue', design: 'grid', dataset: { kind: 'moby-dick', tokenizer: 'char' }, context: 4, batchSize: 1, minSteps: 1,
  seeds: Array.from({ length: 10 }, (_, i) => i), learningRate: { rule: 'constant', value: 0.001 },
  models: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, { layers: 1, dModel: 8 * (i + 1), heads: 2 }])),
  grid: { models: Array.from({ length: 10 }, (_, i) => `m${i}`), tokens: Array.from({ length: 10 }, (_, i) => 4 * (i + 1)) },
});
const manyRuns = expandSweep(many);
console.log(`queue overhead: ${manyRuns.length} jobs of a trainer stand-in that returns at once, 4 worker processes, Redis on 127.0.0.1; ${availableParallelism()} cores, load average ${load()} at start`);
let ws = await startWorkers(4, { SCALING_LAB_SWEEP_TRAINER: join(here, 'fixtures/trivial-trainer.mjs') });
const pids = [redis.pid, ...ws.map((w) => w.pid)];
const cpu0 = cpuSeconds(pids);
let t0 = process.hrtime.bigint();
const s1 = await runSweepOnQueue({ runs: manyRuns, outPath: join(dir, 'many.jsonl'), queue, pollMs: 50 });
const wall1 = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuPerJobMs = ((cpuSeconds(pids) - cpu0) / manyRuns.length) * 1000;
await stopWorkers(ws);
if (s1.completed !== manyRuns.length) throw new Error(`bench: only ${s1.completed} of ${manyRuns.length} jobs completed`);
const jobsPerSecond = manyRuns.length / wall1;
console.log(`  ${manyRuns.length} jobs in ${wall1.toFixed(2)} s: ${jobsPerSecond.toFixed(0)} jobs/s (target ≥ 200), per-job overhead ${((4 * wall1) / manyRuns.length * 1000).toFixed(1)} ms of a worker's time (4 workers × wall / jobs); load average ${load()} at end`);
console.log(`  CPU per job (Redis + 4 workers and their trainer processes + coordinator): ${cpuPerJobMs.toFixed(2)} ms, i.e. ${(1000 / cpuPerJobMs * availableParallelism()).toFixed(0)} jobs/s if the queue had this machine's ${availableParallelism()} cores to itself`);

// 2. Real speed-up: 1 local worker vs 2 queue workers, the same tiny real sweep.
const tiny = parseSweepSpec({
  name: 'bench-queue-real', design: 'grid', dataset: { kind: 'moby-dick', tokenizer: 'char' }, context: 32, batchSize: 8,
  seeds: [0, 1, 2, 3, 4, 5], learningRate: { rule: 'constant', value: 0.003 }, evalBatches: 1,
  models: { 'L1-d16': { layers: 1, dModel: 16, heads: 2 } }, grid: { models: ['L1-d16'], tokens: [60 * 8 * 32] },
});
const tinyRuns = expandSweep(tiny);
console.log(`real speed-up: ${tinyRuns.length} runs of ${tinyRuns[0].spec.tokens} tokens (L1 d16 ctx32 b8, WASM), load average ${load()} at start`);
let c0 = selfCpuSeconds();
t0 = process.hrtime.bigint();
const local = await runSweep({ runs: tinyRuns, outPath: join(dir, 'local.jsonl'), workers: 1, backend: 'wasm' });
const wallLocal = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuLocal = selfCpuSeconds() - c0;
ws = await startWorkers(2, {}, ['--backend', 'wasm']);
const qpids = [redis.pid, ...ws.map((w) => w.pid)];
c0 = cpuSeconds(qpids);
t0 = process.hrtime.bigint();
const onQueue = await runSweepOnQueue({ runs: tinyRuns, outPath: join(dir, 'queue.jsonl'), queue, pollMs: 100 });
const wallQueue = Number(process.hrtime.bigint() - t0) / 1e9;
const cpuQueue = cpuSeconds(qpids) - c0; // the trainer processes are still alive here
await stopWorkers(ws);
if (local.completed !== tinyRuns.length || onQueue.completed !== tinyRuns.length) throw new Error('bench: some real runs failed');
const meanRun = (s) => (s.records.reduce((a, r) => a + r.wallSeconds, 0) / s.records.length).toFixed(1);
console.log(`  1 local worker: ${wallLocal.toFixed(1)} s (${meanRun(local)} s per run); 2 queue workers: ${wallQueue.toFixed(1)} s (${meanRun(onQueue)} s per run) (workers started and warm before timing); speed-up ${(wallLocal / wallQueue).toFixed(2)}× (load average ${load()} at end)`);
console.log(`  CPU per run: ${(cpuLocal / tinyRuns.length).toFixed(2)} s local, ${(cpuQueue / tinyRuns.length).toFixed(2)} s on the queue (its trainer processes load TensorFlow.js once each; Redis, lock renewals and polling included)` +
  `; with a free core per worker the queue's speed-up would be about 2 × ${(cpuLocal / cpuQueue).toFixed(2)} = ${((2 * cpuLocal) / cpuQueue).toFixed(2)}×`);
const autogroup = (() => { try { return readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1'; } catch { return false; } })();
if (autogroup) console.log('  note: this kernel groups CPU time by session (sched_autogroup): under load from other sessions, all processes of this benchmark share one group\'s CPU share, so extra workers here cannot get extra CPU; separate machines would.');

redis.kill('SIGKILL');
rmSync(dir, { recursive: true, force: true });
