/**
 * Elasticsearch's error bodies, shaped as the REST layer returns them: `{ error: { root_cause, type,
 * reason, … }, status }`. Parsing problems are thrown as EsError while a request is read, and the
 * shell prints the body the real cluster would send.
 */

/** Where in the request body a problem is, 1-based like the Jackson parser Elasticsearch uses. */
export interface Location {
  line: number;
  col: number;
}

export class EsError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String((body['error'] as { reason?: string } | undefined)?.reason ?? 'error'));
  }
}

interface Cause {
  type: string;
  reason: string;
  [key: string]: unknown;
}

/** `{ error: { root_cause: [cause], …cause, caused_by? }, status }`. */
export function errorBody(status: number, cause: Cause, causedBy?: Cause): EsError {
  const error: Record<string, unknown> = { root_cause: [cause], ...cause };
  if (causedBy) error['caused_by'] = causedBy;
  return new EsError(status, { error, status });
}

const at = (loc: Location | undefined) => (loc ? { line: loc.line, col: loc.col } : {});

/** A query, aggregation or search-body problem found while parsing (`parsing_exception`, 400). */
export function parsingError(reason: string, loc?: Location, causedBy?: Cause): EsError {
  return errorBody(400, { type: 'parsing_exception', reason, ...at(loc) }, causedBy);
}

/** The body is not valid JSON, or a value has the wrong shape for its field (`x_content_parse_exception`, 400). */
export function xContentError(reason: string, loc: Location | undefined): EsError {
  const where = loc ? `[${loc.line}:${loc.col}] ` : '';
  return errorBody(400, { type: 'x_content_parse_exception', reason: `${where}${reason}` });
}

/**
 * A failure while the shards execute the search (a text field asked for aggregation or sorting, a
 * date that does not parse): `search_phase_execution_exception` around the shard's own cause.
 */
export function shardFailure(index: string, cause: Cause): EsError {
  return new EsError(400, {
    error: {
      root_cause: [cause],
      type: 'search_phase_execution_exception',
      reason: 'all shards failed',
      phase: 'query',
      grouped: true,
      failed_shards: [{ shard: 0, index, node: 'node-1', reason: cause }],
      caused_by: cause,
    },
    status: 400,
  });
}

export function indexNotFound(index: string): EsError {
  return errorBody(404, { type: 'index_not_found_exception', reason: `no such index [${index}]`, 'resource.type': 'index_or_alias', 'resource.id': index, index_uuid: '_na_', index });
}

/** Elasticsearch's message when a text field is used where per-document values are needed. */
export function fielddataDisabled(field: string): Cause {
  return {
    type: 'illegal_argument_exception',
    reason: `Text fields are not optimised for operations that require per-document field data like aggregations and sorting, so these operations are disabled by default. Please use a keyword field instead. Alternatively, set fielddata=true on [${field}] in order to load field data by uninverting the inverted index. Note that this can use significant memory.`,
  };
}

/**
 * A parameter Elasticsearch has but this terminal does not model: refused by name (in an
 * Elasticsearch-shaped body) rather than silently ignored, which would answer a different question.
 */
export function notModelled(where: string, param: string): EsError {
  return errorBody(400, { type: 'illegal_argument_exception', reason: `[${where}] parameter [${param}] is not modelled by this terminal's Elasticsearch; leave it out` });
}
