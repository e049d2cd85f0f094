/**
 * Finds `<root>.<name>` and `<root>['<name>']` in templates and KQL, e.g. `steps.fetch.output`,
 * `steps['get-schedule'].output` or `inputs.rule_id`. Names may contain dashes, as Liquid allows.
 * A root preceded by a word character or a dot (`event.steps`, `mysteps`) is something else.
 */
export interface Reference {
  name: string;
  /** Offset of the root (`steps`) in the text. */
  offset: number;
  /** The reference as written, e.g. `steps.fetch`. */
  text: string;
}

const patterns = new Map<string, RegExp>();

const patternFor = (root: string): RegExp => {
  let pattern = patterns.get(root);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w.$-])${root}(?:\\.([A-Za-z0-9_][\\w-]*)|\\[\\s*(['"])(.*?)\\2\\s*\\])`, 'g');
    patterns.set(root, pattern);
  }
  return pattern;
};

export const findReferences = (text: string, root: string): Reference[] => {
  if (!text.includes(root)) return [];
  return [...text.matchAll(patternFor(root))].map((match) => ({
    name: match[1] ?? match[3],
    offset: match.index,
    text: match[0],
  }));
};
