/**
 * The simulator's learner-facing messages in other languages (issue #23): one catalogue of the
 * English templates the simulator writes (ledger fates and reasons, traced hops, spec and config
 * problems with their hints, the check engine's notes, the terminal's help and messages), each
 * beside its Korean twin. The simulator itself stays English; the page renders each message in its
 * language (site/i18n/sim), and lessons:check checks the catalogue (simulator/authoring/check-i18n.ts).
 */
import { SimCatalogue, type SimTemplate } from './template.js';
import { ledgerTemplates, fateTemplates, hopTemplates } from './ledger.js';
import { shellLineTemplates, shellTemplates } from './shell.js';
import { problemTemplates } from './problems.js';
import { limitTemplates } from './limits.js';
import { checkTemplates } from './checks.js';

export type { SimTemplate } from './template.js';

/** Every message the simulator writes for a learner, one catalogue (nested parts are looked up here too). */
export const simCatalogue = new SimCatalogue([...ledgerTemplates, ...checkTemplates, ...problemTemplates, ...limitTemplates, ...shellTemplates, ...shellLineTemplates]);

/**
 * What a terminal line may start with, word by word: the shell's own messages, fates and hops.
 * Kept apart from the full catalogue because its templates never begin with a parameter.
 */
export const terminalCatalogue = new SimCatalogue([...shellTemplates, ...fateTemplates, ...hopTemplates], simCatalogue);

/** Terminal messages that begin with a parameter, matched against a whole line only. */
export const wholeLineCatalogue = new SimCatalogue(shellLineTemplates, simCatalogue);

/** Every template, per area, for check-i18n and the tests. */
export const simTemplateAreas: Readonly<Record<string, readonly SimTemplate[]>> = {
  ledger: ledgerTemplates,
  problems: problemTemplates,
  limits: limitTemplates,
  checks: checkTemplates,
  shell: [...shellTemplates, ...shellLineTemplates],
};

