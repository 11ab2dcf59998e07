/**
 * `estimate --config config.json`: reads a Hugging Face config (the only I/O) and hands it to the pure
 * reader (estimate/architecture/hfConfig.ts). Errors name `--config` and the config key.
 */
import { InputError } from '../errors.js';
import { architectureFromHfConfig, type ConfigArchitecture } from '../estimate/architecture/hfConfig.js';
import { readJsonFile } from './readFile.js';

export function readConfigArchitecture(path: string, flag = '--config'): ConfigArchitecture {
  const { json } = readJsonFile(path, flag, 'give a Hugging Face config.json (the file beside the model weights)');
  try {
    return architectureFromHfConfig(json);
  } catch (err) {
    // The reader names the key as `config.<key>`: keep the key, name the flag the user typed.
    if (err instanceof InputError) {
      const key = err.field.replace(/^config\.?/, '');
      throw new InputError(flag, `${key ? `${key} ` : ''}${err.problem}`, err.fix);
    }
    throw err;
  }
}
