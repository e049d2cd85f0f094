/**
 * Finds the client function of `elasticsearch.<api>` (`indices.exists` → `client.indices.exists`).
 * The name comes from a workflow, so only API members qualify: names defined on the client's API
 * classes (their prototypes), never instance fields (`transport`, `helpers`), object internals
 * (`constructor`, `__proto__`) or the client's own plumbing (`child`, `close`).
 */
import { Client } from '@elastic/elasticsearch';
import { stepError } from '../http/response_error';
import { toClientPath } from './read_apis';

export type ApiFunction = (params: Record<string, unknown>, options: Record<string, unknown>) => Promise<unknown>;

const NOT_APIS = new Set(['constructor', 'child', 'close', 'extend', 'helpers', 'transport', 'connectionPool', 'serializer', 'diagnostic', 'name']);
const API_NAME = /^[a-z][A-Za-z0-9]*$/;

function isApiMember(target: object, name: string): boolean {
  if (!API_NAME.test(name) || NOT_APIS.has(name)) return false;
  for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.prototype.hasOwnProperty.call(proto, name)) return true;
  }
  return false;
}

/**
 * Names are checked against a client of our own, never used to send: the run's client may be a
 * stand-in (the host without a cluster answers every call with how to configure one) whose
 * members prove nothing. Creating a client opens no connection.
 */
let reference: Client | undefined;
const referenceClient = () => (reference ??= new Client({ node: 'http://127.0.0.1:9200' }));

/** Throws `Unknown Elasticsearch API "<api>"` unless `api` names a function of the client. */
export function assertKnownApi(api: string): string[] {
  const names = toClientPath(api).split('.');
  let owner: object = referenceClient();
  for (const [position, name] of names.entries()) {
    const member: unknown = isApiMember(owner, name) ? (owner as Record<string, unknown>)[name] : undefined;
    const last = position === names.length - 1;
    if (last ? typeof member !== 'function' : member === null || typeof member !== 'object') throw stepError(`Unknown Elasticsearch API "${api}"`);
    owner = member as object;
  }
  return names;
}

export function resolveApi(client: object, api: string): ApiFunction {
  const names = assertKnownApi(api);
  const owner = names.slice(0, -1).reduce<any>((namespace, name) => namespace[name], client);
  const name = names[names.length - 1];
  // A method call rather than `bind`: a stand-in client answers `bind` like any other member.
  return (params, options) => owner[name](params, options);
}
