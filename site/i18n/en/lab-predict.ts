/**
 * English strings of the Lab's predictions (issue 29): the panel (site/scripts/lab/lab.ts) and
 * the questions of the preset experiments (site/scripts/lab/predictions.ts).
 */
export const labPredict = {
  'lp.heading': 'Predict this experiment',
  'lp.intro': 'Before the first run of this preset: what do you expect? Optional — skip it, or just press Run once.',
  'lp.changed': 'You edited the pipeline before running, so the comparison is with your version, not the preset the questions describe.',
  'lp.amo.lost.ask': 'Logstash writes with `acks: "0"` over a link that drops 5 % of requests, and the indexer commits before it writes, then crashes at 25 s. Of the 3000 lines, how many never reach Elasticsearch?',
  'lp.amo.lost.unit': 'lines',
  'lp.amo.lost.why': 'Two leaks add up: with `acks: "0"` a request the link drops is never sent again (about 5 % of the lines), and the crash skips the rest of the batch whose offsets were committed before it was written.',
  'lp.amo.dup.ask': 'Will any line reach Elasticsearch twice?',
  'lp.amo.dup.c0': 'No: nothing is ever sent twice',
  'lp.amo.dup.c1': 'Yes: the crash makes some lines arrive twice',
  'lp.amo.dup.why': 'At-most-once never retries: a request is sent once, and after the crash the indexer resumes past what it had committed. What is not lost arrives exactly once.',
  'lp.alo.docs.ask': 'Every stage retries, and the indexer commits only after writing; it crashes at 25 s. The web server writes 3000 lines. How many documents will Elasticsearch hold?',
  'lp.alo.docs.unit': 'documents',
  'lp.alo.docs.why': 'After the crash the indexer re-reads from its last commit and writes those records again; Elasticsearch makes a new id for each copy, so the index holds more documents than there were lines.',
  'lp.alo.lost.ask': 'Will any line be lost?',
  'lp.alo.lost.c0': 'No: every stage retries until it is acknowledged',
  'lp.alo.lost.c1': 'Yes: the crash loses what the indexer held',
  'lp.alo.lost.why': 'The indexer commits only what it has written, so after the crash it starts again from there: records are repeated, never skipped.',
} as const;
