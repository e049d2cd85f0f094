import type { TemplateLimits } from './limits';
import { TemplateError } from './template_error';

/** Tags that read other templates from a file system; removed from the sandboxed engine. */
export const FILE_TAGS = ['include', 'render', 'layout'] as const;

interface TokenLike {
  begin: number;
  end: number;
  input: string;
}

export interface TemplateProblem {
  message: string;
  /** 0-based offset into the template, when liquidjs knows it. */
  offset: number | undefined;
  /** The template source the problem is in (a tag, an output), shortened for messages. */
  excerpt: string | undefined;
}

const EXCERPT_MAX = 60;
// liquidjs appends its own position ("…, line:1, col:5"); we report an offset and an excerpt.
const LIQUID_POSITION = /, (?:file:[^,]*, )?line:\d+, col:\d+$/;

/** liquidjs' terse messages rewritten for workflow authors, who never configured liquidjs. */
function explain(raw: string, limits: TemplateLimits): string {
  const filter = /^undefined filter: (.+)$/.exec(raw);
  if (filter) return `Unknown filter "${filter[1]}"`;
  const tag = /^tag "(.+)" not found$/.exec(raw);
  if (tag) {
    return (FILE_TAGS as readonly string[]).includes(tag[1])
      ? `Tag "${tag[1]}" is not allowed: templates cannot load other templates or files`
      : `Unknown tag "${tag[1]}"`;
  }
  if (raw === 'template render limit exceeded') {
    return `Template render time limit exceeded (${limits.renderLimit} ms)`;
  }
  if (raw === 'memory alloc limit exceeded') {
    return `Template memory limit exceeded (${limits.memoryLimit})`;
  }
  if (raw === 'parse length limit exceeded') {
    return `Template too long: more than ${limits.parseLimit} characters`;
  }
  // Engine errors that carry JavaScript's wording, which means nothing to a workflow author.
  if (raw === 'Maximum call stack size exceeded') return 'Template or data nested too deeply';
  if (raw.startsWith('Converting circular structure to JSON')) return 'Cannot print a value that contains itself';
  return raw.charAt(0).toUpperCase() + raw.slice(1);
}

function tokenOf(error: unknown): TokenLike | undefined {
  const token = (error as { token?: Partial<TokenLike> } | null)?.token;
  return token && typeof token.begin === 'number' && typeof token.input === 'string' ? (token as TokenLike) : undefined;
}

export function shorten(source: string): string {
  const flat = source.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 3)}...` : flat;
}

/** One liquidjs error, or each error collected by a `catchAllErrors` parse. */
export function describeLiquidErrors(error: unknown, limits: TemplateLimits): TemplateProblem[] {
  const nested = (error as { errors?: unknown } | null)?.errors;
  const errors = Array.isArray(nested) && nested.length > 0 ? nested : [error];
  return errors.map((err) => {
    const raw = err instanceof Error ? err.message : String(err);
    const token = tokenOf(err);
    return {
      message: explain(raw.replace(LIQUID_POSITION, ''), limits),
      offset: token?.begin,
      excerpt: token ? shorten(token.input.slice(token.begin, token.end)) : undefined,
    };
  });
}

/** `message in "excerpt"`, the form of every TemplateError message; no excerpt for empty source. */
export function withExcerpt(message: string, source: string): string {
  const excerpt = shorten(source);
  return excerpt === '' ? message : `${message} in "${excerpt}"`;
}

export function toTemplateError(error: unknown, template: string, limits: TemplateLimits): TemplateError {
  if (error instanceof TemplateError) return error;
  const [problem] = describeLiquidErrors(error, limits);
  return new TemplateError(withExcerpt(problem.message, problem.excerpt || template), problem.offset);
}
