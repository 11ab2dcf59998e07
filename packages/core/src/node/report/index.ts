/** The main job's report folder (the analysis and charts it writes live in the pure core's `report/`). */
export * from '../../report/index.js';
export * from './write.js';
