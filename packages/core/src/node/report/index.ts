/** The main job's report: analysis of a sweep's results, SVG charts, report folder. */
export * from './analyse.js';
export * from './svg.js';
export * from './charts.js';
export * from './write.js';
