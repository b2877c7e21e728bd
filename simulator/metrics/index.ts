export { METRICS, METRIC_BY_NAME, NOT_MODELLED, type MetricDef, type MetricKind, type MetricSystem } from './catalog.js';
export { valueAt, sampleIndexAt, type MetricsSeries } from './series.js';
export { parseAlertRule, evaluateAlert, type AlertRule, type AlertFiring, type AlertOp, type ParsedRule } from './alerts.js';
