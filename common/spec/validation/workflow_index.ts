import type { Path, PathSegment } from '../yaml/source_map';

/**
 * A read-only index of the raw (not yet validated) workflow: every step with where it sits, and
 * every string with the step it belongs to. Rules run on it even when the schema rejects the
 * workflow, so an author sees a misspelled field and a duplicate name in the same pass.
 */

export type RawMap = Record<string, unknown>;

export const isRawMap = (value: unknown): value is RawMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface StepVisit {
  path: Path;
  step: RawMap;
  name?: string;
  type?: string;
  /** Position in document order (pre-order: a container comes before its nested steps). */
  order: number;
  parent?: StepVisit;
  /** The step runs once per item of an enclosing `foreach` (a foreach step's body, or a step with `foreach:`). */
  inForeach: boolean;
  /** The step runs inside the body of a `foreach` or `while` step. */
  inLoop: boolean;
  /** A non-foreach step with its own `foreach:` field, which runs it once per item. */
  iteratesItself: boolean;
}

/** Where a string sits in its step: the iterated list, the failure handling, or anything else. */
export type StringZone = 'foreach' | 'on-failure' | 'body';

export interface StringVisit {
  path: Path;
  text: string;
  /** The innermost step the string belongs to; undefined outside `steps`. */
  step?: StepVisit;
  zone: StringZone;
}

/** A list found where steps are expected; its entries may still be anything. */
interface StepList {
  path: Path;
  items: unknown[];
}

/** Nested step lists of a step, with their paths relative to the step. */
export const childStepLists = (step: RawMap): StepList[] => {
  const lists: StepList[] = [];
  const add = (path: Path, value: unknown) => {
    if (Array.isArray(value)) lists.push({ path, items: value });
  };
  add(['steps'], step.steps);
  add(['else'], step.else);
  add(['default'], step.default);
  if (isRawMap(step['on-failure'])) add(['on-failure', 'fallback'], step['on-failure'].fallback);
  for (const key of ['branches', 'cases'] as const) {
    const groups = step[key];
    if (Array.isArray(groups)) groups.forEach((group, i) => isRawMap(group) && add([key, i, 'steps'], group.steps));
  }
  return lists;
};

/** Does a path relative to a step lead into one of its nested steps? Those are validated on their own. */
export const entersNestedStep = (relative: Path): boolean => {
  const [first, second, third, fourth] = relative;
  if ((first === 'steps' || first === 'else' || first === 'default') && typeof second === 'number') return true;
  if (first === 'on-failure' && second === 'fallback' && typeof third === 'number') return true;
  return (first === 'branches' || first === 'cases') && third === 'steps' && typeof fourth === 'number';
};

/** Top-level places that hold steps. */
export const topLevelStepLists = (workflow: RawMap): StepList[] => {
  const lists: StepList[] = [];
  if (Array.isArray(workflow.steps)) lists.push({ path: ['steps'], items: workflow.steps });
  const settings = workflow.settings;
  if (isRawMap(settings) && isRawMap(settings['on-failure']) && Array.isArray(settings['on-failure'].fallback)) {
    lists.push({ path: ['settings', 'on-failure', 'fallback'], items: settings['on-failure'].fallback });
  }
  return lists;
};

export const entersTopLevelStep = (path: Path): boolean =>
  (path[0] === 'steps' && typeof path[1] === 'number') ||
  (path[0] === 'settings' && path[1] === 'on-failure' && path[2] === 'fallback' && typeof path[3] === 'number');

export interface NonStepEntry {
  path: Path;
  value: unknown;
}

export class WorkflowIndex {
  readonly steps: StepVisit[] = [];
  /** Entries of step lists that are not maps, so cannot be steps. */
  readonly nonSteps: NonStepEntry[] = [];
  readonly strings: StringVisit[] = [];
  private readonly byPath = new Map<string, StepVisit>();

  constructor(readonly workflow: RawMap) {
    for (const list of topLevelStepLists(workflow)) this.visitList(list, undefined);
    this.collectStrings(workflow, [], undefined, 'body');
  }

  /** The innermost step that contains `path` (the step itself when `path` is a step). */
  stepContaining(path: Path): StepVisit | undefined {
    for (let length = path.length; length > 0; length--) {
      const visit = this.byPath.get(pathKey(path.slice(0, length)));
      if (visit) return visit;
    }
    return undefined;
  }

  private visitList({ path, items }: StepList, parent: StepVisit | undefined, loop?: 'foreach' | 'while'): void {
    items.forEach((item, i) => {
      const itemPath = [...path, i];
      if (!isRawMap(item)) {
        this.nonSteps.push({ path: itemPath, value: item });
        return;
      }
      const visit: StepVisit = {
        path: itemPath,
        step: item,
        name: typeof item.name === 'string' ? item.name : undefined,
        type: typeof item.type === 'string' ? item.type : undefined,
        order: this.steps.length,
        parent,
        inForeach: loop === 'foreach' || (parent ? parent.inForeach || parent.iteratesItself : false),
        inLoop: loop !== undefined || (parent?.inLoop ?? false),
        iteratesItself: item.type !== 'foreach' && item.foreach !== undefined,
      };
      this.steps.push(visit);
      this.byPath.set(pathKey(itemPath), visit);
      const bodyLoop = visit.type === 'foreach' ? 'foreach' : visit.type === 'while' ? 'while' : undefined;
      for (const list of childStepLists(item)) {
        const isBody = list.path[0] === 'steps' && list.path.length === 1;
        this.visitList({ path: [...itemPath, ...list.path], items: list.items }, visit, isBody ? bodyLoop : undefined);
      }
    });
  }

  private collectStrings(value: unknown, path: Path, step: StepVisit | undefined, zone: StringZone): void {
    if (typeof value === 'string') {
      this.strings.push({ path, text: value, step, zone });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => this.collectStrings(item, [...path, i], step, zone));
    } else if (isRawMap(value)) {
      const own = this.byPath.get(pathKey(path));
      for (const [key, child] of Object.entries(value)) {
        this.collectStrings(child, [...path, key], own ?? step, own ? zoneOf(key) : zone);
      }
    }
  }
}

const zoneOf = (key: PathSegment): StringZone =>
  key === 'foreach' ? 'foreach' : key === 'on-failure' ? 'on-failure' : 'body';

export const pathKey = (path: Path): string => JSON.stringify(path);
