/**
 * Carbon and water.
 * - Operational CO2e = kWh × grid intensity (location-based yearly average,
 *   gCO2e/kWh). 1 MWh at I g/kWh = I/1000 tCO2e.
 * - Embodied CO2e = accelerator-hours × (kgCO2e per accelerator) / (lifetime
 *   hours × utilisation): manufacturing carbon amortised over the hours the
 *   hardware does useful work (Luccioni et al. 2022 §4 method).
 * - Water = IT energy (kWh) × WUE (L/kWh, on-site; The Green Grid's WUE is per
 *   IT kWh), optionally plus facility energy × off-site water intensity of
 *   electricity generation (Li et al. 2023, "Making AI Less Thirsty").
 * Plain numbers, no validation (hot path).
 */

/**
 * Operational emissions: kgCO2e = kWh × grid intensity (gCO2e/kWh) / 1000, the
 * location-based method of Luccioni et al. 2022 (BLOOM), §4.
 *
 * @param kWh - facility energy
 * @param gCO2ePerKWh - grid carbon intensity where (and when) the run used it
 * @returns kgCO2e
 * @example
 * ```ts
 * import { co2eKg } from '@scaling-lab/core';
 * co2eKg(847000, 400); // → 338800
 * ```
 */
export function co2eKg(kWh: number, gCO2ePerKWh: number): number {
  return (kWh * gCO2ePerKWh) / 1000;
}

/** Embodied kgCO2e attributed to `acceleratorHours` of use. */
export function embodiedCo2eKg(acceleratorHours: number, kgPerAccelerator: number, lifetimeYears: number, utilisation: number): number {
  return (acceleratorHours * kgPerAccelerator) / (lifetimeYears * 8760 * utilisation);
}

/** Litres of water: on-site (IT kWh × WUE) plus off-site (facility kWh × litres per kWh generated). */
export function waterLitres(itKWh: number, wueLPerKWh: number, facilityKWh = 0, offsiteLPerKWh = 0): number {
  return itKWh * wueLPerKWh + facilityKWh * offsiteLPerKWh;
}
