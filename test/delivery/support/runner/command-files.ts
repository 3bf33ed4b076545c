import { existsSync, readFileSync } from 'fs';

/**
 * Parses a `GITHUB_ENV` or `GITHUB_OUTPUT` file: `name=value` lines and multi-line values written as
 * `name<<DELIMITER`, the lines, then `DELIMITER` alone on a line. Later values win.
 *
 * @throws when a multi-line value is never closed or a line has neither form
 */
export function parseKeyValueFile(path: string): Record<string, string> {
  if (!existsSync(path)) {
    return {};
  }
  const lines = readFileSync(path, 'utf-8').split(/\r?\n/);
  const values: Record<string, string> = {};
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.trim() === '') {
      continue;
    }
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || equals > line.indexOf('<<'))) {
      const [, name, delimiter] = heredoc;
      const end = lines.indexOf(delimiter, index + 1);
      if (end === -1) {
        throw new Error(`${path}: the value of ${name} opened with <<${delimiter} is never closed`);
      }
      values[name] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`${path}: cannot parse line ${index + 1}: ${line}`);
    }
  }
  return values;
}

/** Reads a `GITHUB_PATH` file: one directory a line. */
export function parsePathFile(path: string): string[] {
  if (!existsSync(path)) {
    return [];
  }
  return readFileSync(path, 'utf-8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** Reads a file the step may have written, `''` when it did not. */
export function readOptionalFile(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf-8') : '';
}
