#!/usr/bin/env python3
"""scipy reference timing for the Approach-3 grid fit (called by scripts/bench/fit.mjs).

Same data (packages/core/data/chinchilla/svg_extracted_data.csv, 5 highest-loss rows
dropped, D = C/(6N)), same objective (sum of scipy.special.huber(1e-3, LSE(a - alpha log N,
b - beta log D, e) - log L)) with its analytic gradient (jac=True), same 4,500-start grid,
scipy.optimize.minimize(method='L-BFGS-B') with default tolerances, as Besiroglu et al.
2024 (arXiv 2404.10102) did. Prints one JSON line: seconds, best objective, parameters.
Usage: fit_scipy.py <csv> [max_starts]
"""
import csv, json, sys, time
import numpy as np
from scipy.optimize import minimize
from scipy.special import huber, logsumexp

path = sys.argv[1]
max_starts = int(sys.argv[2]) if len(sys.argv) > 2 else 4500
with open(path) as f:
    rows = list(csv.DictReader(f))
N = np.array([float(r['Model Size']) for r in rows])
C = np.array([float(r['Training FLOP']) for r in rows])
L = np.array([float(r['loss']) for r in rows])
keep = L < np.sort(L)[-5]
N, C, L = N[keep], C[keep], L[keep]
D = C / (6 * N)
lN, lD, lL = np.log(N), np.log(D), np.log(L)
delta = 1e-3

def fg(x):
    a, b, e, al, be = x
    t = np.stack([a - al * lN, b - be * lD, np.full_like(lN, e)])
    lse = logsumexp(t, axis=0)
    r = lse - lL
    f = huber(delta, r).sum()
    dh = np.clip(r, -delta, delta)
    w = np.exp(t - lse) * dh
    g = np.array([w[0].sum(), w[1].sum(), w[2].sum(), -(w[0] * lN).sum(), -(w[1] * lD).sum()])
    return f, g

starts = [(a, b, e, al, be)
          for al in np.arange(0, 2.5, 0.5) for be in np.arange(0, 2.5, 0.5)
          for e in np.arange(-1, 1.5, 0.5) for a in np.arange(0, 30, 5) for b in np.arange(0, 30, 5)][:max_starts]
t0 = time.perf_counter(); c0 = time.process_time()
best = None
for s in starts:
    r = minimize(fg, np.array(s, dtype=float), jac=True, method='L-BFGS-B')
    if best is None or r.fun < best.fun:
        best = r
sec = time.perf_counter() - t0; cpu = time.process_time() - c0
a, b, e, al, be = best.x
print(json.dumps({"seconds": sec, "cpuSeconds": cpu, 'starts': len(starts), 'objective': float(best.fun),
                  'E': float(np.exp(e)), 'A': float(np.exp(a)), 'B': float(np.exp(b)), 'alpha': float(al), 'beta': float(be)}))
