/**
 * An Architecture from a Hugging Face `config.json` (the form users have at hand), with a note for
 * every value that was inferred rather than read. Reads the keys of the Transformers configuration
 * classes (LlamaConfig, MistralConfig, MixtralConfig, Qwen2Config, Qwen2MoeConfig, Gemma2Config,
 * OlmoConfig, DeepseekV3Config, GPT2Config, BertConfig, OPTConfig, …), including the GPT-2 aliases
 * (n_layer, n_embd, n_head, n_inner, n_positions) and a multimodal model's `text_config`.
 *
 * Conventions taken from Transformers (v4.4x):
 * - `tie_word_embeddings` defaults to true (PretrainedConfig), as GPT-2 and BERT rely on.
 * - Gated MLPs (three matrices) for the Llama family, Mistral/Mixtral, Qwen2, Gemma (GeGLU), OLMo,
 *   DeepSeek, Phi-3; two matrices for GPT-2, BERT, OPT, GPT-NeoX, Falcon.
 * - Learned absolute positions for GPT-2, GPT-Neo, OPT, BERT, RoBERTa; rotary otherwise.
 * - Q/K/V biases for Qwen2; all-linear biases for GPT-2, BERT, OPT, GPT-NeoX; `attention_bias` otherwise.
 * - OLMo 1 uses a non-parametric LayerNorm; Gemma 2/3 four RMSNorms per layer and alternating sliding
 *   windows; `layer_types` (newer configs) lists sliding/full attention per layer.
 * Pure: takes the parsed JSON, does no I/O.
 */
import { InputError } from '../../errors.js';
import type { Architecture } from '../params.js';

export interface ConfigArchitecture {
  architecture: Architecture;
  /** Model type read from the config (`model_type`), if any. */
  modelType: string | null;
  /** What was inferred and from which key; shown beside the estimate. */
  notes: string[];
  /** Architecture field → the config key its value was read from (`layers` → `num_hidden_layers`), so an error names the key. */
  sources: Record<string, string>;
}

const GATED = ['llama', 'mistral', 'mixtral', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'gemma', 'gemma2', 'gemma3_text', 'olmo', 'olmo2', 'olmoe', 'deepseek_v2', 'deepseek_v3', 'phi3', 'cohere', 'granite', 'llama4_text'];
const LEARNED_POSITIONS = ['gpt2', 'gpt_neo', 'opt', 'bert', 'roberta', 'gpt_bigcode', 'xlm-roberta'];
const ALL_BIASES = ['gpt2', 'gpt_neo', 'opt', 'bert', 'roberta', 'gpt_neox', 'gpt_bigcode', 'xlm-roberta'];
const QKV_BIAS = ['qwen2', 'qwen2_moe'];
const FOUR_NORMS = ['gemma2', 'gemma3_text'];

function own(o: Record<string, unknown>, k: string): unknown {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}

/**
 * Reads an Architecture from a parsed Hugging Face `config.json` (num_hidden_layers, hidden_size,
 * num_attention_heads, num_key_value_heads, intermediate_size, vocab_size, …), with the config key each
 * field came from and notes on every default it assumed.
 *
 * @param json - the parsed config.json
 * @returns the architecture, the model type, the source key per field and the notes
 * @throws InputError naming the missing or malformed config key
 * @example
 * ```ts
 * import { architectureFromHfConfig } from '@scaling-lab/core';
 * const c = architectureFromHfConfig({ model_type: 'llama', num_hidden_layers: 32, hidden_size: 4096,
 *   num_attention_heads: 32, num_key_value_heads: 8, intermediate_size: 14336, vocab_size: 128256 });
 * c.architecture.ffnType; // → 'swiglu'
 * c.sources.kvHeads; // → 'num_key_value_heads'
 * architectureFromHfConfig([]); // → throws InputError
 * ```
 */
export function architectureFromHfConfig(json: unknown): ConfigArchitecture {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new InputError('config', 'is not a JSON object', 'give a Hugging Face config.json');
  let c = json as Record<string, unknown>;
  const notes: string[] = [];
  const textConfig = own(c, 'text_config');
  if (textConfig && typeof textConfig === 'object' && own(c, 'num_hidden_layers') === undefined) {
    c = textConfig as Record<string, unknown>;
    notes.push('read the language model from text_config');
  }
  const modelType = typeof own(c, 'model_type') === 'string' ? (own(c, 'model_type') as string) : null;
  const num = (keys: string[], required: boolean): number | undefined => {
    for (const k of keys) {
      const v = own(c, k);
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`config.${k}`, `expected a number, got ${JSON.stringify(v)}`, 'fix the config');
      return v;
    }
    if (required) throw new InputError(`config.${keys[0]}`, 'is missing', `the config needs one of ${keys.join(', ')}`);
    return undefined;
  };
  const sources: Record<string, string> = {};
  const prefix = c === json ? '' : 'text_config.';
  /** num(), remembering which key fed `field`. */
  const read = (field: string, keys: string[], required: boolean): number | undefined => {
    const v = num(keys, required);
    const key = keys.find((k) => own(c, k) !== undefined && own(c, k) !== null);
    if (v !== undefined && key) sources[field] = `${prefix}${key}`;
    return v;
  };
  const bool = (k: string): boolean | undefined => (typeof own(c, k) === 'boolean' ? (own(c, k) as boolean) : undefined);
  const type = modelType ?? '';

  const a: Architecture = {
    layers: read('layers', ['num_hidden_layers', 'n_layer', 'num_layers'], true)!,
    dModel: read('dModel', ['hidden_size', 'n_embd', 'd_model'], true)!,
    heads: read('heads', ['num_attention_heads', 'n_head'], true)!,
    vocab: read('vocab', ['vocab_size'], true)!,
  };
  let kv = read('kvHeads', ['num_key_value_heads', 'num_kv_heads'], false);
  if (kv === undefined && bool('multi_query') === true) kv = 1;
  if (kv !== undefined) a.kvHeads = kv;
  const headDim = read('headDim', ['head_dim'], false);
  if (headDim !== undefined) a.headDim = headDim;
  const ffn = read('ffnDim', ['intermediate_size', 'n_inner', 'ffn_dim', 'd_ff'], false);
  if (ffn !== undefined) a.ffnDim = ffn;
  else notes.push('no intermediate_size: feed-forward width 4 × hidden_size');

  const act = String(own(c, 'hidden_activation') ?? own(c, 'hidden_act') ?? own(c, 'activation_function') ?? '');
  if (GATED.includes(type)) a.ffnType = act.includes('gelu') ? 'geglu' : 'swiglu';
  else if (modelType === null) notes.push('no model_type: assumed a two-matrix MLP');
  else if (!LEARNED_POSITIONS.includes(type) && !ALL_BIASES.includes(type) && type !== 'falcon') notes.push(`model_type "${type}" is not one this reader knows: assumed a two-matrix MLP, rotary positions, no biases`);

  const tied = bool('tie_word_embeddings');
  a.tiedEmbeddings = tied ?? true;
  if (tied === undefined) notes.push('tie_word_embeddings absent: tied, the Transformers default');
  const context = read('context', ['max_position_embeddings', 'n_positions', 'n_ctx', 'seq_length'], false);
  if (context !== undefined) {
    a.context = context;
    if (!LEARNED_POSITIONS.includes(type)) notes.push(`context ${context} from max_position_embeddings (the longest supported; give --context for the training sequence length)`);
  }
  if (LEARNED_POSITIONS.includes(type)) {
    if (context === undefined) throw new InputError('config.max_position_embeddings', 'is missing and this model learns its positions', 'add it to the config');
    a.learnedPositions = true;
  }
  if (ALL_BIASES.includes(type)) a.bias = true;
  else if (bool('attention_bias') === true || bool('bias') === true) a.bias = true;
  if (QKV_BIAS.includes(type)) a.qkvBias = true;
  if (type === 'olmo') a.norm = 'nonparametric';
  if (FOUR_NORMS.includes(type)) a.normsPerLayer = 4;
  const typeVocab = read('tokenTypes', ['type_vocab_size'], false);
  if (typeVocab) a.tokenTypes = typeVocab;
  if (type === 'bert' || type === 'roberta' || type === 'xlm-roberta') a.pooler = true;

  // Mixture of experts.
  const experts = read('experts', ['n_routed_experts', 'num_local_experts', 'num_experts'], false);
  if (experts !== undefined && experts > 1) {
    a.experts = experts;
    const k = read('activeExperts', ['num_experts_per_tok', 'moe_top_k', 'num_selected_experts'], false);
    if (k !== undefined) a.activeExperts = k;
    else notes.push('no num_experts_per_tok: every expert counted as active');
    const expertFfn = read('expertFfnDim', ['moe_intermediate_size'], false);
    if (expertFfn !== undefined) a.expertFfnDim = expertFfn;
    const shared = read('sharedExperts', ['n_shared_experts'], false);
    const sharedFfn = read('sharedExpertFfnDim', ['shared_expert_intermediate_size'], false);
    if (shared) a.sharedExperts = shared;
    else if (sharedFfn) { a.sharedExperts = 1; a.sharedExpertFfnDim = sharedFfn; }
    const firstDense = read('denseLayers', ['first_k_dense_replace'], false);
    if (firstDense) a.denseLayers = firstDense;
    const every = read('moeEvery', ['moe_layer_freq', 'decoder_sparse_step', 'interleave_moe_layer_step'], false);
    if (every && every > 1) a.moeEvery = every;
  }
  // Multi-head latent attention.
  const kvRank = read('mla.kvLoraRank', ['kv_lora_rank'], false);
  if (kvRank !== undefined) {
    a.mla = {
      kvLoraRank: kvRank,
      qkNopeHeadDim: read('mla.qkNopeHeadDim', ['qk_nope_head_dim'], true)!,
      qkRopeHeadDim: read('mla.qkRopeHeadDim', ['qk_rope_head_dim'], true)!,
      vHeadDim: read('mla.vHeadDim', ['v_head_dim'], true)!,
    };
    const qRank = read('mla.qLoraRank', ['q_lora_rank'], false);
    if (qRank) a.mla.qLoraRank = qRank;
  }
  const mtp = read('mtpModules', ['num_nextn_predict_layers'], false);
  if (mtp) a.mtpModules = mtp;

  // Sliding windows.
  const window = read('slidingWindow', ['sliding_window'], false);
  const useWindow = bool('use_sliding_window');
  const layerTypes = own(c, 'layer_types');
  if (window !== undefined && useWindow !== false) {
    if (Array.isArray(layerTypes)) {
      a.slidingWindow = window;
      a.attentionTypes = layerTypes.map((t) => (String(t).includes('sliding') ? 'sliding' : 'global'));
    } else if (FOUR_NORMS.includes(type)) {
      a.slidingWindow = window;
      a.slidingWindowPattern = 'alternate';
    } else if (window < (context ?? Infinity)) {
      a.slidingWindow = window;
      a.slidingWindowPattern = 'all';
    }
  }
  if (Array.isArray(layerTypes) && a.attentionTypes) sources.attentionTypes = `${prefix}layer_types`;
  return { architecture: a, modelType, notes, sources };
}
