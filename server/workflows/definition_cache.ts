/**
 * Parsed workflow definitions by YAML text. Every run of a workflow parses the same document;
 * keeping the last few hundred results takes parsing off the hot path of starting runs.
 */
import { parseWorkflowYaml, type ParseWorkflowResult } from '../../common/spec';

const MAX_ENTRIES = 256;
const cache = new Map<string, ParseWorkflowResult>();

export function parseCached(yaml: string): ParseWorkflowResult {
  const hit = cache.get(yaml);
  if (hit) {
    // Re-insert so the entry counts as recently used (Map keeps insertion order).
    cache.delete(yaml);
    cache.set(yaml, hit);
    return hit;
  }
  const parsed = parseWorkflowYaml(yaml);
  cache.set(yaml, parsed);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return parsed;
}
