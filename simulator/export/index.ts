/** Export a pipeline as a bundle that runs on the real engines, and import real configuration files. */
export { exportBundle, bundleName, isBundleExtra, type ExportSource } from './bundle.js';
export { specToWorkspace } from './spec-to-workspace.js';
export { importWorkspace, defaultWorld, type Imported } from './import.js';
export { zipFiles, unzipFiles } from './zip.js';
export { formatRefusals, type Refusal, type Written } from './refusal.js';
