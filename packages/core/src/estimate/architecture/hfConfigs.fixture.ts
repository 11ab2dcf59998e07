/**
 * Architecture keys of released Hugging Face `config.json` files (transcribed from the model repositories
 * on huggingface.co; keys not used by the parameter count are omitted). Used by the tests to check
 * `architectureFromHfConfig` against the released checkpoints' parameter counts.
 */
export const HF_CONFIGS: Record<string, { config: Record<string, unknown>; params: number; source: string }> = {
  'meta-llama/Llama-3.1-8B': {
    config: { model_type: 'llama', hidden_act: 'silu', hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 131072, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, tie_word_embeddings: false, vocab_size: 128256, attention_bias: false },
    params: 8_030_261_248, source: 'safetensors total of meta-llama/Llama-3.1-8B',
  },
  'meta-llama/Llama-3.2-1B': {
    config: { model_type: 'llama', hidden_act: 'silu', hidden_size: 2048, head_dim: 64, intermediate_size: 8192, max_position_embeddings: 131072, num_attention_heads: 32, num_hidden_layers: 16, num_key_value_heads: 8, tie_word_embeddings: true, vocab_size: 128256 },
    params: 1_235_814_400, source: 'safetensors total of meta-llama/Llama-3.2-1B',
  },
  'mistralai/Mistral-7B-v0.1': {
    config: { model_type: 'mistral', hidden_act: 'silu', hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 32768, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, sliding_window: 4096, tie_word_embeddings: false, vocab_size: 32000 },
    params: 7_241_732_096, source: 'Mistral 7B checkpoint (7.24B)',
  },
  'mistralai/Mixtral-8x7B-v0.1': {
    config: { model_type: 'mixtral', hidden_act: 'silu', hidden_size: 4096, intermediate_size: 14336, max_position_embeddings: 32768, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 8, num_local_experts: 8, num_experts_per_tok: 2, sliding_window: null, tie_word_embeddings: false, vocab_size: 32000 },
    params: 46_702_792_704, source: 'Mixtral 8x7B checkpoint (46.7B)',
  },
  'Qwen/Qwen2.5-7B': {
    config: { model_type: 'qwen2', hidden_act: 'silu', hidden_size: 3584, intermediate_size: 18944, max_position_embeddings: 131072, num_attention_heads: 28, num_hidden_layers: 28, num_key_value_heads: 4, sliding_window: 131072, use_sliding_window: false, tie_word_embeddings: false, vocab_size: 152064 },
    params: 7_615_616_512, source: 'Qwen2.5-7B model card (7.61B) and checkpoint',
  },
  'google/gemma-2-9b': {
    config: { model_type: 'gemma2', hidden_activation: 'gelu_pytorch_tanh', hidden_size: 3584, head_dim: 256, intermediate_size: 14336, max_position_embeddings: 8192, num_attention_heads: 16, num_hidden_layers: 42, num_key_value_heads: 8, sliding_window: 4096, vocab_size: 256000 },
    params: 9_241_705_984, source: 'safetensors total of google/gemma-2-9b',
  },
  'allenai/OLMo-7B-hf': {
    config: { model_type: 'olmo', hidden_act: 'silu', hidden_size: 4096, intermediate_size: 11008, max_position_embeddings: 2048, num_attention_heads: 32, num_hidden_layers: 32, num_key_value_heads: 32, tie_word_embeddings: false, vocab_size: 50304 },
    params: 6_888_095_744, source: 'OLMo-7B checkpoint (non-parametric LayerNorm, Groeneveld et al. 2024)',
  },
  'openai-community/gpt2': {
    config: { model_type: 'gpt2', activation_function: 'gelu_new', n_ctx: 1024, n_embd: 768, n_head: 12, n_layer: 12, n_positions: 1024, vocab_size: 50257 },
    params: 124_439_808, source: 'GPT-2 small checkpoint (124M)',
  },
  'google-bert/bert-base-uncased': {
    config: { model_type: 'bert', hidden_act: 'gelu', hidden_size: 768, intermediate_size: 3072, max_position_embeddings: 512, num_attention_heads: 12, num_hidden_layers: 12, type_vocab_size: 2, vocab_size: 30522 },
    params: 109_482_240, source: 'BertModel(bert-base-uncased) with pooler (110M in Devlin et al. 2019, Table 1 caption)',
  },
  'deepseek-ai/DeepSeek-V3': {
    config: { model_type: 'deepseek_v3', hidden_act: 'silu', hidden_size: 7168, intermediate_size: 18432, moe_intermediate_size: 2048, max_position_embeddings: 163840, num_attention_heads: 128, num_hidden_layers: 61, num_key_value_heads: 128, n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8, first_k_dense_replace: 3, moe_layer_freq: 1, q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, num_nextn_predict_layers: 1, tie_word_embeddings: false, vocab_size: 129280 },
    params: 671e9, source: 'DeepSeek-V3 Technical Report, arXiv:2412.19437, Abstract (671B total, MTP excluded)',
  },
};
