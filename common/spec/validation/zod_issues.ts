import type { z } from 'zod';
import type { Path } from '../yaml/source_map';
import { at, formatPath, locate, withArticle } from './describe';
import { error, type PendingFinding } from './finding';
import { didYouMean } from './suggest';
import type { WorkflowIndex } from './workflow_index';
import { objectKeysAt } from './zod_paths';

type Issue = z.core.$ZodIssue;

/** What was validated: the value at `base` against `schema`; `kind` names it in messages (`console step`). */
export interface IssueScope {
  index: WorkflowIndex;
  base: Path;
  schema: z.ZodType;
  kind?: string;
  /** Issues under these relative paths are reported elsewhere (nested steps validate on their own). */
  skip: (relative: Path) => boolean;
}

const valueAt = (root: unknown, path: Path): unknown =>
  path.reduce<unknown>(
    (value, segment) =>
      value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined,
    root
  );

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a map',
  record: 'a map',
  array: 'a list',
  null: 'empty',
};

export const describeValue = (value: unknown): string => {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return String(value);
};

const quoteList = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(', ');

class IssueConverter {
  constructor(private readonly scope: IssueScope) {}

  convert(issues: readonly Issue[], prefix: Path = []): PendingFinding[] {
    return issues.flatMap((issue) => {
      const relative = [...prefix, ...(issue.path as Path)];
      return this.scope.skip(relative) ? [] : this.convertOne(issue, relative);
    });
  }

  private convertOne(issue: Issue, relative: Path): PendingFinding[] {
    const absolute = [...this.scope.base, ...relative];
    const value = valueAt(this.scope.index.workflow, absolute);
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => this.unknownKey(relative, key));
      case 'invalid_type':
        if (value === undefined) return [this.missing(relative)];
        return [
          this.problem(
            'invalid-type',
            relative,
            `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}`
          ),
        ];
      case 'invalid_value':
        return [this.invalidValue(relative, issue.values, value)];
      case 'invalid_union':
        return this.union(issue, relative, value);
      case 'too_small':
        return [this.problem('invalid-value', relative, tooSmall(issue))];
      case 'too_big':
        return [this.problem('invalid-value', relative, `must be at most ${issue.maximum}`)];
      default:
        return [this.problem('invalid-value', relative, `is not valid: ${issue.message}`)];
    }
  }

  private union(issue: z.core.$ZodIssueInvalidUnion, relative: Path, value: unknown): PendingFinding[] {
    if (value === undefined) return [this.missing(relative)];
    if (issue.errors.length === 0) {
      // A discriminated union whose discriminator (`type`) matched no option.
      return [this.invalidValue(relative, (issue as { options?: unknown[] }).options ?? [], value)];
    }
    // A branch "fits" when the value has its shape and fails only on details: report that branch.
    const fits = issue.errors.filter((issues) => !issues.some((i) => i.path.length === 0 && isMismatch(i)));
    if (fits.length > 0) {
      const depth = (issues: Issue[]) => Math.max(0, ...issues.map((i) => i.path.length));
      const best = fits.reduce((a, b) =>
        depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a
      );
      return this.convert(best, relative);
    }
    const all = issue.errors.flat();
    const values = all.flatMap((i) => (i.code === 'invalid_value' ? i.values : []));
    if (values.length > 0) return [this.invalidValue(relative, values, value)];
    const expected = [
      ...new Set(
        all.map((i) => (i.code === 'invalid_type' ? (EXPECTED[i.expected] ?? i.expected) : 'another kind of value'))
      ),
    ];
    return [this.problem('invalid-type', relative, `must be ${expected.join(' or ')}, not ${describeValue(value)}`)];
  }

  private where(relative: Path): { where: string; field: Path; kind?: string } {
    const location = locate(this.scope.index, [...this.scope.base, ...relative]);
    return { where: location.where, field: location.relative, kind: location.step ? this.scope.kind : undefined };
  }

  /** ` in "with" of a console step`, ` at the top level`… */
  private context(parent: Path, kind: string | undefined): string {
    if (parent.length === 0) return kind ? ` in ${withArticle(kind)}` : ' at the top level';
    return ` in "${formatPath(parent)}"${kind ? ` of ${withArticle(kind)}` : ''}`;
  }

  private unknownKey(relative: Path, key: string): PendingFinding {
    const { where, field, kind } = this.where([...relative, key]);
    const known = objectKeysAt(this.scope.schema, relative);
    const message = `unknown field "${key}"${this.context(field.slice(0, -1), kind)}${didYouMean(key, known)}`;
    return error('unknown-key', at(where, message), [...this.scope.base, ...relative, key], 'key');
  }

  private missing(relative: Path): PendingFinding {
    const { where, field, kind } = this.where(relative);
    const key = String(relative[relative.length - 1]);
    const message = `missing required field "${key}"${this.context(field.slice(0, -1), kind)}`;
    return error('missing-field', at(where, message), [...this.scope.base, ...relative], 'parent');
  }

  private invalidValue(relative: Path, allowed: readonly unknown[], value: unknown): PendingFinding {
    const expectation = allowed.length === 1 ? `must be ${quoteList(allowed)}` : `must be one of ${quoteList(allowed)}`;
    return this.problem('invalid-value', relative, `${expectation}, not ${describeValue(value)}`);
  }

  private problem(code: string, relative: Path, text: string): PendingFinding {
    const { where, field } = this.where(relative);
    const subject = field.length ? `"${formatPath(field)}" ` : '';
    return error(code, at(where, `${subject}${text}`), [...this.scope.base, ...relative]);
  }
}

/** The value is not of the branch's kind at all (as opposed to a problem inside it). */
const isMismatch = (issue: Issue): boolean =>
  issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_format';

const tooSmall = (issue: z.core.$ZodIssueTooSmall): string => {
  const minimum = Number(issue.minimum);
  if (issue.origin === 'array') return `needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}`;
  if (issue.origin === 'string') return 'must not be empty';
  return `must be at least ${minimum}`;
};

export const convertIssues = (issues: readonly Issue[], scope: IssueScope): PendingFinding[] =>
  new IssueConverter(scope).convert(issues);
