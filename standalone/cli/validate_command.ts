/** `workflows validate <file-or-folder>...`: checks workflow files like the editor does. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ValidationFinding } from '../../common/api';
import { parseWorkflowYaml } from '../../common/spec';

export interface FileReport {
  file: string;
  valid: boolean;
  errors: Array<Pick<ValidationFinding, 'code' | 'message' | 'line' | 'column' | 'severity'>>;
}

const isWorkflowFile = (name: string) => /\.ya?ml$/i.test(name);

export function collectFiles(target: string): string[] {
  const stats = statSync(target);
  if (!stats.isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(target, entry.name);
      if (entry.isDirectory()) return collectFiles(path);
      return isWorkflowFile(entry.name) ? [path] : [];
    });
}

export function validateFile(file: string): FileReport {
  const parsed = parseWorkflowYaml(readFileSync(file, 'utf8'));
  return {
    file,
    valid: parsed.valid,
    errors: parsed.findings.map(({ code, message, line, column, severity }) => ({ code, message, line, column, severity })),
  };
}

export function runValidate(targets: string[], options: { json: boolean; warnings: boolean }, out: (line: string) => void): number {
  if (targets.length === 0) throw new Error('validate needs at least one file or folder');
  const reports = targets.flatMap((target) => {
    try {
      return collectFiles(target).map(validateFile);
    } catch (error) {
      return [{ file: target, valid: false, errors: [{ code: 'unreadable', message: (error as Error).message, line: 0, column: 0, severity: 'error' as const }] }];
    }
  });
  if (options.json) {
    out(JSON.stringify(reports, null, 2));
  } else {
    for (const report of reports) {
      const shown = report.errors.filter((e) => e.severity === 'error' || options.warnings);
      const name = relative(process.cwd(), report.file) || report.file;
      const [first, ...rest] = report.errors.filter((e) => e.severity === 'error');
      if (first) out(`${name}:${first.line}:${first.column} ${first.message}${rest.length ? ` (and ${rest.length} more)` : ''}`);
      if (options.warnings) shown.filter((e) => e.severity === 'warning').forEach((w) => out(`${name}:${w.line}:${w.column} warning: ${w.message}`));
    }
    const invalid = reports.filter((r) => !r.valid).length;
    out(`${reports.length - invalid} valid, ${invalid} invalid`);
  }
  return reports.every((r) => r.valid) ? 0 : 1;
}
