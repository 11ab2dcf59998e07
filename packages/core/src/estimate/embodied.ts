/**
 * Embodied (manufacturing) carbon of a run's hardware: accelerators plus the servers that hold them,
 * each amortised over the hours the hardware does useful work (Luccioni et al. 2022 §4 method):
 *
 *   kgCO2e = accelerator-hours × (kg per accelerator + kg per server ÷ accelerators per server)
 *            ÷ (lifetime years × 8760 h × utilisation)
 *
 * Check: BLOOM, 1,082,990 A100-hours, 150 kg per GPU, 2,500 kg per 8-GPU node, 6 years, 85 % →
 * GPUs 3.64 t + servers 7.57 t = 11.2 t, the paper's embodied total. Networking and storage are not
 * included: no source this project carries gives a per-accelerator-hour figure for them (Luccioni et
 * al. leave them out too), and the assumptions say so.
 */
import { assumption, type Assumption } from '../assumption.js';
import { constantRow, constantSource } from '../data/constants.js';
import { embodiedCo2eKg } from './carbon.js';

export interface EmbodiedEstimate {
  /** Accelerators' share, kgCO2e. */
  acceleratorsKg: number;
  /** Server nodes' share (CPUs, memory, boards, chassis; GPUs excluded), kgCO2e. */
  serversKg: number;
  totalKg: number;
}

/** Embodied carbon of `acceleratorHours` on `acceleratorId`, with the assumptions it used. */
export function embodiedForRun(acceleratorHours: number, acceleratorId: string): { embodied: EmbodiedEstimate; assumptions: Assumption[] } {
  const kg = constantRow('embodied.a100.kgPerGpu');
  const server = constantRow('embodied.server.kgPerNode');
  const perNode = constantRow('embodied.server.acceleratorsPerNode');
  const life = constantRow('embodied.lifetimeYears');
  const util = constantRow('embodied.utilisation');
  const acceleratorsKg = embodiedCo2eKg(acceleratorHours, kg.value, life.value, util.value);
  const serversKg = embodiedCo2eKg(acceleratorHours / perNode.value, server.value, life.value, util.value);
  const A = [
    assumption('embodiedKgPerAccelerator', kg.value, 'kgCO2e', constantSource(kg) + (acceleratorId.includes('a100') ? '' : `; A100 figure applied to ${acceleratorId}`)),
    assumption('embodiedKgPerServer', server.value, 'kgCO2e', constantSource(server)),
    assumption('embodiedAcceleratorsPerServer', perNode.value, 'accelerators', constantSource(perNode)),
    assumption('embodiedLifetimeYears', life.value, 'years', constantSource(life)),
    assumption('embodiedUtilisation', util.value, '', constantSource(util)),
    assumption('embodiedNotIncluded', 'networking, storage, buildings', '', 'no per-accelerator-hour source for them; Luccioni et al. 2022 also count GPUs and servers only'),
  ];
  return { embodied: { acceleratorsKg, serversKg, totalKg: acceleratorsKg + serversKg }, assumptions: A };
}
