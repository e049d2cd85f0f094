/*
 * The free-text `search` of Kibana's find APIs (cases, rules), which Elasticsearch answers with
 * a simple_query_string: here each whitespace-separated term matches case-insensitively as a
 * substring, and `*` is dropped because every term already matches anywhere.
 */
export function createTextMatcher(search: string | undefined, operator: 'AND' | 'OR' = 'OR'): ((texts: string[]) => boolean) | undefined {
  const terms = (search ?? '').replace(/\*/g, ' ').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return undefined;
  return (texts) => {
    const text = texts.join('\n').toLowerCase();
    return operator === 'AND' ? terms.every((term) => text.includes(term)) : terms.some((term) => text.includes(term));
  };
}
