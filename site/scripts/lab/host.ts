/** What the experiment panels need from the page: the spec and seed, the lab worker, and a voice. */
import type { LabClient } from './lab-client.js';
import type { ParamSuggestion } from './params.js';

export interface LabHost {
  client: LabClient;
  spec(): string;
  seed(): number;
  setSpec(text: string): void;
  setSeed(seed: number): void;
  suggestions(): ParamSuggestion[];
  /** Writes a message into a panel's live region (screen readers hear it). */
  say(region: HTMLElement, message: string): void;
  /** Reports a worker failure in a panel (the client has already restarted the worker). */
  failed(region: HTMLElement, error: unknown): void;
}
