/**
 * The one table from library field names (EstimateSpec, UncertainRunSpec,
 * ProjectionSpec, InputError.field) to the CLI flags a user types, and the one
 * place that renames an InputError's field to its flag. Commands never edit
 * error text: an InputError carries `field`, `problem` and `fix` as data.
 */
import { InputError } from '../errors.js';
import { ARCHITECTURE_FLAGS } from './architectureFlags.js';

/** Library field → CLI flag. Several fields may share a flag (grid / gridGCO2ePerKWh). */
export const FLAG_FOR_FIELD: Readonly<Record<string, string>> = {
  preset: '--preset', params: '--params', activeParams: '--active-params', tokens: '--tokens', flops: '--flops',
  layers: '--layers', dModel: '--d-model', heads: '--heads', kvHeads: '--kv-heads', headDim: '--head-dim', ffnDim: '--ffn',
  ffnType: '--ffn-type', vocab: '--vocab', context: '--context', experts: '--experts', activeExperts: '--active-experts',
  hardware: '--hardware', precision: '--precision', peakFlopsPerSecond: '--peak', count: '--count', mfu: '--mfu',
  acceleratorHours: '--hours', watts: '--watts', powerFraction: '--power-fraction', hostOverhead: '--host-overhead',
  energyKWh: '--energy', usdPerHour: '--price', pricing: '--pricing', pue: '--pue', region: '--region', grid: '--grid',
  gridGCO2ePerKWh: '--grid', restartOverhead: '--restarts', sweepOverhead: '--sweep', water: '--water', household: '--household',
  flopsMethod: '--detailed', deadline: '--deadline', budget: '--budget', spec: '--params',
  optimizer: '--optimizer', trainPrecision: '--train-precision', zeroStage: '--zero', tensorParallel: '--tp', pipelineParallel: '--pp',
  dataParallel: '--count', microBatch: '--micro-batch', sequence: '--seq', recompute: '--recompute', loraRank: '--lora-rank',
  'lora.rank': '--lora-rank', loraTargets: '--lora-targets', 'lora.targets': '--lora-targets',
  targetLoss: '--target-loss', budgetFlops: '--budget-flops', budgetUsd: '--budget-usd',
  samples: '--samples', seed: '--seed', level: '--level',
  holdOut: '--holdout', doublings: '--doublings', dropHighestLoss: '--drop-highest-loss', fromFlops: '--compute',
  minRunsPerProfile: '--approach', groupWidthDecades: '--approach', workers: '--workers', maxHours: '--max-hours',
  architecture: '--config', mla: '--kv-lora-rank', pooler: '--config', law: '--law',
  // Every architecture flag's field (cli/architectureFlags.ts is the table of them).
  ...Object.fromEntries(ARCHITECTURE_FLAGS.map((f) => [f.field, f.flag])),
};

/** The flag for a library field; throws for a field no flag sets (a programming error, not bad input). */
export function flagFor(field: string): string {
  const flag = Object.hasOwn(FLAG_FOR_FIELD, field) ? FLAG_FOR_FIELD[field] : undefined;
  if (!flag) throw new Error(`no CLI flag for field "${field}"`);
  return flag;
}

/**
 * An InputError named by a library field, renamed to its CLI flag; anything else unchanged. `local` holds
 * a command's few fields whose flag differs from the table (`flops` is `--compute` in `optimal` and
 * `laws`, bootstrap `samples` is `--bootstrap` in `fit`); it is consulted first.
 */
export function withFlag(err: unknown, local: Readonly<Record<string, string>> = {}): unknown {
  if (!(err instanceof InputError) || err.field.startsWith('--')) return err;
  if (Object.hasOwn(local, err.field)) return err.withField(local[err.field]);
  if (Object.hasOwn(FLAG_FOR_FIELD, err.field)) return err.withField(FLAG_FOR_FIELD[err.field]);
  return err;
}

/** Per-command flags where a library field is set by a differently named flag. */
export const COMMAND_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  optimal: { flops: '--compute' },
  laws: { flops: '--compute' },
  fit: { samples: '--bootstrap', flops: '--compute', file: '<file>' },
  project: { flops: '--budget-flops', samples: '--bootstrap' },
  main: { flops: '--target' },
};

/**
 * An InputError about a field inside a file the user named with `flag` (a fit JSON given to `--law`, a
 * config given to `--config`), named as the user sees it: the flag, the file and the field's JSON path,
 * e.g. `--law fit.json: law.alpha`. `path` turns the library field into that JSON path when they differ
 * (a law read from the file's top level is validated as `law` but sits at the root). Anything else is
 * returned unchanged, so an error that already names a flag keeps it.
 */
export function inFile(err: unknown, flag: string, file: string, path: (field: string) => string = (f) => f): unknown {
  if (!(err instanceof InputError) || err.field.startsWith('--')) return err;
  return err.withField(`${flag} ${file}: ${path(err.field)}`);
}

/** Runs `read` (validation of a file's contents) and names its InputErrors with `inFile`. */
export function readingFile<T>(flag: string, file: string, read: () => T, path?: (field: string) => string): T {
  try {
    return read();
  } catch (err) {
    throw inFile(err, flag, file, path);
  }
}
