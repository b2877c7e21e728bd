/**
 * What a node factory gets to build its part of the pipeline from the spec:
 * the simulation to add endpoints to, the workload, the whole spec (to resolve
 * references), and a registry of built components that other nodes look up
 * (a Kafka producer asks the cluster for partition leaders, a serving view asks
 * for the batch job's view).
 */
import type { Simulation } from '../core/simulation.js';
import type { OutputNode } from '../core/node.js';
import type { PipelineSpec, NodeSpec } from '../spec/schema/pipeline.js';
import type { Workload } from '../workload/workload.js';
import type { AnswerSource } from '../run/query.js';
import type { ArchitectureSource } from '../run/architectures.js';

export interface BuildContext {
  readonly sim: Simulation;
  readonly spec: PipelineSpec;
  readonly workload: Workload;
  /** Registers a terminal output the ledger accounts for, under an id such as `es` or `kafka/counts`. */
  addOutput(id: string, output: OutputNode): void;
  /** Registers something that answers the run's query (a sink holding window results). */
  addAnswerSource(id: string, source: AnswerSource): void;
  /** Registers an architecture (a serving view) whose answer is sampled over time. */
  addArchitecture(id: string, source: ArchitectureSource): void;
  /** Registers a component other factories may look up by spec id. */
  provide(id: string, component: unknown): void;
  /** A component registered by another factory (factories run stores → kafka → the rest). */
  lookup<T>(id: string): T | undefined;
}

export type NodeFactory<S extends NodeSpec = NodeSpec> = (id: string, spec: S, ctx: BuildContext) => void;
