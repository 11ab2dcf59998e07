#!/usr/bin/env node
// Benchmark of the scaling-law fits (issue 3): the full 4,500-start Approach-3 fit on the
// Chinchilla data (240 runs) and a 1,000-sample warm-started bootstrap; then, when Debian's
// python3 with scipy is present, scipy's L-BFGS-B on the same grid (scripts/bench/fit_scipy.py,
// run with OPENBLAS_CORETYPE unset) and the ratio. Wall and CPU seconds are both printed: the
// machine is shared, and CPU time is the fairer single-core figure.
// The same run also times the grid with the objective written plainly from its formula
// (Math.exp ×2 + Math.log per point, as before the optimised objective) through the same
// optimiser, and prints the ratio: the speed-up of the objective, measured under the same load.
// Env: FIT_BENCH_REPEATS (default 3), FIT_BENCH_SCIPY_STARTS (default 4500; 0 skips scipy),
// FIT_BENCH_PLAIN (default 1; 0 skips the plain-objective comparison).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapChinchilla, chinchillaPoints, fitChinchilla } from '../../packages/core/dist/index.js';
import { chinchillaData, GRID_LBFGS_OPTIONS, HOFFMANN_GRID } from '../../packages/core/dist/fit/fitChinchilla.js';
import { Lbfgs } from '../../packages/core/dist/fit/lbfgs.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const repeats = Number(process.env.FIT_BENCH_REPEATS ?? 3);
const scipyStarts = Number(process.env.FIT_BENCH_SCIPY_STARTS ?? 4500);
const plain = process.env.FIT_BENCH_PLAIN !== '0';

/** The Approach-3 objective straight from its formula (the pre-optimisation code), same semantics. */
function plainObjective(data, delta) {
  const { logN, logD, logL, weights } = data;
  const n = logN.length;
  return (x, g) => {
    const [a, b, e, al, be] = x;
    let f = 0, ga = 0, gb = 0, ge = 0, gal = 0, gbe = 0;
    const E = Math.exp(e);
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      const t1 = a - al * logN[i];
      const t2 = b - be * logD[i];
      let e1 = Math.exp(t1), e2 = Math.exp(t2), e3 = E;
      let s = e1 + e2 + e3;
      let m = 0;
      if (!(s < 1e300 && s > 1e-300)) {
        m = Math.max(t1, t2, e);
        e1 = Math.exp(t1 - m); e2 = Math.exp(t2 - m); e3 = Math.exp(e - m);
        s = e1 + e2 + e3;
      }
      const r = m + Math.log(s) - logL[i];
      const dh = r > delta ? delta : r < -delta ? -delta : r;
      f += w * dh * (r - 0.5 * dh);
      const k = (w * dh) / s;
      ga += e1 * k; gb += e2 * k; ge += e3 * k; gal -= e1 * k * logN[i]; gbe -= e2 * k * logD[i];
    }
    g[0] = ga; g[1] = gb; g[2] = ge; g[3] = gal; g[4] = gbe;
    return f;
  };
}

/** The grid + polish loop of fitChinchillaData, with a given objective. */
function gridWith(fg) {
  const opt = new Lbfgs(5, GRID_LBFGS_OPTIONS);
  const x0 = new Float64Array(5), out = new Float64Array(5), bx = new Float64Array(5);
  const G = HOFFMANN_GRID;
  let best = Infinity, evaluations = 0;
  for (const alpha of G.alpha) for (const beta of G.beta) for (const e of G.e) for (const a of G.a) for (const b of G.b) {
    x0[0] = a; x0[1] = b; x0[2] = e; x0[3] = alpha; x0[4] = beta;
    const r = opt.minimize(fg, x0, out);
    evaluations += r.evaluations;
    if (r.f < best) { best = r.f; bx.set(out); }
  }
  const p = new Lbfgs(5).minimize(fg, bx, out);
  return { objective: Math.min(best, p.f), evaluations: evaluations + p.evaluations };
}

function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}
const f3 = (x) => x.toFixed(3);

console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} — timings on a busy machine run slow`);
const pts = chinchillaPoints();
const fits = [];
for (let i = 0; i < repeats; i++) fits.push(timed(() => fitChinchilla(pts)));
const best = fits.reduce((a, b) => (b.cpu < a.cpu ? b : a));
const plainRuns = [];
if (plain) {
  const fgPlain = plainObjective(chinchillaData(pts), 1e-3);
  for (let i = 0; i < Math.min(repeats, 2); i++) plainRuns.push(timed(() => gridWith(fgPlain)));
}
const fit = best.value;
console.log(`Approach 3, full grid (${fit.starts} starts, ${fit.points} runs, ${fit.evaluations} objective evaluations):`);
console.log(`  wall s: ${fits.map((f) => f3(f.wall)).join(', ')}   cpu s: ${fits.map((f) => f3(f.cpu)).join(', ')}   (best cpu ${f3(best.cpu)} s; target < 2 s)`);
console.log(`  objective ${fit.objective.toPrecision(10)} (reference 0.001018274018); E ${fit.law.E.toFixed(4)} A ${fit.law.A.toFixed(1)} B ${fit.law.B.toFixed(1)} α ${fit.law.alpha.toFixed(5)} β ${fit.law.beta.toFixed(5)}`);
console.log(`  ${fit.converged ? 'converged' : 'NOT converged'} (${fit.stopReason}); ${fit.startsAtBest} starts reached the best`);
if (plainRuns.length) {
  const pb = plainRuns.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  console.log(`  same grid, plain-formula objective (2 Math.exp + 1 Math.log per point; ${pb.value.evaluations} evaluations, objective ${pb.value.objective.toPrecision(10)}): wall s ${plainRuns.map((f) => f3(f.wall)).join(', ')}   cpu s ${plainRuns.map((f) => f3(f.cpu)).join(', ')}`);
  console.log(`  ratio plain/ours (best cpu): ${(pb.cpu / best.cpu).toFixed(2)}×   load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

const boot = timed(() => bootstrapChinchilla(pts, { samples: 1000, seed: 42, fit }));
const iv = boot.value.intervals;
console.log(`Bootstrap, 1,000 samples (warm-started): wall ${f3(boot.wall)} s, cpu ${f3(boot.cpu)} s; ${boot.value.convergedCount} converged`);
console.log(`  standard errors: A ${iv.A.se.toFixed(1)} (published 124.5), B ${iv.B.se.toFixed(0)} (1293), E ${iv.E.se.toFixed(4)} (0.0257), α ${iv.alpha.se.toFixed(4)} (0.0154), β ${iv.beta.se.toFixed(4)} (0.0206)`);

const py = '/usr/bin/python3';
const hasScipy = existsSync(py) && spawnSync(py, ['-c', 'import scipy'], { encoding: 'utf8' }).status === 0;
if (!hasScipy) {
  console.log('scipy: skipped (no /usr/bin/python3 with scipy; apt-get install python3-scipy to compare)');
} else if (scipyStarts <= 0) {
  console.log('scipy: skipped (FIT_BENCH_SCIPY_STARTS=0)');
} else {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  const r = spawnSync(py, [join(root, 'scripts/bench/fit_scipy.py'), join(root, 'packages/core/data/chinchilla/svg_extracted_data.csv'), String(scipyStarts)], { encoding: 'utf8', env });
  if (r.status !== 0) {
    console.log(`scipy: failed (${(r.stderr || '').trim().split('\n').pop()})`);
  } else {
    const s = JSON.parse(r.stdout.trim().split('\n').pop());
    const scale = 4500 / s.starts;
    console.log(`scipy ${spawnSync(py, ['-c', 'import scipy;print(scipy.__version__)'], { encoding: 'utf8' }).stdout.trim()} L-BFGS-B, analytic gradient, ${s.starts} starts: wall ${f3(s.seconds)} s, cpu ${f3(s.cpuSeconds)} s${scale !== 1 ? ` (×${scale} for 4,500 starts)` : ''}; objective ${s.objective.toPrecision(10)}`);
    console.log(`  ratio scipy/ours (cpu, full grid): ${(s.cpuSeconds * scale / best.cpu).toFixed(1)}×`);
  }
}
