/**
 * Elasticsearch takes no idempotency key, so writes that would let Elasticsearch pick the
 * document id get one derived from the step's idempotency key instead (execution id + step path,
 * the same for every attempt). A retried or resumed step then overwrites its document rather than
 * indexing it twice; another run, or another foreach item, gets other ids.
 */
import { createHash } from 'node:crypto';

type Params = Record<string, unknown>;

/** 20 URL-safe characters, the length of the ids Elasticsearch generates. */
export const documentId = (idempotencyKey: string, position?: number): string =>
  createHash('sha256')
    .update(position === undefined ? idempotencyKey : `${idempotencyKey}#${position}`)
    .digest('base64url')
    .slice(0, 20);

const BULK_ACTIONS = new Set(['index', 'create', 'update', 'delete']);
const isMap = (value: unknown): value is Params => typeof value === 'object' && value !== null && !Array.isArray(value);
const actionOf = (line: unknown): [string, Params] | undefined => {
  const entries = isMap(line) ? Object.entries(line) : [];
  return entries.length === 1 && BULK_ACTIONS.has(entries[0][0]) && isMap(entries[0][1]) ? (entries[0] as [string, Params]) : undefined;
};

/**
 * `operations` as the bulk API takes them (action line, then the document), or, as Elastic's
 * workflows write them, the documents alone: each is then indexed into `index`.
 */
function bulkOperations(operations: unknown[], idempotencyKey: string): unknown[] {
  if (!actionOf(operations[0])) return operations.flatMap((doc, position) => [{ index: { _id: documentId(idempotencyKey, position) } }, doc]);
  const result: unknown[] = [];
  for (let position = 0; position < operations.length; position++) {
    const action = actionOf(operations[position]);
    if (!action) {
      result.push(operations[position]);
      continue;
    }
    const [name, meta] = action;
    result.push((name === 'index' || name === 'create') && meta._id == null ? { [name]: { ...meta, _id: documentId(idempotencyKey, position) } } : operations[position]);
    // Every action but delete is followed by its document, which may itself look like an action line.
    if (name !== 'delete' && position + 1 < operations.length) result.push(operations[++position]);
  }
  return result;
}

/** `api` in the client's form. Other APIs either carry their ids already or have none to give. */
export function withDocumentIds(api: string, params: Params, idempotencyKey: string): Params {
  if ((api === 'index' || api === 'create') && params.id == null) return { ...params, id: documentId(idempotencyKey) };
  if (api === 'bulk' && Array.isArray(params.operations) && params.operations.length > 0) {
    return { ...params, operations: bulkOperations(params.operations, idempotencyKey) };
  }
  return params;
}
