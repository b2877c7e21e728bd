/**
 * Korean UI strings: one file per area, the keys of its English twin in `../en/` (same file
 * name), merged here. Plain imports rather than `import.meta.glob`, so this module loads in
 * Node programs too (the benches render the diagram with it); tests/unit/site/i18n-parity.test.ts
 * fails when a file in this folder is not merged below.
 */
import { site } from './site.js';
import { exercise } from './exercise.js';
import { lab } from './lab.js';
import { diagram } from './diagram.js';
import { limits } from './limits.js';
import { metrics } from './metrics.js';
import { incident } from './incident.js';
import { exportMessages } from './export.js';
import { predict } from './predict.js';
import { labPredict } from './lab-predict.js';
import { dagGrid } from './dag-grid.js';

export const ko: Readonly<Record<string, string>> = {
  ...site,
  ...exercise,
  ...lab,
  ...diagram,
  ...limits,
  ...metrics,
  ...incident,
  ...exportMessages,
  ...predict,
  ...labPredict,
  ...dagGrid,
};
