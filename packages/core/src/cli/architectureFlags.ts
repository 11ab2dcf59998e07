/**
 * The architecture flags of `estimate`, as one table: each flag, the Architecture field it sets, how its
 * text is read, and its --help line. The table registers the options, parses them into a partial
 * Architecture that overrides a base (a Hugging Face config or a preset's architecture), and says which
 * field a config key fed, so an error names what the user typed: the flag, or `--config file: key`.
 * A table rather than a hand-written option per feature so a new field cannot be settable in one
 * place (config) and missing in another (flags, errors, the stray-flag check).
 */
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import type { Architecture } from '../estimate/params.js';
import { parseQuantity as parseNumber } from '../parseQuantity.js';

type Kind = { number: true } | { oneOf: readonly string[] } | { bool: true } | { list: readonly string[] };

export interface ArchitectureFlag {
  flag: string;
  /** Field of Architecture (`mla.kvLoraRank` for MLA's block). */
  field: string;
  kind: Kind;
  help: string;
  /** The `<value>` shown in --help. */
  arg?: string;
}

const n = (flag: string, field: string, help: string, arg = '<n>'): ArchitectureFlag => ({ flag, field, kind: { number: true }, help, arg });

export const ARCHITECTURE_FLAGS: readonly ArchitectureFlag[] = [
  n('--layers', 'layers', 'architecture: layers (with --d-model, --heads, --vocab)'),
  n('--d-model', 'dModel', 'architecture: width'),
  n('--heads', 'heads', 'architecture: attention heads'),
  n('--kv-heads', 'kvHeads', 'architecture: key/value heads (grouped-query attention)'),
  n('--head-dim', 'headDim', 'architecture: width per head (default d-model / heads)'),
  n('--ffn', 'ffnDim', 'architecture: feed-forward width of dense layers (default 4 × d-model)'),
  { flag: '--ffn-type', field: 'ffnType', kind: { oneOf: ['gelu', 'swiglu', 'geglu'] }, help: 'architecture: gelu, swiglu or geglu', arg: '<type>' },
  n('--vocab', 'vocab', 'architecture: vocabulary size'),
  n('--context', 'context', 'architecture: context length'),
  { flag: '--tied', field: 'tiedEmbeddings', kind: { bool: true }, help: 'architecture: input and output embeddings tied (--no-tied: untied)' },
  n('--experts', 'experts', 'architecture: routed experts per MoE layer'),
  n('--active-experts', 'activeExperts', 'architecture: routed experts active per token'),
  n('--shared-experts', 'sharedExperts', 'architecture: always-on shared experts per MoE layer (DeepSeek)'),
  n('--expert-ffn', 'expertFfnDim', 'architecture: width of each routed expert (default --ffn)'),
  n('--shared-expert-ffn', 'sharedExpertFfnDim', 'architecture: width of each shared expert (default --expert-ffn)'),
  n('--dense-layers', 'denseLayers', 'architecture: the first k layers dense, the rest MoE (DeepSeek first_k_dense_replace)', '<k>'),
  n('--moe-every', 'moeEvery', 'architecture: every n-th layer MoE, the others dense (2: every other layer)'),
  { flag: '--layer-types', field: 'layerTypes', kind: { list: ['dense', 'moe'] }, help: 'architecture: dense/moe per layer, e.g. dense*3,moe*58 (overrides --dense-layers, --moe-every)', arg: '<list>' },
  n('--mtp', 'mtpModules', 'architecture: multi-token-prediction modules (DeepSeek-V3: 1), counted apart from the total'),
  n('--kv-lora-rank', 'mla.kvLoraRank', 'architecture: multi-head latent attention, compressed key/value rank (with --qk-nope-dim, --qk-rope-dim, --v-head-dim)', '<r>'),
  n('--q-lora-rank', 'mla.qLoraRank', 'architecture: MLA compressed query rank (default: no query compression)', '<r>'),
  n('--qk-nope-dim', 'mla.qkNopeHeadDim', 'architecture: MLA per-head query/key width without rotary positions'),
  n('--qk-rope-dim', 'mla.qkRopeHeadDim', 'architecture: MLA per-head rotary query/key width'),
  n('--v-head-dim', 'mla.vHeadDim', 'architecture: MLA per-head value width'),
  { flag: '--bias', field: 'bias', kind: { bool: true }, help: 'architecture: biases on every linear layer and norm (GPT-3, OPT; --no-bias: none)' },
  { flag: '--qkv-bias', field: 'qkvBias', kind: { bool: true }, help: 'architecture: biases on the Q, K and V projections only (Qwen2)' },
  { flag: '--norm', field: 'norm', kind: { oneOf: ['layernorm', 'rmsnorm', 'nonparametric'] }, help: 'architecture: layernorm, rmsnorm or nonparametric (OLMo 1)', arg: '<kind>' },
  n('--norms-per-layer', 'normsPerLayer', 'architecture: norms per layer (default 2; Gemma 2: 4)'),
  n('--token-types', 'tokenTypes', 'architecture: BERT-style token-type embeddings (type_vocab_size)'),
  { flag: '--learned-positions', field: 'learnedPositions', kind: { bool: true }, help: 'architecture: learned absolute position embeddings (GPT-2/3, OPT, BERT)' },
  n('--sliding-window', 'slidingWindow', 'architecture: sliding-window attention width in tokens (Mistral, Gemma 2: 4096)', '<tokens>'),
  { flag: '--sliding-window-pattern', field: 'slidingWindowPattern', kind: { oneOf: ['all', 'alternate'] }, help: 'architecture: which layers slide: all (default) or alternate (Gemma 2)', arg: '<all|alternate>' },
  { flag: '--attention-types', field: 'attentionTypes', kind: { list: ['global', 'sliding'] }, help: 'architecture: global/sliding per layer, e.g. sliding,global*13 (overrides --sliding-window-pattern)', arg: '<list>' },
];

/** commander's option key for a flag (`--kv-lora-rank` → `kvLoraRank`). */
export const optionKey = (flag: string): string => flag.slice(2).replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

/** The table's flag for an Architecture field, if any (own-property lookup). */
export function architectureFlagFor(field: string): string | undefined {
  return ARCHITECTURE_FLAGS.find((f) => f.field === field)?.flag;
}

/** Registers every architecture flag (booleans with their --no- form, so a preset's or config's true can be turned off). */
export function addArchitectureOptions(cmd: Command): Command {
  for (const f of ARCHITECTURE_FLAGS) {
    if ('bool' in f.kind) {
      cmd.option(f.flag, f.help);
      cmd.option(`--no-${f.flag.slice(2)}`, `architecture: not ${f.flag} (overrides a preset or config)`);
    } else cmd.option(`${f.flag} ${f.arg ?? '<n>'}`, f.help);
  }
  return cmd;
}

/** `dense*3,moe*58` → 3 × dense then 58 × moe; each entry named by `flag` when it is not allowed. */
function parseList(flag: string, raw: string, allowed: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]+)(?:\*(\d+))?$/.exec(part);
    if (!m || !allowed.includes(m[1])) throw new InputError(flag, `unknown entry "${part}"`, `use ${allowed.join(' or ')}, optionally repeated as ${allowed[0]}*3`);
    const times = m[2] === undefined ? 1 : Number(m[2]);
    if (!(times >= 1 && times <= 100_000)) throw new InputError(flag, `repeat count in "${part}" must be 1 to 100,000`, `e.g. ${allowed[0]}*3`);
    for (let i = 0; i < times; i++) out.push(m[1]);
  }
  if (!out.length) throw new InputError(flag, 'is empty', `give a comma-separated list of ${allowed.join('/')}`);
  return out;
}

/** The architecture flags the user gave, parsed: field → value (`mla.*` fields kept flat). */
export function architectureFlagValues(o: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const f of ARCHITECTURE_FLAGS) {
    const key = optionKey(f.flag);
    const raw = Object.hasOwn(o, key) ? o[key] : undefined;
    if (raw === undefined) continue;
    if ('bool' in f.kind) values.set(f.field, raw === true);
    else if ('number' in f.kind) {
      const v = parseNumber(String(raw));
      if (v === undefined) throw new InputError(f.flag, `"${String(raw)}" is not a number`, 'write e.g. 4096 or 8');
      values.set(f.field, v);
    } else if ('oneOf' in f.kind) {
      if (!f.kind.oneOf.includes(String(raw))) throw new InputError(f.flag, `unknown "${String(raw)}"`, `use ${f.kind.oneOf.join(', ')}`);
      values.set(f.field, String(raw));
    } else values.set(f.field, parseList(f.flag, String(raw), f.kind.list));
  }
  return values;
}

/** `base` with the flags' values written over it (MLA fields into `base.mla`); `replaced` lists each change. */
export function applyArchitectureFlags(base: Architecture | undefined, values: ReadonlyMap<string, unknown>): { architecture: Partial<Architecture>; replaced: string[] } {
  const arch = { ...(base ?? {}) } as Record<string, unknown>;
  const replaced: string[] = [];
  const show = (v: unknown) => (Array.isArray(v) ? `[${v.length} entries]` : JSON.stringify(v));
  for (const [field, v] of values) {
    if (field.startsWith('mla.')) {
      const k = field.slice(4);
      const mla = { ...((arch.mla as Record<string, unknown> | undefined) ?? {}) };
      if (base?.mla && Object.hasOwn(base.mla, k) && (base.mla as unknown as Record<string, unknown>)[k] !== v) replaced.push(`${field} ${show((base.mla as unknown as Record<string, unknown>)[k])} → ${show(v)}`);
      mla[k] = v;
      arch.mla = mla;
    } else {
      const old = base && Object.hasOwn(base, field) ? (base as unknown as Record<string, unknown>)[field] : undefined;
      if (base && old !== undefined && JSON.stringify(old) !== JSON.stringify(v)) replaced.push(`${field} ${show(old)} → ${show(v)}`);
      else if (base && old === undefined) replaced.push(`${field} (default) → ${show(v)}`);
      arch[field] = v;
    }
  }
  return { architecture: arch as Partial<Architecture>, replaced };
}
