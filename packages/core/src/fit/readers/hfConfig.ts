/**
 * Parameter count N from a Hugging Face `config.json` (pure), via core's
 * `paramsFromArchitecture`. Reads the field names of the common families:
 * layers `num_hidden_layers`|`n_layer`|`num_layers`, width `hidden_size`|`n_embd`|`d_model`,
 * heads `num_attention_heads`|`n_head`, `num_key_value_heads`, `head_dim`,
 * FFN `intermediate_size`|`n_inner`|`ffn_dim` (GPT-2's null = 4d), `vocab_size`,
 * context `max_position_embeddings`|`n_positions`, MoE `num_local_experts`|`num_experts`
 * with `num_experts_per_tok`. A gated MLP (three matrices) when `hidden_act` is silu/swish
 * (Llama, Mistral, Qwen) or the family is Gemma (GeGLU). Learned positions and biases for
 * GPT-2/OPT-style families. `tie_word_embeddings` defaults to true, as in transformers'
 * PretrainedConfig. Checks: gpt2 → 124,439,808; Llama-2-7b → 6,738,415,616 (the released
 * checkpoints' counts).
 */
import { InputError } from '../../errors.js';
import { paramsFromArchitecture, type Architecture, type ParamBreakdown } from '../../estimate/params.js';

const LEARNED_POSITIONS = new Set(['gpt2', 'opt', 'gpt_neo', 'gpt_bigcode', 'biogpt', 'xglm']);
const BIASED = new Set(['gpt2', 'opt', 'gpt_neo', 'gpt_bigcode', 'gpt_neox', 'bloom', 'biogpt', 'falcon', 'phi']);

export function architectureFromHfConfig(text: string, source = 'config.json'): Architecture {
  let c: Record<string, unknown>;
  try {
    c = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(source, `is not valid JSON (${(err as Error).message})`, 'give a Hugging Face config.json');
  }
  if (!c || typeof c !== 'object' || Array.isArray(c)) throw new InputError(source, 'is not a JSON object', 'give a Hugging Face config.json');
  // Multimodal configs keep the language model under text_config.
  if (c.text_config && typeof c.text_config === 'object') c = { ...(c.text_config as Record<string, unknown>), model_type: c.model_type };
  const pick = (...keys: string[]): number | undefined => {
    for (const k of keys) if (typeof c[k] === 'number') return c[k] as number;
    return undefined;
  };
  const need = (what: string, ...keys: string[]): number => {
    const v = pick(...keys);
    if (v === undefined) throw new InputError(`${source} "${keys[0]}"`, `is missing (looked for ${keys.join(', ')}) so ${what} is unknown`, 'give the config.json of a decoder-only transformer');
    return v;
  };
  const type = String(c.model_type ?? '').toLowerCase();
  const act = String(c.hidden_act ?? c.hidden_activation ?? c.activation_function ?? '').toLowerCase();
  const dModel = need('the width', 'hidden_size', 'n_embd', 'd_model');
  const experts = pick('num_local_experts', 'num_experts', 'n_routed_experts');
  return {
    layers: need('the depth', 'num_hidden_layers', 'n_layer', 'num_layers'),
    dModel,
    heads: need('the head count', 'num_attention_heads', 'n_head'),
    kvHeads: pick('num_key_value_heads'),
    headDim: pick('head_dim'),
    ffnDim: pick('intermediate_size', 'n_inner', 'ffn_dim') ?? 4 * dModel,
    ffnType: act === 'silu' || act === 'swish' || type.startsWith('gemma') ? 'swiglu' : 'gelu',
    vocab: need('the vocabulary', 'vocab_size'),
    tiedEmbeddings: c.tie_word_embeddings === undefined ? true : Boolean(c.tie_word_embeddings),
    context: pick('max_position_embeddings', 'n_positions', 'n_ctx'),
    learnedPositions: LEARNED_POSITIONS.has(type),
    bias: BIASED.has(type) || c.attention_bias === true,
    experts: experts && experts > 1 ? experts : undefined,
    activeExperts: experts && experts > 1 ? pick('num_experts_per_tok') : undefined,
  };
}

/** N from a config.json: the full breakdown (total, nonEmbedding, active). */
export function paramsFromHfConfig(text: string, source = 'config.json'): ParamBreakdown {
  return paramsFromArchitecture(architectureFromHfConfig(text, source));
}
