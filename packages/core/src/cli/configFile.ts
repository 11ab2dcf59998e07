/**
 * `estimate --config config.json`: reads a Hugging Face config (the only I/O) and hands it to the pure
 * reader (estimate/architecture/hfConfig.ts). Errors name `--config` and the config key.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { architectureFromHfConfig, type ConfigArchitecture } from '../estimate/architecture/hfConfig.js';

export function readConfigArchitecture(path: string): ConfigArchitecture {
  const fix = 'give a Hugging Face config.json (the file beside the model weights)';
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError('--config', `cannot read "${path}" (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, fix);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError('--config', `"${path}" is not valid JSON (${(err as Error).message})`, fix);
  }
  try {
    return architectureFromHfConfig(json);
  } catch (err) {
    if (err instanceof InputError) {
      const key = err.field.replace(/^config\.?/, '');
      const problem = err.message.slice(err.field.length + 2).replace(err.fix ? ` (${err.fix})` : '', '');
      throw new InputError('--config', `${key ? `${key} ` : ''}${problem}`, err.fix);
    }
    throw err;
  }
}
