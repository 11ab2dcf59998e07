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

/**
 * Embodied (manufacturing) CO2e attributed to a run: accelerator-hours × kgCO2e per
 * accelerator / (lifetime hours × utilisation), amortising the hardware's carbon over the
 * hours it does useful work (Luccioni et al. 2022, "Estimating the Carbon Footprint of
 * BLOOM", §4). Plain numbers, no validation (hot path).
 *
 * @param acceleratorHours - the run's accelerator-hours
 * @param kgPerAccelerator - embodied kgCO2e of one accelerator (with its share of the server)
 * @param lifetimeYears - service life
 * @param utilisation - the fraction of its life the accelerator is busy (0–1)
 * @returns kgCO2e
 * @example
 * ```ts
 * import { embodiedCo2eKg } from '@scaling-lab/core';
 * embodiedCo2eKg(1e6, 150, 5, 0.85); // → 4029
 * ```
 */
export function embodiedCo2eKg(acceleratorHours: number, kgPerAccelerator: number, lifetimeYears: number, utilisation: number): number {
  return (acceleratorHours * kgPerAccelerator) / (lifetimeYears * 8760 * utilisation);
}

/**
 * Water used by a run: on-site, IT kWh × WUE (The Green Grid's water usage effectiveness,
 * L per IT kWh), plus off-site, facility kWh × litres per kWh generated (Li et al. 2023,
 * "Making AI Less Thirsty"). Plain numbers, no validation (hot path).
 *
 * @param itKWh - the accelerators' and hosts' energy
 * @param wueLPerKWh - on-site litres per IT kWh
 * @param facilityKWh - the facility's energy (default 0: on-site water only)
 * @param offsiteLPerKWh - litres per kWh of electricity generated (default 0)
 * @returns litres
 * @example
 * ```ts
 * import { waterLitres } from '@scaling-lab/core';
 * waterLitres(620771, 0.5); // → 310385.5
 * ```
 */
export function waterLitres(itKWh: number, wueLPerKWh: number, facilityKWh = 0, offsiteLPerKWh = 0): number {
  return itKWh * wueLPerKWh + facilityKWh * offsiteLPerKWh;
}
