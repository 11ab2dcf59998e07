/**
 * Energy = accelerator-hours × average accelerator power × host overhead × PUE.
 *
 * Average power defaults to TDP × a power fraction (0.70: StarCoder assumed
 * 280 W on a 400 W A100, Li et al. 2023 §5.7); host overhead (CPU, memory,
 * network, fans) defaults to 1.10 (GPT-3: 330 W system power per 300 W V100,
 * Patterson et al. 2021 Table 4); PUE (facility / IT energy) defaults by
 * provider (see data/constants). Meta's, BLOOM's and Llama's published figures
 * use TDP × hours × PUE (power fraction 1, no host overhead).
 * Plain numbers, no validation (hot path).
 */

export interface EnergyInput {
  acceleratorHours: number;
  /** Average power per accelerator, W. */
  watts: number;
  /** Multiplier for host/network power on top of the accelerators (1 = none). */
  hostOverhead?: number;
  /** Power usage effectiveness (1 = no facility overhead). */
  pue?: number;
}

/**
 * Facility energy in kWh = accelerator-hours × average watts × host overhead × PUE / 1000.
 *
 * Host overhead is the multiplier for CPUs, memory and network (GPT-3: 330 W system per
 * 300 W V100, Patterson et al. 2021, Table 4); PUE is facility over IT energy. Plain
 * numbers, no validation (hot path).
 *
 * @param input - `acceleratorHours`, `watts` (average per accelerator), `hostOverhead` (default 1)
 *   and `pue` (default 1)
 * @returns kWh drawn by the facility
 * @example
 * ```ts
 * import { energyKWh } from '@scaling-lab/core';
 * energyKWh({ acceleratorHours: 1e6, watts: 700, hostOverhead: 1.1, pue: 1.1 }); // → 847000
 * ```
 */
export function energyKWh({ acceleratorHours, watts, hostOverhead = 1, pue = 1 }: EnergyInput): number {
  return (acceleratorHours * watts * hostOverhead * pue) / 1000;
}

/**
 * Average accelerator power = TDP × the fraction of TDP drawn (0.70 by default in
 * estimates: StarCoder assumed 280 W on a 400 W A100, Li et al. 2023, §5.7).
 *
 * @param tdpW - thermal design power, W
 * @param powerFraction - the fraction of TDP drawn on average (0–1)
 * @returns W
 * @example
 * ```ts
 * import { averageWatts } from '@scaling-lab/core';
 * averageWatts(400, 0.7); // → 280
 * ```
 */
export function averageWatts(tdpW: number, powerFraction: number): number {
  return tdpW * powerFraction;
}

/**
 * Energy as household-years of electricity: kWh / a household's yearly use (US 10,715
 * kWh in 2020, EIA; EU 3,600 kWh, Odyssee-Mure; see data/constants).
 *
 * @param kWh - the energy
 * @param householdKWhPerYear - one household's yearly electricity use
 * @returns household-years
 * @example
 * ```ts
 * import { householdYears } from '@scaling-lab/core';
 * householdYears(620771, 10715); // → 57.9
 * ```
 */
export function householdYears(kWh: number, householdKWhPerYear: number): number {
  return kWh / householdKWhPerYear;
}
