import { describe, expect, it } from 'vitest';
import { Lbfgs, minimizeLbfgs, type ObjectiveWithGradient } from './lbfgs.js';

// Standard test functions: Moré, Garbow & Hillstrom (1981), "Testing unconstrained
// optimization software", ACM TOMS 7(1) — Rosenbrock (#1), Beale (#5), extended Rosenbrock (#21).
const rosenbrock: ObjectiveWithGradient = (x, g) => {
  let f = 0;
  g.fill(0);
  for (let i = 0; i < x.length - 1; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    f += 100 * a * a + b * b;
    g[i] += -400 * x[i] * a - 2 * b;
    g[i + 1] += 200 * a;
  }
  return f;
};

const beale: ObjectiveWithGradient = (x, g) => {
  const [u, v] = [x[0], x[1]];
  const t1 = 1.5 - u + u * v;
  const t2 = 2.25 - u + u * v * v;
  const t3 = 2.625 - u + u * v * v * v;
  g[0] = 2 * t1 * (v - 1) + 2 * t2 * (v * v - 1) + 2 * t3 * (v * v * v - 1);
  g[1] = 2 * t1 * u + 2 * t2 * 2 * u * v + 2 * t3 * 3 * u * v * v;
  return t1 * t1 + t2 * t2 + t3 * t3;
};

describe('L-BFGS with strong-Wolfe line search', () => {
  it('minimises the 2-D Rosenbrock function from (−1.2, 1) to (1, 1)', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    expect(r.f).toBeLessThan(1e-12);
    expect(r.iterations).toBeLessThan(100);
  });

  it('with acceptShortUnitStep (Armijo-only unit steps) still minimises Rosenbrock and Beale', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { acceptShortUnitStep: true });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
    const x0 = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r20 = minimizeLbfgs(rosenbrock, x0, { maxIterations: 2000, acceptShortUnitStep: true });
    expect(r20.converged).toBe(true);
    for (const v of r20.x) expect(v).toBeCloseTo(1, 5);
    const rb = minimizeLbfgs(beale, [1, 1], { acceptShortUnitStep: true });
    expect(rb.x[0]).toBeCloseTo(3, 5);
    expect(rb.x[1]).toBeCloseTo(0.5, 5);
  });

  it('minimises the 20-D extended Rosenbrock function', () => {
    const x0 = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimizeLbfgs(rosenbrock, x0, { maxIterations: 2000 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1, 5);
  });

  it('minimises Beale from (1, 1) to (3, 0.5)', () => {
    const r = minimizeLbfgs(beale, [1, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(3, 5);
    expect(r.x[1]).toBeCloseTo(0.5, 5);
  });

  it('solves an ill-conditioned quadratic (condition number 1e6) to the exact minimiser', () => {
    const d = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
    const c = [1, -2, 3, -4, 5, -6, 7];
    const fg: ObjectiveWithGradient = (x, g) => {
      let f = 0;
      for (let i = 0; i < d.length; i++) {
        const r = x[i] - c[i];
        f += 0.5 * d[i] * r * r;
        g[i] = d[i] * r;
      }
      return f;
    };
    const r = minimizeLbfgs(fg, new Array(d.length).fill(0), { relGradientTolerance: 1e-15, relFunctionTolerance: 1e-15 });
    expect(r.converged).toBe(true);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(c[i], 6));
  });

  it('is scale-aware: finds the minimiser of a tiny-valued objective (values ~1e-9)', () => {
    // f = 1e-9·Rosenbrock: an absolute tolerance of ~1e-9 would stop at the start.
    const fg: ObjectiveWithGradient = (x, g) => {
      const f = rosenbrock(x, g);
      for (let i = 0; i < g.length; i++) g[i] *= 1e-9;
      return f * 1e-9;
    };
    const r = minimizeLbfgs(fg, [-1.2, 1]);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it('reports why it stopped: an iteration limit is not convergence', () => {
    const r = minimizeLbfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.stopReason).toBe('max-iterations');
    expect(r.converged).toBe(false);
  });

  it('reports a non-finite start instead of returning NaN as an answer', () => {
    const r = minimizeLbfgs((x, g) => {
      g[0] = NaN;
      return Math.log(x[0]);
    }, [-1]);
    expect(r.stopReason).toBe('non-finite');
    expect(r.converged).toBe(false);
  });

  it('an instance can be reused across starts (same answers as fresh instances)', () => {
    const opt = new Lbfgs(2);
    const a = opt.minimize(rosenbrock, [-1.2, 1]);
    const b = opt.minimize(beale, [1, 1]);
    const c = opt.minimize(rosenbrock, [-1.2, 1]);
    expect(Array.from(c.x)).toEqual(Array.from(a.x));
    expect(b.x[0]).toBeCloseTo(3, 5);
  });

  it('each accepted step satisfies sufficient decrease (monotone f over iterations)', () => {
    const fs: number[] = [];
    const opt = new Lbfgs(2, { maxIterations: 1 });
    let x: ArrayLike<number> = [-1.2, 1];
    for (let i = 0; i < 30; i++) {
      const r = opt.minimize(rosenbrock, x);
      fs.push(r.f);
      x = r.x;
    }
    for (let i = 1; i < fs.length; i++) expect(fs[i]).toBeLessThanOrEqual(fs[i - 1]);
  });

  it('the stall test stops a run that keeps creeping down an asymptote, and says it did not converge', () => {
    // f = 1 + e^−x decreases forever toward 1
    const fg: ObjectiveWithGradient = (x, g) => {
      g[0] = -Math.exp(-x[0]);
      return 1 + Math.exp(-x[0]);
    };
    const r = minimizeLbfgs(fg, [0], { stallWindow: 5, stallTolerance: 1e-3, relFunctionTolerance: 1e-15, absGradientTolerance: 0, relGradientTolerance: 0 });
    expect(r.stopReason).toBe('stalled');
    expect(r.converged).toBe(false);
    const free = minimizeLbfgs(fg, [0], { relFunctionTolerance: 1e-15, absGradientTolerance: 0, relGradientTolerance: 0, maxIterations: 50 });
    expect(free.stopReason).not.toBe('stalled');
  });

  it('functionScale makes the f-change test absolute below the scale (L-BFGS-B style) and stops earlier', () => {
    const tiny: ObjectiveWithGradient = (x, g) => {
      const f = rosenbrock(x, g);
      for (let i = 0; i < g.length; i++) g[i] *= 1e-6;
      return f * 1e-6;
    };
    const rel = minimizeLbfgs(tiny, [-1.2, 1], { relFunctionTolerance: 1e-9, relGradientTolerance: 0, absGradientTolerance: 0 });
    const abs = minimizeLbfgs(tiny, [-1.2, 1], { relFunctionTolerance: 1e-9, functionScale: 1, relGradientTolerance: 0, absGradientTolerance: 0 });
    expect(abs.iterations).toBeLessThan(rel.iterations);
    expect(rel.x[0]).toBeCloseTo(1, 3);
  });
});
