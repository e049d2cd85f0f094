import fs from 'fs';
import path from 'path';

/** Elastic's workflow examples, shared by the project's tests (never copied into it). */
export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus/elastic-workflows');

export const listCorpusFiles = (dir = CORPUS_DIR): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listCorpusFiles(full);
      return entry.name.endsWith('.yaml') || entry.name.endsWith('.yml') ? [full] : [];
    })
    .sort();

export const readCorpusFile = (relative: string): string => fs.readFileSync(path.join(CORPUS_DIR, relative), 'utf8');
