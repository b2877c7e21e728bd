/**
 * English strings of an incident exercise (site/scripts/exercise/incident.ts): the symptom, the
 * diagnosis question and its answer, and the note that keeps the ledger closed until then.
 */
export const incident = {
  'inc.title': 'The incident',
  'inc.alert': 'The alert that paged you:',
  'inc.investigate':
    'Run the pipeline to replay the incident, then investigate as on call: the operator metrics (the alert is already drawn there), the terminal (`kafka-consumer-groups.sh --describe`, `curl`, `tail`) and the run log. The ledger, the diagram’s counts and the verdict stay closed until you name a cause.',
  'inc.runFirst': 'Replay the incident (Run) before you name a cause.',
  'inc.submit': 'Name this cause',
  'inc.pick': 'Pick one cause first.',
  'inc.right': 'Right: {cause}',
  'inc.wrong': 'Not this one: {cause}',
  'inc.actual': 'What the run shows: {cause}',
  'inc.opened': 'The ledger, the diagram and the verdict are open now. Fix the files so the checks pass under the same faults.',
  'inc.closed': 'Diagnose first: the verdict, the ledger and the diagram’s counts open once you name a cause in “The incident” above.',
  'inc.again': 'Answer again',
} as const;
