/**
 * L-BFGS (limited-memory BFGS) with a strong-Wolfe line search, for smooth
 * unconstrained minimisation with an analytic gradient.
 *
 * Algorithm: two-loop recursion for the inverse-Hessian product (Nocedal &
 * Wright, "Numerical Optimization", 2nd ed., Algorithm 7.4) with the initial
 * scaling γ = sᵀy / yᵀy (eq. 7.20); line search = Algorithm 3.5 + zoom
 * (Algorithm 3.6) with safeguarded cubic interpolation, c1 = 1e-4, c2 = 0.9.
 *
 * Hand-written on purpose: no L-BFGS on the npm registry is dependable (the
 * issue records measurements: optimization-js diverges, fmin's conjugate
 * gradient lands 5% off and its ESM build is broken, numeric is unmaintained).
 * It is built for hot loops: a `Lbfgs` instance owns all its Float64Array
 * buffers, so thousands of restarts (Approach 3's 4,500-start grid) allocate
 * nothing per iteration.
 *
 * Stopping tests are scale-aware: the function-change test is relative to |f|
 * (not to max(|f|, 1) as in L-BFGS-B, which stops early when the objective is
 * small, as a Huber sum of 1e-3 is), and the gradient test is relative to the
 * gradient's size at the start.
 */

/** f(x), writing ∇f(x) into `grad`. Must not keep references to x or grad. */
export type ObjectiveWithGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Number of correction pairs kept (default 10, as scipy). */
  memory?: number;
  /** Iteration limit (default 1000). */
  maxIterations?: number;
  /** Limit on objective evaluations, line searches included (default 20 × maxIterations). */
  maxEvaluations?: number;
  /** Stop when (f_prev − f) ≤ relFunctionTolerance · max(|f_prev|, |f|, functionScale) (default 1e-12). */
  relFunctionTolerance?: number;
  /**
   * Floor of the scale in the function-change test (default 0: purely relative). L-BFGS-B uses
   * 1, which makes its test absolute for objectives below 1 — looser, and cheaper.
   */
  functionScale?: number;
  /** Stop when ‖g‖∞ ≤ max(absGradientTolerance, relGradientTolerance · ‖g₀‖∞) (defaults 1e-12, 1e-9). */
  relGradientTolerance?: number;
  absGradientTolerance?: number;
  /** Stop when the step ‖Δx‖∞ ≤ stepTolerance · max(1, ‖x‖∞) (default 1e-14). */
  stepTolerance?: number;
  /** Line-search constants (defaults 1e-4 and 0.9). */
  c1?: number;
  c2?: number;
  /** Most evaluations in one line search (default 20, as scipy's maxls). */
  maxLineSearchEvaluations?: number;
  /**
   * When a line search spends its budget still extrapolating (f almost linear along the
   * direction), accept its last point instead of failing (default false: on such flat
   * stretches, as in the all-linear region of a Huber loss, failing ends hopeless starts early).
   */
  acceptExtrapolation?: boolean;
  /**
   * Accept a first trial step t = 1 that gives sufficient decrease but is "short" (f still
   * falling along p faster than the curvature condition allows), instead of extrapolating
   * further (default false: strong Wolfe throughout). This is the backtracking-Armijo rule many
   * L-BFGS codes use; the pair is kept only when sᵀy > 0, as always. On the Approach-3 grid it
   * saves ~6% of evaluations (measured); it changes which starts reach the best slightly.
   */
  acceptShortUnitStep?: boolean;
  /**
   * After a failed line search, drop the curvature pairs and retry once along −g, as
   * L-BFGS-B does (default true). Multi-start grids may turn it off: it keeps starts
   * crawling along flat stretches that lead nowhere.
   */
  restartOnLineSearchFailure?: boolean;
  /**
   * Stall test over a window of iterations (default 0 = off): stop with 'stalled' when f fell
   * by less than stallTolerance · |f| over the last `stallWindow` iterations. On the piecewise-
   * linear plateaus of a Huber objective L-BFGS otherwise crawls for hundreds of iterations.
   */
  stallWindow?: number;
  /** Relative decrease over the window below which a run counts as stalled (default 1e-7). */
  stallTolerance?: number;
}

export type LbfgsStopReason =
  | 'gradient' // ‖g‖ small: a stationary point
  | 'function-change' // relative decrease in f below tolerance
  | 'step' // the step became negligible
  | 'predicted-change' // line search could not improve f and the predicted decrease −gᵀp is below the f tolerance
  | 'max-iterations'
  | 'max-evaluations'
  | 'line-search' // no point met the Wolfe conditions (often: converged to rounding noise)
  | 'stalled' // f fell by less than stallTolerance over stallWindow iterations (not convergence)
  | 'non-finite'; // f or ∇f became NaN/∞ at the start point

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  /** ‖∇f‖∞ at x. */
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  stopReason: LbfgsStopReason;
  /** True for 'gradient', 'function-change', 'step' and 'predicted-change'. */
  converged: boolean;
}

const CONVERGED: ReadonlySet<LbfgsStopReason> = new Set(['gradient', 'function-change', 'step', 'predicted-change']);

/** A reusable L-BFGS minimiser for problems of a fixed dimension. */
export class Lbfgs {
  readonly dim: number;
  private readonly m: number;
  private readonly opts: Required<LbfgsOptions>;
  // state buffers
  private readonly x: Float64Array;
  private readonly g: Float64Array;
  private readonly p: Float64Array;
  private readonly xt: Float64Array;
  private readonly gt: Float64Array;
  private readonly xlo: Float64Array;
  private readonly glo: Float64Array;
  private readonly s: Float64Array; // m × dim, ring buffer
  private readonly y: Float64Array;
  private readonly rho: Float64Array;
  private readonly alphaBuf: Float64Array;
  private readonly fHistory: Float64Array;
  private evaluations = 0;
  private ft = 0;
  private dft = 0;

  constructor(dim: number, options: LbfgsOptions = {}) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`Lbfgs: dim must be a positive integer, got ${dim}`);
    this.dim = dim;
    const maxIterations = options.maxIterations ?? 1000;
    this.opts = {
      memory: options.memory ?? 10,
      maxIterations,
      maxEvaluations: options.maxEvaluations ?? 20 * maxIterations,
      relFunctionTolerance: options.relFunctionTolerance ?? 1e-12,
      functionScale: options.functionScale ?? 0,
      relGradientTolerance: options.relGradientTolerance ?? 1e-9,
      absGradientTolerance: options.absGradientTolerance ?? 1e-12,
      stepTolerance: options.stepTolerance ?? 1e-14,
      c1: options.c1 ?? 1e-4,
      c2: options.c2 ?? 0.9,
      maxLineSearchEvaluations: options.maxLineSearchEvaluations ?? 20,
      acceptExtrapolation: options.acceptExtrapolation ?? false,
      acceptShortUnitStep: options.acceptShortUnitStep ?? false,
      restartOnLineSearchFailure: options.restartOnLineSearchFailure ?? true,
      stallWindow: options.stallWindow ?? 0,
      stallTolerance: options.stallTolerance ?? 1e-7,
    };
    this.m = this.opts.memory;
    this.x = new Float64Array(dim);
    this.g = new Float64Array(dim);
    this.p = new Float64Array(dim);
    this.xt = new Float64Array(dim);
    this.gt = new Float64Array(dim);
    this.xlo = new Float64Array(dim);
    this.glo = new Float64Array(dim);
    this.s = new Float64Array(this.m * dim);
    this.y = new Float64Array(this.m * dim);
    this.rho = new Float64Array(this.m);
    this.alphaBuf = new Float64Array(this.m);
    this.fHistory = new Float64Array(Math.max(1, this.opts.stallWindow));
  }

  /**
   * Minimises `fg` from `x0`. The result's `x` is a fresh copy unless `out`
   * (length dim) is given, in which case it is written there.
   */
  minimize(fg: ObjectiveWithGradient, x0: ArrayLike<number>, out?: Float64Array): LbfgsResult {
    const n = this.dim;
    const { x, g, p, s, y, rho, alphaBuf, m, opts } = this;
    if (x0.length !== n) throw new RangeError(`Lbfgs: x0 has length ${x0.length}, expected ${n}`);
    for (let i = 0; i < n; i++) x[i] = x0[i];
    this.evaluations = 1;
    let f = fg(x, g);
    let gnorm = normInf(g);
    const result = (stopReason: LbfgsStopReason, iterations: number): LbfgsResult => {
      const xr = out ?? new Float64Array(n);
      xr.set(x);
      return {
        x: xr,
        f,
        gradientNorm: gnorm,
        iterations,
        evaluations: this.evaluations,
        stopReason,
        converged: CONVERGED.has(stopReason),
      };
    };
    if (!Number.isFinite(f) || !Number.isFinite(gnorm)) return result('non-finite', 0);
    const gtol = Math.max(opts.absGradientTolerance, opts.relGradientTolerance * gnorm);
    if (gnorm <= gtol) return result('gradient', 0);

    let stored = 0; // number of valid pairs
    let head = 0; // index of the next slot to write
    for (let iter = 1; iter <= opts.maxIterations; iter++) {
      // --- direction p = −H g (two-loop recursion) ---
      for (let i = 0; i < n; i++) p[i] = -g[i];
      let k = head;
      for (let j = 0; j < stored; j++) {
        k = k === 0 ? m - 1 : k - 1; // ring-buffer step without % (it showed in profiles)
        const off = k * n;
        let sp = 0;
        for (let i = 0; i < n; i++) sp += s[off + i] * p[i];
        const a = rho[k] * sp;
        alphaBuf[k] = a;
        for (let i = 0; i < n; i++) p[i] -= a * y[off + i];
      }
      if (stored > 0) {
        const last = (head === 0 ? m - 1 : head - 1) * n;
        let sy = 0;
        let yy = 0;
        for (let i = 0; i < n; i++) {
          sy += s[last + i] * y[last + i];
          yy += y[last + i] * y[last + i];
        }
        const gamma = sy / yy;
        for (let i = 0; i < n; i++) p[i] *= gamma;
      }
      for (let j = 0; j < stored; j++) {
        const off = k * n;
        let yp = 0;
        for (let i = 0; i < n; i++) yp += y[off + i] * p[i];
        const b = rho[k] * yp;
        const a = alphaBuf[k];
        for (let i = 0; i < n; i++) p[i] += (a - b) * s[off + i];
        k = k === m - 1 ? 0 : k + 1;
      }
      let dphi0 = dot(g, p, n);
      if (!(dphi0 < 0)) {
        // not a descent direction (lost curvature information): restart from steepest descent
        stored = 0;
        for (let i = 0; i < n; i++) p[i] = -g[i];
        dphi0 = dot(g, p, n);
      }
      // first step: keep the initial move modest; later: the quasi-Newton step 1
      const step0 = stored === 0 ? Math.min(1, 1 / normInf(p)) : 1;

      // --- strong-Wolfe line search; on success xt/gt/ft hold the new point ---
      let ok = this.lineSearch(fg, f, dphi0, step0);
      if (!ok && opts.restartOnLineSearchFailure && stored > 0 && this.evaluations < opts.maxEvaluations) {
        // As L-BFGS-B does: drop the curvature pairs and retry once along −g.
        stored = 0;
        for (let i = 0; i < n; i++) p[i] = -g[i];
        ok = this.lineSearch(fg, f, dot(g, p, n), Math.min(1, 1 / normInf(p)));
      }
      if (this.evaluations >= opts.maxEvaluations && !ok) return result('max-evaluations', iter);
      if (!ok) {
        // A line search that fails when even the first-order predicted decrease is below the
        // function tolerance has hit the resolution of f: that is convergence, not failure.
        const predicted = -dot(g, p, n);
        if (predicted <= opts.relFunctionTolerance * Math.max(Math.abs(f), 1e-300)) return result('predicted-change', iter);
        return result('line-search', iter);
      }

      // --- update pairs s = x_new − x, y = g_new − g ---
      const off = head * n;
      let sy = 0;
      let stepNorm = 0;
      let xNorm = 0;
      for (let i = 0; i < n; i++) {
        const si = this.xt[i] - x[i];
        const yi = this.gt[i] - g[i];
        s[off + i] = si;
        y[off + i] = yi;
        sy += si * yi;
        const as = Math.abs(si);
        if (as > stepNorm) stepNorm = as;
        const ax = Math.abs(this.xt[i]);
        if (ax > xNorm) xNorm = ax;
      }
      if (sy > 1e-300) {
        rho[head] = 1 / sy;
        head = head === m - 1 ? 0 : head + 1;
        if (stored < m) stored++;
      }
      const fPrev = f;
      x.set(this.xt);
      g.set(this.gt);
      f = this.ft;
      gnorm = normInf(g);

      if (gnorm <= gtol) return result('gradient', iter);
      if (fPrev - f <= opts.relFunctionTolerance * Math.max(Math.abs(fPrev), Math.abs(f), opts.functionScale, 1e-300)) {
        return result('function-change', iter);
      }
      if (stepNorm <= opts.stepTolerance * Math.max(1, xNorm)) return result('step', iter);
      const w = opts.stallWindow;
      if (w > 0) {
        const slot = iter % w;
        if (iter > w && this.fHistory[slot] - f <= opts.stallTolerance * Math.abs(f)) return result('stalled', iter);
        this.fHistory[slot] = f;
      }
      if (this.evaluations >= opts.maxEvaluations) return result('max-evaluations', iter);
    }
    return result('max-iterations', opts.maxIterations);
  }

  /** Evaluates at x + t·p into xt/gt/ft/dft. */
  private evalAt(fg: ObjectiveWithGradient, t: number): void {
    const { x, p, xt, gt, dim } = this;
    for (let i = 0; i < dim; i++) xt[i] = x[i] + t * p[i];
    this.evaluations++;
    this.ft = fg(xt, gt);
    this.dft = dot(gt, p, dim);
  }

  /**
   * Nocedal & Wright Algorithm 3.5 (bracketing) + 3.6 (zoom). Returns true with
   * the accepted point in xt/gt/ft; false if no acceptable point was found
   * (xt then holds nothing useful).
   */
  private lineSearch(fg: ObjectiveWithGradient, f0: number, dphi0: number, step0: number): boolean {
    const { c1, c2, maxLineSearchEvaluations } = this.opts;
    let tPrev = 0;
    let fPrev = f0;
    let dPrev = dphi0;
    let t = step0;
    for (let i = 0; i < maxLineSearchEvaluations; i++) {
      this.evalAt(fg, t);
      const ft = this.ft;
      const dft = this.dft;
      if (!Number.isFinite(ft) || !Number.isFinite(dft)) {
        // stepped into a region where f is undefined: shrink
        t = tPrev + 0.1 * (t - tPrev);
        continue;
      }
      if (ft > f0 + c1 * t * dphi0 || (i > 0 && ft >= fPrev)) {
        return this.zoom(fg, f0, dphi0, tPrev, fPrev, dPrev, t, ft, dft, maxLineSearchEvaluations - i - 1);
      }
      if (Math.abs(dft) <= -c2 * dphi0) return true;
      if (i === 0 && t === 1 && dft < 0 && this.opts.acceptShortUnitStep) return true;
      if (dft >= 0) {
        return this.zoom(fg, f0, dphi0, t, ft, dft, tPrev, fPrev, dPrev, maxLineSearchEvaluations - i - 1);
      }
      // extrapolate: cubic step clamped to [1.1 t, 10 t]
      const tNext = cubicMin(tPrev, fPrev, dPrev, t, ft, dft);
      const lo = t + 1.1 * (t - tPrev);
      const hi = t + 10 * (t - tPrev);
      tPrev = t;
      fPrev = ft;
      dPrev = dft;
      this.xlo.set(this.xt);
      this.glo.set(this.gt);
      t = Number.isFinite(tNext) ? Math.min(Math.max(tNext, lo), hi) : t + 4 * (t - tPrev);
    }
    // Budget spent while still extrapolating (f nearly linear along p): optionally accept
    // the last point, which met sufficient decrease (L-BFGS-B stops at its step cap likewise).
    if (this.opts.acceptExtrapolation && tPrev > 0 && fPrev < f0) {
      this.xt.set(this.xlo);
      this.gt.set(this.glo);
      this.ft = fPrev;
      this.dft = dPrev;
      return true;
    }
    return false;
  }

  private zoom(
    fg: ObjectiveWithGradient,
    f0: number,
    dphi0: number,
    tLo: number,
    fLo: number,
    dLo: number,
    tHi: number,
    fHi: number,
    dHi: number,
    budget: number,
  ): boolean {
    const { c1, c2 } = this.opts;
    // remember the lo point's x/g so it can be accepted as a fallback
    let haveLo = tLo > 0;
    if (haveLo) {
      // the lo point is either the last bracketing point (stored in xlo/glo) or the current xt
      if (this.ft === fLo && this.dft === dLo) {
        this.xlo.set(this.xt);
        this.glo.set(this.gt);
      }
    }
    for (let i = 0; i < budget; i++) {
      const width = tHi - tLo;
      // Safeguarded interpolation: cubic through both ends; else the quadratic through
      // (f_lo, f'_lo, f_hi), which shrinks fast when f_hi is far above f_lo; clamped to
      // the middle 80% of the bracket so the bracket always shrinks.
      const a = tLo + 0.1 * width;
      const b = tHi - 0.1 * width;
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      let t = cubicMin(tLo, fLo, dLo, tHi, fHi, dHi);
      if (!Number.isFinite(t) || t < lo || t > hi) {
        const denom = 2 * (fHi - fLo - dLo * width);
        t = Number.isFinite(fHi) && denom > 0 ? tLo - (dLo * width * width) / denom : NaN;
        if (!Number.isFinite(t)) t = tLo + 0.5 * width;
        else t = Math.min(Math.max(t, lo), hi);
      }
      if (Math.abs(width) <= 1e-16 * Math.max(1, Math.abs(tLo))) break;
      this.evalAt(fg, t);
      const ft = this.ft;
      const dft = this.dft;
      if (!Number.isFinite(ft) || ft > f0 + c1 * t * dphi0 || ft >= fLo) {
        tHi = t;
        fHi = Number.isFinite(ft) ? ft : Infinity;
        dHi = Number.isFinite(dft) ? dft : NaN;
      } else {
        if (Math.abs(dft) <= -c2 * dphi0) return true;
        if (dft * (tHi - tLo) >= 0) {
          tHi = tLo;
          fHi = fLo;
          dHi = dLo;
        }
        tLo = t;
        fLo = ft;
        dLo = dft;
        this.xlo.set(this.xt);
        this.glo.set(this.gt);
        haveLo = true;
      }
    }
    // Budget spent: accept the best point with sufficient decrease, if any.
    if (haveLo && fLo < f0) {
      this.xt.set(this.xlo);
      this.gt.set(this.glo);
      this.ft = fLo;
      this.dft = dLo;
      return true;
    }
    return false;
  }
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db); NaN if none. */
function cubicMin(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  if (!Number.isFinite(fb) || !Number.isFinite(db)) return NaN;
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}

function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (v > m || v !== v) m = v !== v ? NaN : v;
    if (m !== m) return NaN;
  }
  return m;
}

/** One-shot convenience: `new Lbfgs(x0.length, options).minimize(fg, x0)`. */
export function minimizeLbfgs(fg: ObjectiveWithGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  return new Lbfgs(x0.length, options).minimize(fg, x0);
}
