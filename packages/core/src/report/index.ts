/** Analysis of a sweep's results (fits, frontier, projection) and its SVG charts: pure, for Node, the site and notebooks. */
export * from './analyse.js';
export * from './svg.js';
export * from './charts.js';
export * from './trustText.js';
export * from './verificationChart.js';
export * from './identified.js';
