// %% [markdown]
// # Diminishing returns
//
// With a published law — Besiroglu et al. 2024's refit of Chinchilla (L = E + A/N^α + B/D^β) —
// what does each doubling of compute, data or parameters buy, and what does it cost to gain
// 0.1 nats? Then two laws that change the answer: repeated data (Muennighoff et al. 2023) and
// inference demand (Sardana et al. 2024). The published constants carry no interval here: the
// figures below are the laws' central values.

// %%
import {
  computeForLoss, computeOptimal, costForLoss, dataConstrainedOptimal, formatCO2eKg, formatCount, formatFlops, formatUsd,
  getPublishedLaw, inferenceAwareOptimal, lossAt, marginalLossPerDoubling, MUENNIGHOFF2023, PALETTE, recommendHyperparams, renderChart, SARDANA2024_LAW, sig,
} from '@scaling-lab/core';

const show = (svg: string) => Deno.jupyter.display({ 'image/svg+xml': svg }, { raw: true });
const pub = getPublishedLaw('besiroglu2024');
const law = pub.law as { form: 'chinchilla'; E: number; A: number; B: number; alpha: number; beta: number };
console.log(`${pub.id}: L = ${law.E} + ${law.A}/N^${law.alpha} + ${law.B}/D^${law.beta}`);

// %% [markdown]
// ## Loss gained per doubling
// Compute: each doubling at the compute-optimal allocation. Data: doubling D at a fixed 70B
// model. Parameters: doubling N at a fixed 1.4T tokens.

// %%
const steps = marginalLossPerDoubling(law, { fromFlops: 1e21, doublings: 14 });
const N0 = 70e9, D0 = 1.4e12;
const dataGain = (D: number) => lossAt(law, N0, D) - lossAt(law, N0, 2 * D);
const paramGain = (N: number) => lossAt(law, N, D0) - lossAt(law, 2 * N, D0);
for (const s of steps.filter((_, i) => i % 3 === 0)) console.log(`compute ${formatFlops(s.fromFlops).padEnd(12)} → ×2 gains ${sig(s.lossGained, 3)} nats (loss ${sig(s.lossBefore, 4)} → ${sig(s.lossAfter, 4)})`);
const xs = Array.from({ length: 12 }, (_, i) => 2 ** i);
await show(renderChart({
  title: 'Loss gained by one more doubling', xLabel: 'doublings so far (from 1e21 FLOPs, 1.4T tokens at 70B, or 70B at 1.4T tokens)', yLabel: 'nats/token gained', yLog: true,
  series: [
    { label: 'compute (optimal N, D)', color: PALETTE[0], line: true, points: steps.slice(0, 12).map((s, i) => ({ x: i, y: s.lossGained })) },
    { label: 'data D at N = 70B', color: PALETTE[1], line: true, points: xs.map((m, i) => ({ x: i, y: dataGain(D0 * m) })) },
    { label: 'parameters N at D = 1.4T', color: PALETTE[2], line: true, points: xs.map((m, i) => ({ x: i, y: paramGain(N0 * m) })) },
  ],
}));

// %% [markdown]
// ## What 0.1 nats costs
// From the compute-optimal loss at 1e24 FLOPs, the run that reaches 0.1 nats lower, priced on
// 4096 H100s at MFU 0.4 in us-east-1.

// %%
const settings = { hardware: 'nvidia-h100-sxm5-80gb', count: 4096, mfu: 0.4, region: 'us-east-1' };
const base = computeOptimal(law, 1e24);
for (const target of [base.loss, base.loss - 0.1]) {
  const r = costForLoss(law, target, settings);
  console.log(`loss ${sig(target, 4)}: ${formatFlops(r.optimal.flops)}, N ${formatCount(r.optimal.params)}, D ${formatCount(r.optimal.tokens)} → ${formatUsd(r.estimate.costUsd!)}, ${formatCO2eKg(r.estimate.co2eKg)}`);
}
const better = computeForLoss(law, base.loss - 0.1);
console.log(`0.1 nats below ${sig(base.loss, 4)} takes ${sig(better.flops / 1e24, 3)}× the compute; the floor E = ${law.E} is ${sig(base.loss - law.E, 3)} nats away.`);

// %% [markdown]
// ## Repeated data (Muennighoff et al. 2023)
// With only 1T unique tokens, compute beyond what 1T tokens can feed goes into repeated epochs,
// each worth less than fresh data (R*_D ≈ 15.4). The penalty is the loss above the same compute
// with unlimited unique data.

// %%
for (const flops of [1e23, 1e24, 1e25, 1e26]) {
  const o = dataConstrainedOptimal(MUENNIGHOFF2023, { flops, uniqueTokens: 1e12 });
  console.log(`${formatFlops(flops).padEnd(12)} N ${formatCount(o.params).padEnd(8)} D ${formatCount(o.tokens).padEnd(8)} (${sig(o.tokens / 1e12, 3)} epochs) loss ${sig(o.loss, 4)}; penalty ${sig(o.lossPenalty, 3)} nats${o.capBinds ? '' : ' (cap does not bind)'}`);
}

// %% [markdown]
// ## Inference demand (Sardana et al. 2024)
// A model that will serve many tokens should be smaller and trained longer than Chinchilla-optimal:
// minimise training + inference FLOPs (6ND + 2N·T) at a fixed loss.

// %%
for (const inferenceTokens of [0, 1e11, 1e12, 1e13, 1e14]) {
  const r = inferenceAwareOptimal(SARDANA2024_LAW, { targetLoss: 2.0, inferenceTokens });
  console.log(`serve ${formatCount(inferenceTokens).padEnd(6)} tokens: N ${formatCount(r.optimal.params).padEnd(8)} ${sig(r.optimal.tokensPerParam, 3).padStart(6)} tokens/param; saves ${(100 * Math.max(0, r.savingFraction)).toFixed(1)} % of lifetime FLOPs vs Chinchilla-optimal (N ${formatCount(r.chinchilla.params)})`);
}

// %% [markdown]
// ## The learning rate and batch each budget wants (DeepSeek LLM, Step Law)
// Bigger budgets want smaller peak learning rates and larger batches. DeepSeek LLM's fit
// (Bi et al. 2024, §3.1) is in compute alone; Step Law (Li et al. 2025) in N and D, here the
// Chinchilla-optimal split. Each was fitted on a limited range, so a flag marks extrapolations.

// %%
for (const flops of [1e20, 1e22, 1e24]) {
  const r = recommendHyperparams({ flops });
  const pick = (law: string, q: string) => r.figures.find((f) => f.law === law && f.quantity === q)!;
  const [dsLr, dsB, slLr] = [pick('deepseek2024', 'learningRate'), pick('deepseek2024', 'batchTokens'), pick('steplaw2025', 'learningRate')];
  console.log(`${formatFlops(flops).padEnd(12)} DeepSeek η ${sig(dsLr.value, 3)}, batch ${formatCount(dsB.value)} tokens${dsLr.inRange ? '' : ' (extrapolated)'}; Step Law η ${sig(slLr.value, 3)}${slLr.inRange ? '' : ' (extrapolated)'}`);
}
