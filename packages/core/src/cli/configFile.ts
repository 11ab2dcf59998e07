/**
 * `estimate --config config.json`: reads a Hugging Face config (the only I/O) and hands it to the pure
 * reader (estimate/architecture/hfConfig.ts). Errors name `--config` and the config key.
 */
import { InputError } from '../errors.js';
import { architectureFromHfConfig, type ConfigArchitecture } from '../estimate/architecture/hfConfig.js';
import { inFile } from './flags.js';
import { readJsonFile } from './readFile.js';

export function readConfigArchitecture(path: string, flag = '--config'): ConfigArchitecture {
  const { json } = readJsonFile(path, flag, 'give a Hugging Face config.json (the file beside the model weights)');
  try {
    return architectureFromHfConfig(json);
  } catch (err) {
    // The reader names the key as `config.<key>`: named as the user sees it, `--config file: key`.
    if (err instanceof InputError) {
      const key = err.field.replace(/^config\.?/, '');
      throw key ? inFile(err, flag, path, () => key) : err.withField(flag);
    }
    throw err;
  }
}
