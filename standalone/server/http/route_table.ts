/*
 * Route lookup with hapi's rules, which Kibana inherits: `{name}` matches one segment, `{name?}`
 * only as the last segment, and a literal segment beats a parameter at the same position
 * (`/api/workflows/search` wins over `/api/workflows/{id}` whatever the registration order).
 */
import type { RouteMethod } from '@kbn/core/server';

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string; optional: boolean };

export interface RouteMatch<T> {
  entry: T;
  params: Record<string, string>;
}

interface CompiledRoute<T> {
  method: RouteMethod;
  path: string;
  segments: Segment[];
  entry: T;
}

const PARAM = /^\{(\w+)(\?)?\}$/;

export function compilePath(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`Route path must start with "/": ${path}`);
  const parts = path === '/' ? [] : path.replace(/\/$/, '').slice(1).split('/');
  return parts.map((part, index) => {
    const param = PARAM.exec(part);
    if (!param) {
      if (/[{}]/.test(part)) throw new Error(`Unsupported path segment "${part}" in route ${path}`);
      return { kind: 'literal', value: part };
    }
    if (param[2] && index !== parts.length - 1) throw new Error(`Optional parameter {${param[1]}?} must be the last segment of ${path}`);
    return { kind: 'param', name: param[1], optional: Boolean(param[2]) };
  });
}

/** Ranks a match segment by segment: literal > parameter > absent optional parameter. */
function matchSegments(segments: Segment[], parts: string[]): { params: Record<string, string>; rank: number[] } | undefined {
  const params: Record<string, string> = {};
  const rank: number[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    const part = parts[index];
    if (part === undefined) {
      if (segment.kind === 'param' && segment.optional) {
        rank.push(0);
        continue;
      }
      return undefined;
    }
    if (segment.kind === 'literal') {
      if (segment.value !== part) return undefined;
      rank.push(2);
    } else {
      if (part === '') return undefined;
      params[segment.name] = part;
      rank.push(1);
    }
  }
  return parts.length > segments.length ? undefined : { params, rank };
}

const compareRanks = (a: number[], b: number[]) => {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
};

export class RouteTable<T> {
  private readonly routes: Array<CompiledRoute<T>> = [];

  add(method: RouteMethod, path: string, entry: T): void {
    const segments = compilePath(path);
    const shape = (list: Segment[]) => list.map((s) => (s.kind === 'literal' ? s.value : s.optional ? '{?}' : '{}')).join('/');
    const clash = this.routes.find((route) => route.method === method && shape(route.segments) === shape(segments));
    // hapi's wording, so a clash reads the same as inside Kibana.
    if (clash) throw new Error(`New route ${path} conflicts with existing ${clash.path}`);
    this.routes.push({ method, path, segments, entry });
  }

  match(method: RouteMethod, pathname: string): RouteMatch<T> | undefined {
    const trimmed = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
    const parts = trimmed === '/' ? [] : trimmed.slice(1).split('/');
    let best: { route: CompiledRoute<T>; params: Record<string, string>; rank: number[] } | undefined;
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const matched = matchSegments(route.segments, parts);
      if (matched && (!best || compareRanks(matched.rank, best.rank) > 0)) best = { route, ...matched };
    }
    if (!best) return undefined;
    const params = Object.fromEntries(Object.entries(best.params).map(([key, value]) => [key, safeDecode(value)]));
    return { entry: best.route.entry, params };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
