/**
 * Famous training runs with the inputs their papers state, usable as
 * `--preset`. Every number carries the source it was read from; `reported`
 * holds the paper's own energy / CO2e / cost figures that tests reproduce
 * from the inputs (see publishedRuns.test.ts). Where a paper states no PUE or
 * grid intensity the field is absent and `estimateRun` falls back to its
 * documented defaults (listed in the assumptions).
 */
import type { Architecture } from '../estimate/params.js';
import { fuzzyGet, type Candidate } from '../lookup.js';

export interface Sourced<T = number> {
  value: T;
  source: string;
}

export interface PublishedRun {
  id: string;
  name: string;
  organisation: string;
  year: number;
  /** Main citation (paper or model card). */
  citation: string;
  params: Sourced;
  /** Parameters active per token (MoE). */
  activeParams?: Sourced;
  tokens: Sourced;
  architecture?: Sourced<Architecture>;
  /** Accelerator id in the hardware table. */
  hardware: Sourced<string>;
  count?: Sourced;
  acceleratorHours?: Sourced;
  /** Average power per accelerator the paper uses, W. */
  watts?: Sourced;
  /** Host overhead multiplier; 1 when the paper's watts already include the host or the paper omits it. */
  hostOverhead?: Sourced;
  pue?: Sourced;
  gridGCO2ePerKWh?: Sourced;
  mfu?: Sourced;
  usdPerHour?: Sourced;
  /** Facility energy stated by a source, used instead of hours × power when present. */
  energyKWh?: Sourced;
  /** The paper's own results, for comparison and tests. */
  reported: {
    energyKWh?: Sourced;
    co2eKg?: Sourced;
    costUsd?: Sourced;
    flops?: Sourced;
  };
  notes?: string;
}

const PATTERSON = 'Patterson et al. 2021, "Carbon Emissions and Large Neural Network Training", arXiv:2104.10350, Table 4';
const GOPHER = 'Rae et al. 2021, "Scaling Language Models: Methods, Analysis & Insights from Training Gopher", arXiv:2112.11446';
const PALM = 'Chowdhery et al. 2022, "PaLM: Scaling Language Modeling with Pathways", arXiv:2204.02311';
const OPT = 'Zhang et al. 2022, "OPT: Open Pre-trained Transformer Language Models", arXiv:2205.01068';
const BLOOM = 'Luccioni, Viguier, Ligozat 2022, "Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model", arXiv:2211.02001 (JMLR 24:253, 2023)';
const LLAMA1 = 'Touvron et al. 2023, "LLaMA: Open and Efficient Foundation Language Models", arXiv:2302.13971';
const LLAMA2 = 'Touvron et al. 2023, "Llama 2: Open Foundation and Fine-Tuned Chat Models", arXiv:2307.09288';
const LLAMA3 = 'Llama Team (Dubey et al.) 2024, "The Llama 3 Herd of Models", arXiv:2407.21783';
const LLAMA31_CARD = 'Meta Llama 3.1 model card (github.com/meta-llama/llama-models, models/llama3_1/MODEL_CARD.md), "Training Energy Use" / "Training Greenhouse Gas Emissions"';
const LLAMA3_CARD = 'Meta Llama 3 model card (github.com/meta-llama/llama-models, models/llama3/MODEL_CARD.md), "Carbon Footprint" table';
const LLAMA32_CARD = 'Meta Llama 3.2 model card (github.com/meta-llama/llama-models, models/llama3_2/MODEL_CARD.md), "Training Energy Use" / "Training Greenhouse Gas Emissions" table';
const DEEPSEEK = 'DeepSeek-AI 2024, "DeepSeek-V3 Technical Report", arXiv:2412.19437';

const s = <T>(value: T, source: string): Sourced<T> => ({ value, source });

// The Llama 3 cards give GPU-hours at "peak power capacity per GPU [700 W] adjusted for power usage
// efficiency" and location-based tCO2e, but neither the PUE nor the grid factor. PUE 1.1 (the Llama 1/2
// papers' value) with a grid of 385 g/kWh (Llama 1/2's US average) reproduces the Llama 3 card (8B: 385 t
// vs 390 t; 70B: 1,897 t vs 1,900 t); the 3.1 and 3.2 cards need 375 g/kWh (405B: 8,905 t vs 8,930 t).
// Both factors are inferred, not stated, and say so.
const INFERRED_PUE = s(1.1, 'inferred: PUE 1.1 as in the Llama 1 and 2 papers; the model card states none (with the inferred grid factor it reproduces the card\'s tCO2e)');
const inferredGrid = (g: number, card: string) => s(g, `inferred: ${g} gCO2e/kWh × PUE 1.1 reproduces ${card}'s location-based tCO2e within 1 %; the card states no grid factor`);
const h100Card = (card: string) => ({
  hardware: s('nvidia-h100-sxm5-80gb', card + ' (H100-80GB, TDP 700 W)'),
  watts: s(700, card + ' (700 W "peak power capacity per GPU")'),
  hostOverhead: s(1, card + ' (GPU power only)'),
  pue: INFERRED_PUE,
});
const LLAMA3_8B_ARCH: Architecture = { layers: 32, dModel: 4096, heads: 32, kvHeads: 8, ffnDim: 14336, ffnType: 'swiglu', vocab: 128256, context: 8192 };
const LLAMA3_70B_ARCH: Architecture = { layers: 80, dModel: 8192, heads: 64, kvHeads: 8, ffnDim: 28672, ffnType: 'swiglu', vocab: 128256, context: 8192 };
const LLAMA3_CONFIG = 'released config.json (meta-llama on Hugging Face)';

export const PUBLISHED_RUNS: readonly PublishedRun[] = [
  {
    id: 'gpt-3', name: 'GPT-3 175B', organisation: 'OpenAI', year: 2020,
    citation: 'Brown et al. 2020, "Language Models are Few-Shot Learners", arXiv:2005.14165; energy and CO2e: ' + PATTERSON,
    params: s(175e9, 'Brown et al. 2020, Table 2.1'),
    tokens: s(300e9, 'Brown et al. 2020 (300B training tokens)'),
    architecture: s({ layers: 96, dModel: 12288, heads: 96, vocab: 50257, context: 2048, learnedPositions: true, tiedEmbeddings: true, bias: true }, 'Brown et al. 2020, Table 2.1 (layers, width, heads, context); GPT-2 BPE vocabulary of 50,257'),
    hardware: s('nvidia-v100-sxm2-32gb', PATTERSON + ' (V100)'),
    count: s(10_000, PATTERSON + ' (10,000 processors)'),
    acceleratorHours: s(10_000 * 14.8 * 24, PATTERSON + ' (10,000 V100 × 14.8 days)'),
    watts: s(330, PATTERSON + ' (measured average system power per processor, host included)'),
    hostOverhead: s(1, 'host already included in the 330 W system power (' + PATTERSON + ')'),
    pue: s(1.1, PATTERSON),
    gridGCO2ePerKWh: s(429, PATTERSON + ' (0.429 kgCO2e/kWh, Microsoft data centre)'),
    reported: {
      energyKWh: s(1_287_000, PATTERSON + ' (1,287 MWh)'),
      co2eKg: s(552_000, PATTERSON + ' (552 tCO2e)'),
      flops: s(3.14e23, PATTERSON + ' (3.14e23 FLOPs)'),
    },
  },
  {
    id: 'gopher', name: 'Gopher 280B', organisation: 'DeepMind', year: 2021, citation: GOPHER,
    params: s(280e9, GOPHER + ', Table 1'),
    tokens: s(300e9, GOPHER + ' (300B training tokens)'),
    hardware: s('google-tpu-v3', GOPHER + ', App. F (TPUv3)'),
    count: s(4096, GOPHER + ' (4 × 1024-chip TPUv3 pods)'),
    acceleratorHours: s(4096 * 920, GOPHER + ', App. F (920 hours on 4096 chips)'),
    watts: s(283, GOPHER + ', App. F (estimated 283 W per chip)'),
    hostOverhead: s(1, GOPHER + ', App. F (no separate host overhead)'),
    pue: s(1.08, GOPHER + ', App. F (Google Georgia data centre PUE)'),
    gridGCO2ePerKWh: s(330, GOPHER + ', App. F (0.33 net tCO2e/MWh)'),
    reported: { co2eKg: s(380_000, GOPHER + ', App. F (380 net tCO2e)') },
  },
  {
    id: 'palm-540b', name: 'PaLM 540B', organisation: 'Google', year: 2022, citation: PALM,
    params: s(540.35e9, PALM + ', Table 1'),
    tokens: s(780e9, PALM + ' (780 billion training tokens)'),
    architecture: s({ layers: 118, dModel: 18432, heads: 48, kvHeads: 1, headDim: 256, ffnDim: 73728, ffnType: 'swiglu', vocab: 256000, tiedEmbeddings: true, context: 2048 }, PALM + ', Table 1 and model description (multi-query attention, SwiGLU, shared input/output embeddings, 256k vocabulary)'),
    hardware: s('google-tpu-v4', PALM + ', App. B (TPU v4)'),
    count: s(6144, PALM + ' (6144 TPU v4 chips)'),
    acceleratorHours: s(6144 * 1200 + 3072 * 336, PALM + ', App. B (6144 chips × 1200 h + 3072 chips × 336 h)'),
    watts: s(378.5, PALM + ', App. B (measured system power per TPU v4 chip, 378.5 W)'),
    hostOverhead: s(1, 'host included in the measured system power (' + PALM + ', App. B)'),
    pue: s(1.08, PALM + ', App. B'),
    gridGCO2ePerKWh: s(79, PALM + ', App. B (0.079 net tCO2e/MWh, Oklahoma data centre)'),
    mfu: s(0.462, PALM + ', Table 3 (46.2% MFU)'),
    reported: { co2eKg: s(271_430, PALM + ', App. B (271.43 tCO2e)') },
  },
  {
    id: 'opt-175b', name: 'OPT-175B', organisation: 'Meta AI', year: 2022, citation: OPT,
    params: s(175e9, OPT + ', Table 1'),
    tokens: s(180e9, OPT + ' (180B tokens)'),
    architecture: s({ layers: 96, dModel: 12288, heads: 96, vocab: 50272, context: 2048, learnedPositions: true, tiedEmbeddings: true, bias: true }, OPT + ', Table 1 (same shape as GPT-3)'),
    hardware: s('nvidia-a100-sxm4-80gb', OPT + ' (992 80GB A100 GPUs)'),
    count: s(992, OPT),
    mfu: s(147 / 312, OPT + ' (up to 147 TFLOP/s per GPU) ÷ A100 dense bf16 peak 312 TFLOP/s'),
    energyKWh: s(324_000, BLOOM + ', Table 4 (OPT: 324 MWh)'),
    gridGCO2ePerKWh: s(231, BLOOM + ', Table 4 (OPT: 231 gCO2e/kWh)'),
    pue: s(1, 'the 324 MWh is used as stated; Luccioni et al. list PUE 1.09 but the 75 t figure is 324 MWh × 231 g/kWh'),
    reported: { co2eKg: s(75_000, OPT + ' ("estimated carbon emissions footprint (CO2eq) of 75 tons")') },
    notes: 'OPT states no GPU-hours; energy is taken as stated by Luccioni et al. 2022 Table 4.',
  },
  {
    id: 'bloom-176b', name: 'BLOOM 176B', organisation: 'BigScience', year: 2022, citation: BLOOM,
    params: s(176e9, BLOOM),
    tokens: s(366e9, 'BigScience 2022, "BLOOM: A 176B-Parameter Open-Access Multilingual Language Model", arXiv:2211.05100 (366B tokens)'),
    architecture: s({ layers: 70, dModel: 14336, heads: 112, vocab: 250880, context: 2048, tiedEmbeddings: true, bias: true }, 'BigScience 2022, arXiv:2211.05100 (70 layers, width 14336, 112 heads, 250,880 vocabulary; ALiBi, no learned positions)'),
    hardware: s('nvidia-a100-sxm4-80gb', BLOOM + ' (Nvidia A100 80GB)'),
    count: s(384, BLOOM + ' (384 GPUs on 48 nodes)'),
    acceleratorHours: s(1_082_990, BLOOM + ' (1,082,990 GPU-hours)'),
    watts: s(400, BLOOM + ' (TDP 400 W)'),
    hostOverhead: s(1, BLOOM + ' (dynamic GPU consumption only; idle and infrastructure counted separately)'),
    pue: s(1, BLOOM + ' (the 24.7 t dynamic figure applies no PUE; Jean Zay PUE 1.2 is counted in the separate idle/infrastructure share)'),
    gridGCO2ePerKWh: s(57, BLOOM + ' (French grid, 57 gCO2e/kWh)'),
    reported: {
      energyKWh: s(433_196, BLOOM + ' (433,196 kWh dynamic consumption)'),
      co2eKg: s(24_700, BLOOM + ', Abstract (24.7 tCO2e from dynamic power consumption)'),
    },
  },
  {
    id: 'llama-1-65b', name: 'LLaMA 65B', organisation: 'Meta AI', year: 2023, citation: LLAMA1,
    params: s(65.2e9, LLAMA1 + ', Table 2'),
    tokens: s(1.4e12, LLAMA1 + ', Table 2 (1.4T tokens)'),
    architecture: s({ layers: 80, dModel: 8192, heads: 64, ffnDim: 22016, ffnType: 'swiglu', vocab: 32000, context: 2048 }, LLAMA1 + ', Table 2; ffn width from the released checkpoint'),
    hardware: s('nvidia-a100-sxm4-80gb', LLAMA1 + ' (A100 80GB)'),
    count: s(2048, LLAMA1 + ' (2048 A100 GPUs with 80GB)'),
    acceleratorHours: s(1_022_362, LLAMA1 + ', Table 15'),
    watts: s(400, LLAMA1 + ', Table 15 (400 W per GPU)'),
    hostOverhead: s(1, LLAMA1 + ', carbon footprint section (Wh = GPU-h × GPU power × PUE)'),
    pue: s(1.1, LLAMA1 + ', carbon footprint section'),
    gridGCO2ePerKWh: s(385, LLAMA1 + ', carbon footprint section (US national average 0.385 kgCO2e/KWh)'),
    reported: {
      energyKWh: s(449_000, LLAMA1 + ', Table 15 (449 MWh)'),
      co2eKg: s(173_000, LLAMA1 + ', Table 15 (173 tCO2eq)'),
    },
  },
  {
    id: 'llama-2-7b', name: 'Llama 2 7B', organisation: 'Meta AI', year: 2023, citation: LLAMA2,
    params: s(6.74e9, LLAMA2 + ', Table 1 (7B; 6,738,415,616 in the released checkpoint)'),
    tokens: s(2e12, LLAMA2 + ', Table 1 (2.0T tokens)'),
    architecture: s({ layers: 32, dModel: 4096, heads: 32, ffnDim: 11008, ffnType: 'swiglu', vocab: 32000, context: 4096 }, LLAMA2 + ' and released config'),
    hardware: s('nvidia-a100-sxm4-80gb', LLAMA2 + ', §2.2.1 (A100-80GB)'),
    acceleratorHours: s(184_320, LLAMA2 + ', Table 2'),
    watts: s(400, LLAMA2 + ', Table 2 (400 W)'),
    hostOverhead: s(1, LLAMA2 + ', §2.2.1 (GPU power only)'),
    pue: s(1.1, 'PUE 1.1 as in ' + LLAMA1 + ' (carbon footprint section), whose method Llama 2 Table 2 follows'),
    gridGCO2ePerKWh: s(385, 'US national average 0.385 kgCO2e/kWh as in ' + LLAMA1),
    reported: { co2eKg: s(31_220, LLAMA2 + ', Table 2 (31.22 tCO2eq)') },
  },
  {
    id: 'llama-2-70b', name: 'Llama 2 70B', organisation: 'Meta AI', year: 2023, citation: LLAMA2,
    params: s(68.98e9, LLAMA2 + ', Table 1 (70B; 68,976,648,192 in the released checkpoint)'),
    tokens: s(2e12, LLAMA2 + ', Table 1 (2.0T tokens)'),
    architecture: s({ layers: 80, dModel: 8192, heads: 64, kvHeads: 8, ffnDim: 28672, ffnType: 'swiglu', vocab: 32000, context: 4096 }, LLAMA2 + ' (GQA for 70B) and released config'),
    hardware: s('nvidia-a100-sxm4-80gb', LLAMA2 + ', §2.2.1 (A100-80GB)'),
    acceleratorHours: s(1_720_320, LLAMA2 + ', Table 2'),
    watts: s(400, LLAMA2 + ', Table 2 (400 W)'),
    hostOverhead: s(1, LLAMA2 + ', §2.2.1 (GPU power only)'),
    pue: s(1.1, 'PUE 1.1 as in ' + LLAMA1 + ' (carbon footprint section), whose method Llama 2 Table 2 follows'),
    gridGCO2ePerKWh: s(385, 'US national average 0.385 kgCO2e/kWh as in ' + LLAMA1),
    reported: { co2eKg: s(291_420, LLAMA2 + ', Table 2 (291.42 tCO2eq)') },
  },
  {
    id: 'llama-3-8b', name: 'Llama 3 8B', organisation: 'Meta', year: 2024, citation: LLAMA3_CARD,
    params: s(8.03e9, LLAMA3_CONFIG + ' (8,030,261,248)'),
    tokens: s(15e12, LLAMA3_CARD + ' ("over 15 trillion tokens")'),
    architecture: s(LLAMA3_8B_ARCH, LLAMA3_CONFIG),
    ...h100Card(LLAMA3_CARD),
    acceleratorHours: s(1.3e6, LLAMA3_CARD + ' (1.3M GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(385, 'the Llama 3 card'),
    reported: { co2eKg: s(390_000, LLAMA3_CARD + ' (390 tCO2eq)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e.',
  },
  {
    id: 'llama-3-70b', name: 'Llama 3 70B', organisation: 'Meta', year: 2024, citation: LLAMA3_CARD,
    params: s(70.55e9, LLAMA3_CONFIG + ' (70,553,706,496)'),
    tokens: s(15e12, LLAMA3_CARD + ' ("over 15 trillion tokens")'),
    architecture: s(LLAMA3_70B_ARCH, LLAMA3_CONFIG),
    ...h100Card(LLAMA3_CARD),
    acceleratorHours: s(6.4e6, LLAMA3_CARD + ' (6.4M GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(385, 'the Llama 3 card'),
    reported: { co2eKg: s(1_900_000, LLAMA3_CARD + ' (1900 tCO2eq)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e.',
  },
  {
    id: 'llama-3.1-8b', name: 'Llama 3.1 8B', organisation: 'Meta', year: 2024, citation: LLAMA3 + '; ' + LLAMA31_CARD,
    params: s(8.03e9, LLAMA3_CONFIG + ' (8,030,261,248)'),
    tokens: s(15.6e12, LLAMA3 + ' (15.6T tokens for the family; the card says 15T+)'),
    architecture: s(LLAMA3_8B_ARCH, LLAMA3_CONFIG),
    ...h100Card(LLAMA31_CARD),
    acceleratorHours: s(1.46e6, LLAMA31_CARD + ' (1.46M GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(375, 'the Llama 3.1 card'),
    reported: { co2eKg: s(420_000, LLAMA31_CARD + ' (420 tCO2eq location-based)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e.',
  },
  {
    id: 'llama-3.1-70b', name: 'Llama 3.1 70B', organisation: 'Meta', year: 2024, citation: LLAMA3 + '; ' + LLAMA31_CARD,
    params: s(70.55e9, LLAMA3_CONFIG + ' (70,553,706,496)'),
    tokens: s(15.6e12, LLAMA3 + ' (15.6T tokens for the family; the card says 15T+)'),
    architecture: s(LLAMA3_70B_ARCH, LLAMA3_CONFIG),
    ...h100Card(LLAMA31_CARD),
    acceleratorHours: s(7.0e6, LLAMA31_CARD + ' (7.0M GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(375, 'the Llama 3.1 card'),
    reported: { co2eKg: s(2_040_000, LLAMA31_CARD + ' (2,040 tCO2eq location-based)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e.',
  },
  {
    id: 'llama-3.2-1b', name: 'Llama 3.2 1B', organisation: 'Meta', year: 2024, citation: LLAMA32_CARD,
    params: s(1.24e9, LLAMA32_CARD + ' (1.23B; 1,235,814,400 in the released checkpoint)'),
    tokens: s(9e12, LLAMA32_CARD + ' ("up to 9T tokens")'),
    architecture: s({ layers: 16, dModel: 2048, heads: 32, kvHeads: 8, headDim: 64, ffnDim: 8192, ffnType: 'swiglu', vocab: 128256, tiedEmbeddings: true, context: 8192 }, LLAMA3_CONFIG + ' (shared embeddings)'),
    ...h100Card(LLAMA32_CARD),
    acceleratorHours: s(370e3, LLAMA32_CARD + ' (370k GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(375, 'the Llama 3.2 card'),
    reported: { co2eKg: s(107_000, LLAMA32_CARD + ' (107 tCO2eq location-based)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e. The card\'s 86k GPU-hours of logit generation for distillation are not included.',
  },
  {
    id: 'llama-3.2-3b', name: 'Llama 3.2 3B', organisation: 'Meta', year: 2024, citation: LLAMA32_CARD,
    params: s(3.21e9, LLAMA32_CARD + ' (3.21B; 3,212,749,824 in the released checkpoint)'),
    tokens: s(9e12, LLAMA32_CARD + ' ("up to 9T tokens")'),
    architecture: s({ layers: 28, dModel: 3072, heads: 24, kvHeads: 8, headDim: 128, ffnDim: 8192, ffnType: 'swiglu', vocab: 128256, tiedEmbeddings: true, context: 8192 }, LLAMA3_CONFIG + ' (shared embeddings)'),
    ...h100Card(LLAMA32_CARD),
    acceleratorHours: s(460e3, LLAMA32_CARD + ' (460k GPU hours)'),
    gridGCO2ePerKWh: inferredGrid(375, 'the Llama 3.2 card'),
    reported: { co2eKg: s(133_000, LLAMA32_CARD + ' (133 tCO2eq location-based)') },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s tCO2e. The card\'s 86k GPU-hours of logit generation for distillation are not included.',
  },
  {
    id: 'llama-3.1-405b', name: 'Llama 3.1 405B', organisation: 'Meta', year: 2024, citation: LLAMA3 + '; ' + LLAMA31_CARD,
    params: s(405e9, LLAMA3 + ', Table 3'),
    tokens: s(15.6e12, LLAMA3 + ' (15.6T tokens)'),
    architecture: s({ layers: 126, dModel: 16384, heads: 128, kvHeads: 8, ffnDim: 53248, ffnType: 'swiglu', vocab: 128256, context: 8192 }, LLAMA3 + ', Table 3'),
    hardware: s('nvidia-h100-sxm5-80gb', LLAMA3 + ', §3.3.1 (H100 80GB, 700 W TDP)'),
    count: s(16_384, LLAMA3 + ', §3.3.1 (up to 16K H100 GPUs)'),
    acceleratorHours: s(30.84e6, LLAMA31_CARD + ' (30.84M GPU hours for 405B)'),
    watts: s(700, LLAMA31_CARD + ' (700 W TDP, "peak power capacity per GPU")'),
    hostOverhead: s(1, LLAMA31_CARD + ' (GPU power only)'),
    pue: INFERRED_PUE,
    gridGCO2ePerKWh: inferredGrid(375, 'the Llama 3.1 card'),
    reported: {
      co2eKg: s(8_930_000, LLAMA31_CARD + ' (8,930 tCO2eq location-based; 0 market-based)'),
      flops: s(3.8e25, LLAMA3 + ', Introduction (3.8 × 10^25 FLOPs)'),
    },
    notes: 'PUE and grid factor are inferred (the card gives neither); they reproduce the card\'s 8,930 tCO2e.',
  },
  {
    id: 'deepseek-v3', name: 'DeepSeek-V3', organisation: 'DeepSeek-AI', year: 2024, citation: DEEPSEEK,
    params: s(671e9, DEEPSEEK + ', Abstract (671B total)'),
    activeParams: s(37e9, DEEPSEEK + ', Abstract (37B activated per token)'),
    tokens: s(14.8e12, DEEPSEEK + ', Abstract (14.8T tokens)'),
    architecture: s({
      layers: 61, dModel: 7168, heads: 128, ffnDim: 18432, ffnType: 'swiglu', vocab: 129280, context: 4096,
      experts: 256, activeExperts: 8, sharedExperts: 1, expertFfnDim: 2048, denseLayers: 3, mtpModules: 1,
      mla: { qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128 },
    }, DEEPSEEK + ', §2.1 and §4.2 (61 layers, width 7168, MLA with 128 heads, r_q 1536, r_kv 512, 128 + 64 per head; first 3 layers dense, then 1 shared + 256 routed experts of width 2048, 8 active; 1 MTP module; 4K pre-training context); released config.json'),
    hardware: s('nvidia-h800-sxm5-80gb', DEEPSEEK + ' (2048 H800 GPUs)'),
    count: s(2048, DEEPSEEK),
    acceleratorHours: s(2.788e6, DEEPSEEK + ', Table 1 (2.788M H800 GPU hours, pre-training + context extension + post-training)'),
    usdPerHour: s(2, DEEPSEEK + ', Table 1 (assumed rental price $2 per H800 GPU-hour)'),
    reported: { costUsd: s(5.576e6, DEEPSEEK + ', Table 1 ($5.576M)') },
    notes: 'The report states no power, PUE or grid intensity; energy and CO2e use the documented defaults.',
  },
];

const CANDIDATES: Candidate<PublishedRun>[] = PUBLISHED_RUNS.map((r) => ({ id: r.id, keys: [r.id, r.name], value: r }));

/**
 * Every published training run the estimates can start from (a preset), each with the
 * figures its paper reports and where (GPT-3, Gopher, PaLM, OPT, BLOOM, Llama 1–3.2,
 * DeepSeek-V3).
 *
 * @returns the runs, oldest first
 * @example
 * ```ts
 * import { listPublishedRuns } from '@scaling-lab/core';
 * listPublishedRuns()[0].id; // → 'gpt-3'
 * ```
 */
export function listPublishedRuns(): readonly PublishedRun[] {
  return PUBLISHED_RUNS;
}

/**
 * A published training run (a preset) by id or name, forgiving of case and punctuation:
 * its architecture, tokens, hardware and the figures its paper reports, each with the
 * table it comes from. `estimateRun({ preset })` reproduces them.
 *
 * @param query - an id such as `llama-2-70b`, or a name
 * @returns the run
 * @throws InputError for field `preset` with suggestions when nothing matches
 * @example
 * ```ts
 * import { getPublishedRun } from '@scaling-lab/core';
 * // Touvron et al. 2023, "Llama 2", Table 2
 * getPublishedRun('llama-2-70b').acceleratorHours?.value; // → 1720320
 * ```
 */
export function getPublishedRun(query: string): PublishedRun {
  return fuzzyGet('preset', 'preset', query, CANDIDATES, 'list them with `scaling-lab presets`').value;
}
