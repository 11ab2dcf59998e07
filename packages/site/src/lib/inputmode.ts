/**
 * The phone keyboard each text field asks for (the `inputmode` attribute).
 * Fields that take suffixes or exponents (70B, 1.4T, 1e24) or names (France)
 * get the full keyboard: "decimal" has no letters and no `e`. Only plain
 * fractions get "decimal" and only small whole numbers "numeric".
 */
const DECIMAL = new Set(['mfu', 'usdPerHour', 'watts', 'powerFraction', 'hostOverhead', 'pue', 'grid', 'data_val', 'lr_warmup', 'weightDecay', 'dropout', 'targetLoss', 'hp_epochs', 'deadlineDays', 'restartOverhead']);
const NUMERIC = new Set(['count', 'tensorParallel', 'pipelineParallel', 'microBatch', 'layers', 'dModel', 'heads', 'kvHeads', 'ffnDim', 'context', 'loraRank', 'steps', 'patience', 'batchSize', 'textChars', 'lr_batch', 'lr_context', 'hp_batch', 'hp_context', 'year']);

export type InputMode = 'text' | 'decimal' | 'numeric';

/** `decimal`, `numeric`, or undefined (the full keyboard) for a text field named `name`. */
export function inputModeFor(name: string): InputMode | undefined {
  if (DECIMAL.has(name)) return 'decimal';
  if (NUMERIC.has(name)) return 'numeric';
  return undefined;
}
