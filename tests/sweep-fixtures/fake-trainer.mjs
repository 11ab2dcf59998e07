// A stand-in for trainRun (the worker loads it via SCALING_LAB_SWEEP_TRAINER) so
// the sweep runner's crash, resume and stop handling can be tested quickly and
// deterministically. Each step sleeps FAKE_STEP_MS (default 15) milliseconds.
const stepMs = Number(process.env.FAKE_STEP_MS ?? 15);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function trainRun(spec, opts = {}) {
  const perStep = spec.batchSize * spec.model.context;
  const totalSteps = Math.ceil(spec.tokens / perStep);
  const n = 12 * spec.model.layers * spec.model.dModel ** 2;
  const t0 = Date.now();
  let loss = 4;
  const curve = [];
  for (let step = 1; step <= totalSteps; step++) {
    if (opts.signal?.aborted) throw new Error('aborted');
    // FAKE_BUSY=1: a step that spins the CPU and awaits only a microtask, as a WASM training step does,
    // so the event loop never polls the IPC channel (the orphan test's worst case).
    if (process.env.FAKE_BUSY === '1') {
      const until = Date.now() + stepMs;
      while (Date.now() < until) { /* spin */ }
      await Promise.resolve();
    } else await sleep(stepMs);
    loss = 1 + 3 / Math.sqrt(step);
    if (step % 10 === 0 || step === totalSteps) curve.push({ step, tokens: step * perStep, trainLoss: loss });
    opts.onProgress?.({ step, totalSteps, tokensSeen: step * perStep, trainLoss: loss });
  }
  const wallSeconds = (Date.now() - t0) / 1000;
  const tokens = totalSteps * perStep;
  return {
    spec, backend: 'fake', paramsNonEmbedding: n, paramsTotal: n + 100 * spec.model.dModel, tokens,
    flops6ND: 6 * n * tokens, flopsCounted: 6 * n * tokens, finalTrainLoss: loss, finalValLoss: loss + 0.01,
    curve, wallSeconds, tokensPerSecond: tokens / wallSeconds, diverged: false, steps: totalSteps, vocab: 100,
    energy: { joules: 10 * wallSeconds, watts: 10, wattsSource: 'fake' },
  };
}
