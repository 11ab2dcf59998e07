// The training engine's kernels, in AssemblyScript, compiled to WebAssembly with
// 128-bit SIMD (scripts/gen-kernels.mjs → src/train/engine/kernels.generated.ts).
//
// Why by hand: TensorFlow.js's WASM backend runs each op through ~20–80 µs of
// dispatch, copies every tensor a gradient saves, sends matmuls with a transposed
// operand to a scalar loop and re-packs XNNPACK's right operand on every call; the
// sweep-sized model's step was 72 % dispatch (scripts/bench/profiles/). These
// kernels work in place on the backend's own memory (the module imports it), are
// called straight from JavaScript, and need no transposed copies: a matrix
// product reads its left operand through two strides, so Aᵀ·B costs what A·B does.
//
// Every pointer is a byte offset into that memory; every array is float32 (ids
// int32), row-major. Nothing here allocates: the caller lays out a workspace.
// The maths is the model's (src/train/model.ts), checked against tfjs autodiff in
// src/train/engine/engine.test.ts.

// ---------------------------------------------------------------- matrix product

// Cache blocks (floats): a KC × NC block of B is copied into `pack` (64 KiB, in
// L2) as 8-column panels, each KC rows of 8 contiguous floats, and each 4-row
// strip of A into 4·KC floats after it (k-major: the strip's 4 values for one k
// side by side); the micro-kernel then streams both sequentially whatever the
// operands' strides (power-of-two strides otherwise map a panel's rows onto a few
// cache sets) and reads the strip through one pointer. Measured on the reference
// model's products (2048×128×512 and the like, A·B and Aᵀ·B; scripts/bench/kernels.mjs):
// unpacked 16.4 GFLOP/s, B packed 17.5, both packed 20.9 (NC 64 → 128: +5 %).
// KC fixes the order of the sums (changing it changes results in the last bits);
// NC and the packing do not.
const KC: i32 = 128;
const NC: i32 = 128;

/**
 * C[M,N] = A·B (accumulate = 0) or C += A·B (accumulate = 1), where element
 * A(i,k) is at a + 4·(i·sai + k·sak) (sai = K, sak = 1 for a row-major A [M,K];
 * sai = 1, sak = M for Aᵀ of a row-major [K,M]), B is row-major with row stride
 * ldb and C row-major with row stride ldc. `pack`: KC·(NC + 4) floats of
 * scratch (GEMM_PACK_FLOATS in src/train/engine/engine.ts).
 */
export function gemm(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, M: i32, N: i32, K: i32, accumulate: i32, pack: usize): void {
  if (K === 0) {
    if (!accumulate) for (let i = 0; i < M; i++) memory.fill(c + <usize>(i * ldc) * 4, 0, <usize>N * 4);
    return;
  }
  for (let jc = 0; jc < N; jc += NC) {
    const nc = min(NC, N - jc);
    const n8 = nc & ~7;
    for (let kc = 0; kc < K; kc += KC) {
      const kb = min(KC, K - kc);
      const bb = b + <usize>(kc * ldb + jc) * 4;
      const bstep = <usize>ldb * 4;
      for (let j = 0; j < n8; j += 8) {
        let dst = pack + <usize>(j * kb) * 4;
        let src = bb + <usize>j * 4;
        for (let k = 0; k < kb; k++) {
          v128.store(dst, v128.load(src));
          v128.store(dst, v128.load(src, 16), 16);
          dst += 32;
          src += bstep;
        }
      }
      block(a + <usize>(kc * sak) * 4, sai, sak, pack, bb, ldb, c + <usize>jc * 4, ldc, M, nc, kb, kc > 0 ? 1 : accumulate);
    }
  }
}

// One cache block: 4 × 8 register tiles (8 accumulators, two B vectors, one
// broadcast A element; load32_splat is a single broadcast load, where
// splat(load) took a load and a shuffle: 9 % faster). Columns past the last
// full panel come from B itself.
function block(a: usize, sai: i32, sak: i32, pk: usize, b: usize, ldb: i32, c: usize, ldc: i32, M: i32, N: i32, K: i32, accumulate: i32): void {
  const N8 = N & ~7;
  const astep = <usize>sak * 4;
  const arow = <usize>sai * 4;
  const crow = <usize>ldc * 4;
  const apk = pk + <usize>(NC * KC) * 4;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = a + <usize>(i * sai) * 4;
    const a1 = a0 + arow;
    const a2 = a1 + arow;
    const a3 = a2 + arow;
    let ao: usize = 0;
    let dst = apk;
    if (sai === 1) {
      for (let k = 0; k < K; k++) { v128.store(dst, v128.load(a0 + ao)); dst += 16; ao += astep; }
    } else {
      for (let k = 0; k < K; k++) {
        store<f32>(dst, load<f32>(a0 + ao));
        store<f32>(dst, load<f32>(a1 + ao), 4);
        store<f32>(dst, load<f32>(a2 + ao), 8);
        store<f32>(dst, load<f32>(a3 + ao), 12);
        dst += 16;
        ao += astep;
      }
    }
    const c0 = c + <usize>(i * ldc) * 4;
    const c1 = c0 + crow;
    const c2 = c1 + crow;
    const c3 = c2 + crow;
    for (let j = 0; j < N8; j += 8) {
      let x00 = f32x4.splat(0), x01 = f32x4.splat(0), x10 = f32x4.splat(0), x11 = f32x4.splat(0);
      let x20 = f32x4.splat(0), x21 = f32x4.splat(0), x30 = f32x4.splat(0), x31 = f32x4.splat(0);
      let bp = pk + <usize>(j * K) * 4;
      let ap = apk;
      for (let k = 0; k < K; k++) {
        const b0 = v128.load(bp);
        const b1 = v128.load(bp, 16);
        let s = v128.load32_splat(ap);
        x00 = f32x4.add(x00, f32x4.mul(s, b0)); x01 = f32x4.add(x01, f32x4.mul(s, b1));
        s = v128.load32_splat(ap, 4);
        x10 = f32x4.add(x10, f32x4.mul(s, b0)); x11 = f32x4.add(x11, f32x4.mul(s, b1));
        s = v128.load32_splat(ap, 8);
        x20 = f32x4.add(x20, f32x4.mul(s, b0)); x21 = f32x4.add(x21, f32x4.mul(s, b1));
        s = v128.load32_splat(ap, 12);
        x30 = f32x4.add(x30, f32x4.mul(s, b0)); x31 = f32x4.add(x31, f32x4.mul(s, b1));
        bp += 32;
        ap += 16;
      }
      const o = <usize>j * 4;
      if (accumulate) {
        x00 = f32x4.add(x00, v128.load(c0 + o)); x01 = f32x4.add(x01, v128.load(c0 + o, 16));
        x10 = f32x4.add(x10, v128.load(c1 + o)); x11 = f32x4.add(x11, v128.load(c1 + o, 16));
        x20 = f32x4.add(x20, v128.load(c2 + o)); x21 = f32x4.add(x21, v128.load(c2 + o, 16));
        x30 = f32x4.add(x30, v128.load(c3 + o)); x31 = f32x4.add(x31, v128.load(c3 + o, 16));
      }
      v128.store(c0 + o, x00); v128.store(c0 + o, x01, 16);
      v128.store(c1 + o, x10); v128.store(c1 + o, x11, 16);
      v128.store(c2 + o, x20); v128.store(c2 + o, x21, 16);
      v128.store(c3 + o, x30); v128.store(c3 + o, x31, 16);
    }
    if (N8 < N) for (let r = 0; r < 4; r++) tailCols(a, sai, sak, b, ldb, c, ldc, i + r, N8, N, K, accumulate);
  }
  for (; i < M; i++) {
    // the last rows (M not a multiple of 4): one row at a time over the same packed panels
    const ar = a + <usize>(i * sai) * 4;
    const cr = c + <usize>(i * ldc) * 4;
    for (let j = 0; j < N8; j += 8) {
      let x0 = f32x4.splat(0), x1 = f32x4.splat(0);
      let bp = pk + <usize>(j * K) * 4;
      let ao: usize = 0;
      for (let k = 0; k < K; k++) {
        const s = v128.load32_splat(ar + ao);
        x0 = f32x4.add(x0, f32x4.mul(s, v128.load(bp)));
        x1 = f32x4.add(x1, f32x4.mul(s, v128.load(bp, 16)));
        bp += 32;
        ao += astep;
      }
      const o = <usize>j * 4;
      if (accumulate) { x0 = f32x4.add(x0, v128.load(cr + o)); x1 = f32x4.add(x1, v128.load(cr + o, 16)); }
      v128.store(cr + o, x0);
      v128.store(cr + o, x1, 16);
    }
    if (N8 < N) tailCols(a, sai, sak, b, ldb, c, ldc, i, N8, N, K, accumulate);
  }
}

function tailCols(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, i: i32, j0: i32, N: i32, K: i32, accumulate: i32): void {
  for (let j = j0; j < N; j++) {
    let s: f32 = 0;
    for (let k = 0; k < K; k++) s += load<f32>(a + <usize>(i * sai + k * sak) * 4) * load<f32>(b + <usize>(k * ldb + j) * 4);
    const p = c + <usize>(i * ldc + j) * 4;
    store<f32>(p, accumulate ? load<f32>(p) + s : s);
  }
}

/**
 * dst [cols, rows] = srcᵀ for src [rows, cols] with row stride lds: 4 × 4 blocks
 * by shuffles (four vector loads, eight shuffles, four vector stores), walked in
 * 16 × 16 tiles so both sides stay in cache; the edges element by element.
 */
export function transpose(src: usize, rows: i32, cols: i32, lds: i32, dst: usize): void {
  const rows4 = rows & ~3;
  const cols4 = cols & ~3;
  const sstep = <usize>lds * 4;
  const dstep = <usize>rows * 4;
  for (let r0 = 0; r0 < rows4; r0 += 16) {
    const r1 = min(r0 + 16, rows4);
    for (let c0 = 0; c0 < cols4; c0 += 16) {
      const c1 = min(c0 + 16, cols4);
      for (let r = r0; r < r1; r += 4) {
        for (let c = c0; c < c1; c += 4) {
          const s = src + <usize>(r * lds + c) * 4;
          const x0 = v128.load(s);
          const x1 = v128.load(s + sstep);
          const x2 = v128.load(s + 2 * sstep);
          const x3 = v128.load(s + 3 * sstep);
          const t0 = v128.shuffle<i32>(x0, x1, 0, 4, 1, 5);
          const t1 = v128.shuffle<i32>(x0, x1, 2, 6, 3, 7);
          const t2 = v128.shuffle<i32>(x2, x3, 0, 4, 1, 5);
          const t3 = v128.shuffle<i32>(x2, x3, 2, 6, 3, 7);
          const d = dst + <usize>(c * rows + r) * 4;
          v128.store(d, v128.shuffle<i32>(t0, t2, 0, 1, 4, 5));
          v128.store(d + dstep, v128.shuffle<i32>(t0, t2, 2, 3, 6, 7));
          v128.store(d + 2 * dstep, v128.shuffle<i32>(t1, t3, 0, 1, 4, 5));
          v128.store(d + 3 * dstep, v128.shuffle<i32>(t1, t3, 2, 3, 6, 7));
        }
      }
    }
  }
  // the edges: rows past rows4 (all columns) and columns past cols4 (the other rows)
  for (let r = 0; r < rows; r++) {
    const s = src + <usize>(r * lds) * 4;
    for (let c = r < rows4 ? cols4 : 0; c < cols; c++) store<f32>(dst + <usize>(c * rows + r) * 4, load<f32>(s + <usize>c * 4));
  }
}

// ---------------------------------------------------------------- elementwise

/** c[i, :] += bias for c [M, N]. */
export function addBias(c: usize, bias: usize, M: i32, N: i32): void {
  for (let i = 0; i < M; i++) {
    const row = c + <usize>(i * N) * 4;
    add(row, bias, row, N);
  }
}

/** dst[j] = Σ_i src[i, j] (accumulate = 0) or dst[j] += that, for src [M, N] (rows added in order). */
export function colSum(src: usize, M: i32, N: i32, dst: usize, accumulate: i32): void {
  if (!accumulate) memory.fill(dst, 0, <usize>N * 4);
  for (let i = 0; i < M; i++) add(dst, src + <usize>(i * N) * 4, dst, N);
}

/** out[i] = a[i] + b[i] (out may be a or b). */
export function add(a: usize, b: usize, out: usize, n: i32): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) v128.store(out + <usize>i * 4, f32x4.add(v128.load(a + <usize>i * 4), v128.load(b + <usize>i * 4)));
  for (; i < n; i++) store<f32>(out + <usize>i * 4, load<f32>(a + <usize>i * 4) + load<f32>(b + <usize>i * 4));
}

/** out[i] = a[i] · b[i] (out may be a or b). */
export function mul(a: usize, b: usize, out: usize, n: i32): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) v128.store(out + <usize>i * 4, f32x4.mul(v128.load(a + <usize>i * 4), v128.load(b + <usize>i * 4)));
  for (; i < n; i++) store<f32>(out + <usize>i * 4, load<f32>(a + <usize>i * 4) * load<f32>(b + <usize>i * 4));
}

// e^x on four lanes: x = n·ln2 + r, |r| ≤ ln2/2, e^r by a degree-6 polynomial
// (Cephes expf's coefficients), 2^n by building the exponent bits. Relative error
// ≤ 2 ulp on [−87, 88]; below −87 the result is 0 (as float32 underflows there).
const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;

// @ts-ignore: decorator
@inline
function expv(x: v128): v128 {
  const xc = f32x4.max(f32x4.min(x, f32x4.splat(88.0)), f32x4.splat(-87.0));
  const n = f32x4.nearest(f32x4.mul(xc, f32x4.splat(LOG2E)));
  let r = f32x4.sub(xc, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const r2 = f32x4.mul(r, r);
  p = f32x4.add(f32x4.add(f32x4.mul(p, r2), r), f32x4.splat(1.0));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  const y = f32x4.mul(p, scale);
  // x below the clamp: exactly 0, as e^x rounds to in float32 (a masked logit, say)
  return v128.and(y, f32x4.gt(x, f32x4.splat(-87.0)));
}

// @ts-ignore: decorator
@inline
function exps(x: f32): f32 {
  return f32x4.extract_lane(expv(f32x4.splat(x)), 0);
}

const GELU_C: f32 = 1.5957691216057308; // 2·√(2/π)
const GELU_A: f32 = 0.044715;

/**
 * GELU, tanh form as GPT-2: y = u·σ(c·u·(1 + a·u²)), c = 2√(2/π), a = 0.044715;
 * also writes s = σ(·) for the backward pass.
 */
export function geluForward(u: usize, s: usize, y: usize, n: i32): void {
  const n4 = n & ~3;
  const one = f32x4.splat(1.0);
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i * 4;
    const x = v128.load(u + o);
    const z = f32x4.mul(f32x4.mul(x, f32x4.splat(GELU_C)), f32x4.add(one, f32x4.mul(f32x4.splat(GELU_A), f32x4.mul(x, x))));
    const sg = f32x4.div(one, f32x4.add(one, expv(f32x4.neg(z))));
    v128.store(s + o, sg);
    v128.store(y + o, f32x4.mul(x, sg));
  }
  for (; i < n; i++) {
    const o = <usize>i * 4;
    const x = load<f32>(u + o);
    const sg: f32 = 1.0 / (1.0 + exps(-(GELU_C * x * (1.0 + GELU_A * x * x))));
    store<f32>(s + o, sg);
    store<f32>(y + o, x * sg);
  }
}

/** du = dy · (s + u·s(1−s)·c·(1 + 3a·u²)). */
export function geluBackward(dy: usize, u: usize, s: usize, du: usize, n: i32): void {
  const n4 = n & ~3;
  const one = f32x4.splat(1.0);
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i * 4;
    const x = v128.load(u + o);
    const sg = v128.load(s + o);
    const dz = f32x4.mul(f32x4.splat(GELU_C), f32x4.add(one, f32x4.mul(f32x4.splat(3 * GELU_A), f32x4.mul(x, x))));
    const g = f32x4.add(sg, f32x4.mul(f32x4.mul(x, f32x4.mul(sg, f32x4.sub(one, sg))), dz));
    v128.store(du + o, f32x4.mul(v128.load(dy + o), g));
  }
  for (; i < n; i++) {
    const o = <usize>i * 4;
    const x = load<f32>(u + o);
    const sg = load<f32>(s + o);
    store<f32>(du + o, load<f32>(dy + o) * (sg + x * sg * (1 - sg) * GELU_C * (1 + 3 * GELU_A * x * x)));
  }
}

// ---------------------------------------------------------------- layer norm

/**
 * Layer norm over rows of x [M, d] (Ba et al. 2016): x̂ = (x − μ)/σ, y = x̂·g + b,
 * σ = √(var + eps); writes y, x̂ and 1/σ per row.
 */
export function layerNormForward(x: usize, g: usize, b: usize, y: usize, xhat: usize, rstd: usize, M: i32, d: i32, eps: f32): void {
  const d4 = d & ~3;
  const inv: f32 = 1.0 / <f32>d;
  for (let r = 0; r < M; r++) {
    const xr = x + <usize>(r * d) * 4;
    let sv = f32x4.splat(0);
    let j = 0;
    for (; j < d4; j += 4) sv = f32x4.add(sv, v128.load(xr + <usize>j * 4));
    let sum = hsum(sv);
    for (; j < d; j++) sum += load<f32>(xr + <usize>j * 4);
    const mean = sum * inv;
    const mv = f32x4.splat(mean);
    let qv = f32x4.splat(0);
    for (j = 0; j < d4; j += 4) {
      const c = f32x4.sub(v128.load(xr + <usize>j * 4), mv);
      qv = f32x4.add(qv, f32x4.mul(c, c));
    }
    let q = hsum(qv);
    for (; j < d; j++) { const c = load<f32>(xr + <usize>j * 4) - mean; q += c * c; }
    const rs: f32 = 1.0 / Mathf.sqrt(q * inv + eps);
    store<f32>(rstd + <usize>r * 4, rs);
    const rv = f32x4.splat(rs);
    const hr = xhat + <usize>(r * d) * 4;
    const yr = y + <usize>(r * d) * 4;
    for (j = 0; j < d4; j += 4) {
      const o = <usize>j * 4;
      const h = f32x4.mul(f32x4.sub(v128.load(xr + o), mv), rv);
      v128.store(hr + o, h);
      v128.store(yr + o, f32x4.add(f32x4.mul(h, v128.load(g + o)), v128.load(b + o)));
    }
    for (; j < d; j++) {
      const o = <usize>j * 4;
      const h = (load<f32>(xr + o) - mean) * rs;
      store<f32>(hr + o, h);
      store<f32>(yr + o, h * load<f32>(g + o) + load<f32>(b + o));
    }
  }
}

/**
 * Layer-norm backward: with ĝ = dy·g, dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))/σ,
 * dg = Σ_rows dy·x̂, db = Σ_rows dy. dx is written (accumulate = 0) or added to
 * (accumulate = 1: the residual stream's gradient); dg and db are written.
 */
export function layerNormBackward(dy: usize, xhat: usize, rstd: usize, g: usize, dx: usize, dg: usize, db: usize, M: i32, d: i32, accumulate: i32): void {
  memory.fill(dg, 0, <usize>d * 4);
  memory.fill(db, 0, <usize>d * 4);
  const d4 = d & ~3;
  const inv: f32 = 1.0 / <f32>d;
  for (let r = 0; r < M; r++) {
    const dyr = dy + <usize>(r * d) * 4;
    const hr = xhat + <usize>(r * d) * 4;
    const dxr = dx + <usize>(r * d) * 4;
    let mgv = f32x4.splat(0);
    let mgxv = f32x4.splat(0);
    let j = 0;
    for (; j < d4; j += 4) {
      const o = <usize>j * 4;
      const dv = v128.load(dyr + o);
      const h = v128.load(hr + o);
      const gh = f32x4.mul(dv, v128.load(g + o));
      mgv = f32x4.add(mgv, gh);
      mgxv = f32x4.add(mgxv, f32x4.mul(gh, h));
      v128.store(dg + o, f32x4.add(v128.load(dg + o), f32x4.mul(dv, h)));
      v128.store(db + o, f32x4.add(v128.load(db + o), dv));
    }
    let mg = hsum(mgv);
    let mgx = hsum(mgxv);
    for (; j < d; j++) {
      const o = <usize>j * 4;
      const dv = load<f32>(dyr + o);
      const h = load<f32>(hr + o);
      const gh = dv * load<f32>(g + o);
      mg += gh;
      mgx += gh * h;
      store<f32>(dg + o, load<f32>(dg + o) + dv * h);
      store<f32>(db + o, load<f32>(db + o) + dv);
    }
    mg *= inv;
    mgx *= inv;
    const rs = load<f32>(rstd + <usize>r * 4);
    const mgv2 = f32x4.splat(mg);
    const mgxv2 = f32x4.splat(mgx);
    const rv = f32x4.splat(rs);
    for (j = 0; j < d4; j += 4) {
      const o = <usize>j * 4;
      let v = f32x4.mul(f32x4.sub(f32x4.sub(f32x4.mul(v128.load(dyr + o), v128.load(g + o)), mgv2), f32x4.mul(v128.load(hr + o), mgxv2)), rv);
      if (accumulate) v = f32x4.add(v, v128.load(dxr + o));
      v128.store(dxr + o, v);
    }
    for (; j < d; j++) {
      const o = <usize>j * 4;
      let v = (load<f32>(dyr + o) * load<f32>(g + o) - mg - load<f32>(hr + o) * mgx) * rs;
      if (accumulate) v += load<f32>(dxr + o);
      store<f32>(dxr + o, v);
    }
  }
}

// @ts-ignore: decorator
@inline
function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// ---------------------------------------------------------------- attention

/**
 * Causal softmax of the rows of S [T, T] scaled by `scale` into P: row i over
 * columns j ≤ i, P[i, j > i] = 0 (the model's −1e9 mask, which underflows to 0).
 */
export function causalSoftmax(S: usize, P: usize, T: i32, scale: f32): void {
  const sv = f32x4.splat(scale);
  for (let i = 0; i < T; i++) {
    const sr = S + <usize>(i * T) * 4;
    const pr = P + <usize>(i * T) * 4;
    const n = i + 1;
    const n4 = n & ~3;
    let mx: f32 = -Infinity;
    for (let j = 0; j < n; j++) mx = max(mx, load<f32>(sr + <usize>j * 4) * scale);
    const mv = f32x4.splat(mx);
    let accv = f32x4.splat(0);
    let j = 0;
    for (; j < n4; j += 4) {
      const e = expv(f32x4.sub(f32x4.mul(v128.load(sr + <usize>j * 4), sv), mv));
      v128.store(pr + <usize>j * 4, e);
      accv = f32x4.add(accv, e);
    }
    let sum = hsum(accv);
    for (; j < n; j++) { const e = exps(load<f32>(sr + <usize>j * 4) * scale - mx); store<f32>(pr + <usize>j * 4, e); sum += e; }
    const inv: f32 = 1.0 / sum;
    const iv = f32x4.splat(inv);
    for (j = 0; j < n4; j += 4) v128.store(pr + <usize>j * 4, f32x4.mul(v128.load(pr + <usize>j * 4), iv));
    for (; j < n; j++) store<f32>(pr + <usize>j * 4, load<f32>(pr + <usize>j * 4) * inv);
    for (j = n; j < T; j++) store<f32>(pr + <usize>j * 4, 0);
  }
}

/**
 * dS = scale · P ⊙ (dP − rowsum(dP ⊙ P)) for [T, T] rows, in place over dP. P is
 * causal (0 above the diagonal), so dP there is not needed: it is set to 0 first
 * (the caller computes only the triangle; whatever else the buffer holds, even a
 * non-finite value, must not reach the sums).
 */
export function softmaxBackward(P: usize, dP: usize, T: i32, scale: f32): void {
  const T4 = T & ~3;
  for (let i = 0; i < T; i++) {
    const pr = P + <usize>(i * T) * 4;
    const dr = dP + <usize>(i * T) * 4;
    for (let j = i + 1; j < T; j++) store<f32>(dr + <usize>j * 4, 0);
    let accv = f32x4.splat(0);
    let j = 0;
    for (; j < T4; j += 4) accv = f32x4.add(accv, f32x4.mul(v128.load(pr + <usize>j * 4), v128.load(dr + <usize>j * 4)));
    let dot = hsum(accv);
    for (; j < T; j++) dot += load<f32>(pr + <usize>j * 4) * load<f32>(dr + <usize>j * 4);
    const dv = f32x4.splat(dot);
    const sv = f32x4.splat(scale);
    for (j = 0; j < T4; j += 4) {
      const o = <usize>j * 4;
      v128.store(dr + o, f32x4.mul(f32x4.mul(v128.load(pr + o), f32x4.sub(v128.load(dr + o), dv)), sv));
    }
    for (; j < T; j++) {
      const o = <usize>j * 4;
      store<f32>(dr + o, load<f32>(pr + o) * (load<f32>(dr + o) - dot) * scale);
    }
  }
}

// Natural log for x > 0 without tables. Why not Mathf.log: AssemblyScript's version
// reads a table from a data segment, and this module has no memory of its own to
// put one in (it writes into the backend's heap, whose low addresses the backend
// uses). x = 2^e·m with m in [√½, √2); log m = 2·atanh(s), s = (m−1)/(m+1),
// |s| ≤ 0.172, by its odd series to s¹⁵ (relative error < 1e-14).
function logd(x: f64): f64 {
  let bits = reinterpret<u64>(x);
  let e = <i32>((bits >> 52) & 0x7ff) - 1023;
  let m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (m > 1.4142135623730951) { m *= 0.5; e += 1; }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let p = 1.0 / 15;
  p = p * s2 + 1.0 / 13;
  p = p * s2 + 1.0 / 11;
  p = p * s2 + 1.0 / 9;
  p = p * s2 + 1.0 / 7;
  p = p * s2 + 1.0 / 5;
  p = p * s2 + 1.0 / 3;
  p = p * s2 + 1.0;
  return <f64>e * 0.6931471805599453 + 2 * s * p;
}

// ---------------------------------------------------------------- embedding and head

/** h[r] = wte[ids[r]] + wpe[r mod T] for r < R rows of width d. */
export function embedForward(ids: usize, wte: usize, wpe: usize, h: usize, R: i32, T: i32, d: i32): void {
  for (let r = 0; r < R; r++) {
    const e = wte + <usize>(load<i32>(ids + <usize>r * 4) * d) * 4;
    const p = wpe + <usize>((r % T) * d) * 4;
    add(e, p, h + <usize>(r * d) * 4, d);
  }
}

/** dwte[ids[r]] += dh[r] (dwte accumulates: the head wrote it first); dwpe = Σ over the batch. */
export function embedBackward(dh: usize, ids: usize, dwte: usize, dwpe: usize, R: i32, T: i32, d: i32): void {
  memory.fill(dwpe, 0, <usize>(T * d) * 4);
  for (let r = 0; r < R; r++) {
    const src = dh + <usize>(r * d) * 4;
    const e = dwte + <usize>(load<i32>(ids + <usize>r * 4) * d) * 4;
    add(e, src, e, d);
    const p = dwpe + <usize>((r % T) * d) * 4;
    add(p, src, p, d);
  }
}

/**
 * Mean cross-entropy (nats) of logits z [N, V] against ids y, returned; and, when
 * G ≠ 0, its gradient G = (softmax(z) − onehot(y))/N written over G [N, V]
 * (G may be z itself). loss_i = log Σ_j e^(z_ij − max_i) + max_i − z_iy.
 */
export function crossEntropy(z: usize, y: usize, N: i32, V: i32, G: usize): f64 {
  let total: f64 = 0;
  const V4 = V & ~3;
  const invN: f32 = 1.0 / <f32>N;
  for (let i = 0; i < N; i++) {
    const zr = z + <usize>(i * V) * 4;
    const t = load<i32>(y + <usize>i * 4);
    const zt = load<f32>(zr + <usize>t * 4); // before G, which may overwrite z
    let mx: f32 = -Infinity;
    for (let j = 0; j < V; j++) mx = max(mx, load<f32>(zr + <usize>j * 4));
    const mv = f32x4.splat(mx);
    const gr = G + <usize>(i * V) * 4;
    let accv = f32x4.splat(0);
    let j = 0;
    for (; j < V4; j += 4) {
      const e = expv(f32x4.sub(v128.load(zr + <usize>j * 4), mv));
      if (G) v128.store(gr + <usize>j * 4, e);
      accv = f32x4.add(accv, e);
    }
    let sum = hsum(accv);
    for (; j < V; j++) { const e = exps(load<f32>(zr + <usize>j * 4) - mx); if (G) store<f32>(gr + <usize>j * 4, e); sum += e; }
    total += logd(<f64>sum) + <f64>mx - <f64>zt;
    if (G) {
      const sc: f32 = invN / sum;
      const sv = f32x4.splat(sc);
      for (j = 0; j < V4; j += 4) v128.store(gr + <usize>j * 4, f32x4.mul(v128.load(gr + <usize>j * 4), sv));
      for (; j < V; j++) store<f32>(gr + <usize>j * 4, load<f32>(gr + <usize>j * 4) * sc);
      store<f32>(gr + <usize>t * 4, load<f32>(gr + <usize>t * 4) - invN);
    }
  }
  return total / <f64>N;
}

// ---------------------------------------------------------------- optimiser

/**
 * acc + Σ g[i]² over n floats, in double precision and in index order (the same
 * sum, bit for bit, as adamw.ts's JavaScript loop, which the other backends run).
 */
export function sumSquares(g: usize, n: i32, acc: f64): f64 {
  for (let i = 0; i < n; i++) {
    const x = <f64>load<f32>(g + <usize>i * 4);
    acc += x * x;
  }
  return acc;
}

/**
 * One AdamW update of n parameters in place (adamw.ts has the formulas), in double
 * precision with the moments stored as float32, operation for operation as the
 * JavaScript loop: g ← g·scale, m ← b1·m + omb1·g, v ← b2·v + omb2·g·g,
 * θ ← θ·keep − lr·(m/c1) / (√(v/c2) + eps).
 */
export function adamwUpdate(theta: usize, g: usize, m: usize, v: usize, n: i32, scale: f64, b1: f64, omb1: f64, b2: f64, omb2: f64, lr: f64, c1: f64, c2: f64, eps: f64, keep: f64): void {
  for (let i = 0; i < n; i++) {
    const o = <usize>i * 4;
    const gj = <f64>load<f32>(g + o) * scale;
    const mj = <f32>(b1 * <f64>load<f32>(m + o) + omb1 * gj);
    const vj = <f32>(b2 * <f64>load<f32>(v + o) + omb2 * gj * gj);
    store<f32>(m + o, mj);
    store<f32>(v + o, vj);
    store<f32>(theta + o, <f32>(<f64>load<f32>(theta + o) * keep - (lr * (<f64>mj / c1)) / (Math.sqrt(<f64>vj / c2) + eps)));
  }
}
