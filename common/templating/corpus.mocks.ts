import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { parse } from 'yaml';

/** Elastic's workflow library, shared by the project's compatibility tests (never copied). */
export const CORPUS_DIR = join(__dirname, '../../../shared/corpus/elastic-workflows');

export interface CorpusString {
  /** Path of the file relative to the corpus. */
  file: string;
  /** Key holding the string (`condition`, `if`, `message`…), or '' for array items. */
  key: string;
  value: string;
}

function listYamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listYamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** Every string value of every corpus workflow, with the key it sits under. */
export function collectCorpusStrings(): CorpusString[] {
  const found: CorpusString[] = [];
  const visit = (file: string, key: string, value: unknown): void => {
    if (typeof value === 'string') found.push({ file, key, value });
    else if (Array.isArray(value)) value.forEach((item) => visit(file, '', item));
    else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) visit(file, childKey, child);
    }
  };
  const files = listYamlFiles(CORPUS_DIR);
  for (const path of files) visit(relative(CORPUS_DIR, path), '', parse(readFileSync(path, 'utf8')));
  return found;
}
