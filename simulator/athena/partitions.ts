/**
 * Which partitions of a Glue table Athena reads at an instant.
 *
 * - Registered partitions (the Glue Data Catalog): those declared with the stack (AWS::Glue::Partition,
 *   at time 0), those a crawler with a catalog target found at each scheduled run, and those added in the
 *   terminal (`MSCK REPAIR TABLE`, `ALTER TABLE … ADD PARTITION`). A partition folder in S3 that nobody
 *   registered is invisible: "If you add partitions directly to Amazon S3 … Athena does not know about
 *   them until you … run MSCK REPAIR TABLE or ALTER TABLE ADD PARTITION" (Athena User Guide, "Partition
 *   your data"). MSCK REPAIR TABLE and a crawler both add the Hive-style `key=value/` folders under the
 *   table's location whose keys are the table's partition keys, in order.
 * - Partition projection (`projection.enabled` = `true` in the table's parameters): Athena computes the
 *   partitions from the `projection.<key>.*` properties at query time and ignores whatever the catalog
 *   holds for the table ("Enabling partition projection on a table causes Athena to ignore any partition
 *   metadata registered to the table", Athena User Guide, "Use partition projection"). See projection.ts.
 *
 * A crawler's run is taken to register what it finds at its scheduled instant (a real run lasts a minute
 * or more; the simulation does not model that time). A crawler runs on its own Glue schedule and at each
 * invocation of an EventBridge Scheduler schedule whose target is glue:startCrawler with its name
 * (simulator/scheduler/invocations.ts: the invocation, not the scheduled time, is when it starts).
 */
import type { S3Store } from '../nodes/s3/store.js';
import type { CatalogSpec, CatalogTableSpec } from '../spec/schema/catalog.js';
import { fireTimes, parseScheduleExpression } from '../config/aws/schedule-expression.js';
import { projectedPartitions, projectionEnabled } from './projection.js';
import { invocations } from '../scheduler/invocations.js';

export interface Partition {
  readonly values: readonly string[];
  /** Key prefix of its objects. */
  readonly location: string;
}

/** A partition added to the catalog at an instant, by whom. */
export interface Registration extends Partition {
  readonly atMs: number;
  readonly by: string;
}

export const partitionName = (t: CatalogTableSpec, values: readonly string[]): string => t['partition-keys'].map((k, i) => `${k}=${values[i]}`).join('/');

/** The Hive-style partition folders under the table's location, among objects written by `atMs`. */
export function lakePartitions(t: CatalogTableSpec, store: S3Store, atMs: number): Partition[] {
  const found = new Map<string, Partition>();
  for (const o of store.listObjects(t.location)) {
    if (o.writtenAtMs > atMs) continue;
    const segments = o.key.slice(t.location.length).split('/');
    if (segments.length <= t['partition-keys'].length) continue;
    const values: string[] = [];
    t['partition-keys'].forEach((k, i) => {
      const s = segments[i]!;
      if (s.startsWith(`${k}=`)) values.push(s.slice(k.length + 1));
    });
    if (values.length !== t['partition-keys'].length) continue;
    const location = `${t.location}${segments.slice(0, values.length).join('/')}/`;
    found.set(location, { values, location });
  }
  return [...found.values()];
}

const key = (t: { database: string; name: string }) => `${t.database}.${t.name}`;

/**
 * Every registration the run's catalog saw until `untilMs`: stack partitions, then crawler runs in time
 * order. `seed` places each scheduler invocation within its minute or flexible window.
 */
export function catalogRegistrations(catalog: CatalogSpec, store: S3Store, untilMs: number, seed: number): Map<string, Registration[]> {
  const out = new Map<string, Registration[]>(catalog.tables.map((t) => [key(t), []]));
  for (const p of catalog.partitions) out.get(`${p.database}.${p.table}`)?.push({ values: p.values, location: p.location, atMs: 0, by: 'AWS::Glue::Partition' });
  const runs: { atMs: number; crawler: string; tables: CatalogTableSpec[] }[] = [];
  for (const c of catalog.crawlers) {
    const schedule = c.schedule === undefined ? undefined : parseScheduleExpression(c.schedule);
    if (schedule === undefined || typeof schedule === 'string') continue;
    const tables = catalog.tables.filter((t) => t.database === c.database && c.tables.includes(t.name));
    for (const atMs of fireTimes(schedule, 0, untilMs)) runs.push({ atMs, crawler: c.name, tables });
  }
  for (const s of catalog.schedules ?? []) {
    // A crawler with several catalog targets is one entry per target.
    const targets = catalog.crawlers.filter((x) => x.name === s.target.crawler);
    if (targets.length === 0) continue;
    const tables = catalog.tables.filter((t) => targets.some((c) => t.database === c.database && c.tables.includes(t.name)));
    for (const i of invocations(s, seed, untilMs)) runs.push({ atMs: i.invokedMs, crawler: targets[0]!.name, tables });
  }
  runs.sort((a, b) => a.atMs - b.atMs);
  for (const r of runs) for (const t of r.tables) register(out.get(key(t))!, lakePartitions(t, store, r.atMs), r.atMs, `crawler ${r.crawler}`);
  return out;
}

/** Adds the partitions not registered yet (MSCK REPAIR TABLE and a crawler leave existing ones alone). */
export function register(into: Registration[], found: readonly Partition[], atMs: number, by: string): Registration[] {
  const added: Registration[] = [];
  for (const p of found) {
    if (into.some((r) => r.values.join('\u0000') === p.values.join('\u0000'))) continue;
    const r = { ...p, atMs, by };
    into.push(r);
    added.push(r);
  }
  return added;
}

/** The partitions a query on the table reads at `atMs`. */
export function visiblePartitions(t: CatalogTableSpec, registrations: readonly Registration[], store: S3Store, atMs: number): Partition[] {
  if (projectionEnabled(t)) return projectedPartitions(t, store, atMs);
  return registrations.filter((r) => r.atMs <= atMs);
}
