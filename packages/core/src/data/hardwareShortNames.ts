/**
 * Common short names that match several variants resolve to a stated default, with a note saying so
 * (`--hardware h100` → the SXM5 80 GB, the part in most training clusters). Only ambiguous short names
 * are listed: a fragment that one id contains (`h200`, `mi300x`) already resolves on its own.
 * The defaults: the training-cluster form factor (SXM/OAM) and the larger memory.
 */
export const SHORT_NAME_DEFAULTS: ReadonlyMap<string, { id: string; note: string }> = new Map([
  ['h100', { id: 'nvidia-h100-sxm5-80gb', note: 'h100 read as the H100 SXM5 80GB (the training-cluster part); give h100-pcie for the PCIe card' }],
  ['a100', { id: 'nvidia-a100-sxm4-80gb', note: 'a100 read as the A100 SXM4 80GB; give a100-40gb or a100-pcie for the others' }],
  ['a10080gb', { id: 'nvidia-a100-sxm4-80gb', note: 'a100-80gb read as the A100 SXM4 80GB; give a100-pcie-80gb for the PCIe card' }],
  ['a10040gb', { id: 'nvidia-a100-sxm4-40gb', note: 'a100-40gb read as the A100 SXM4 40GB; give a100-pcie-40gb for the PCIe card' }],
  ['h100sxm', { id: 'nvidia-h100-sxm5-80gb', note: 'h100-sxm read as the H100 SXM5 80GB' }],
  ['b200', { id: 'nvidia-b200-hgx', note: 'b200 read as the B200 in an HGX board (not the GB200 NVL72)' }],
  ['tpuv5', { id: 'google-tpu-v5p', note: 'tpu-v5 read as TPU v5p (the training part); give tpu-v5e for v5e' }],
]);

/** The default for a short name (normalised: lower case, letters and digits only), if it has one. */
export function shortNameDefault(query: string): { id: string; note: string } | undefined {
  return SHORT_NAME_DEFAULTS.get(query.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
