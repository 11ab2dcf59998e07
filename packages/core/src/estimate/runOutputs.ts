/**
 * The run formula, once: from resolved numeric inputs to hours, wall-clock,
 * cost, energy and CO2e, through the named formulas of time.ts, cost.ts,
 * energy.ts and carbon.ts. `estimateRun` (the point estimate) and the Monte
 * Carlo's per-sample model (uncertainty/runUncertainty.ts) both call it, so
 * the two cannot drift apart.
 *
 *   total hours  = compute hours × (1 + restarts + sweep)
 *   wall-clock   = compute hours × (1 + restarts) / count      (the sweep runs before, not in, the run)
 *   cost         = total hours × USD/h                          (costUsd)
 *   IT energy    = total hours × W × host overhead / 1000      (energyKWh at PUE 1)
 *   energy       = IT energy × PUE, or a measured energy × (1 + restarts + sweep)
 *   CO2e         = energy × grid gCO2e/kWh / 1000               (co2eKg)
 * Plain numbers, no validation: the Monte Carlo's hot path.
 */
import { co2eKg } from './carbon.js';
import { costUsd } from './cost.js';
import { energyKWh } from './energy.js';
import { overheadFactor, wallClockHours } from './time.js';

export interface RunInputs {
  computeHours: number;
  restartOverhead: number;
  sweepOverhead: number;
  count: number | null;
  usdPerHour: number | null;
  watts: number;
  hostOverhead: number;
  pue: number;
  gridGCO2ePerKWh: number;
  /** A measured facility energy for the main run (kWh), instead of power × hours. */
  measuredEnergyKWh?: number;
}

export interface RunOutputs {
  totalHours: number;
  wallClockHours: number | null;
  costUsd: number | null;
  itEnergyKWh: number;
  energyKWh: number;
  co2eKg: number;
}

/** Hours, wall-clock, cost, energy and CO2e of a run (see the module comment for the formulas). */
export function runOutputs(x: RunInputs): RunOutputs {
  const overhead = overheadFactor(x.restartOverhead, x.sweepOverhead);
  const totalHours = x.computeHours * overhead;
  let itEnergyKWh: number;
  let facilityKWh: number;
  if (x.measuredEnergyKWh !== undefined) {
    facilityKWh = x.measuredEnergyKWh * overhead;
    itEnergyKWh = facilityKWh / x.pue;
  } else {
    itEnergyKWh = energyKWh({ acceleratorHours: totalHours, watts: x.watts, hostOverhead: x.hostOverhead, pue: 1 });
    facilityKWh = itEnergyKWh * x.pue;
  }
  return {
    totalHours,
    wallClockHours: x.count !== null ? wallClockHours(x.computeHours * overheadFactor(x.restartOverhead, 0), x.count) : null,
    costUsd: x.usdPerHour !== null ? costUsd(totalHours, x.usdPerHour) : null,
    itEnergyKWh,
    energyKWh: facilityKWh,
    co2eKg: co2eKg(facilityKWh, x.gridGCO2ePerKWh),
  };
}
