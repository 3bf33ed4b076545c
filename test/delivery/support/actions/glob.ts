import { existsSync, readdirSync, statSync } from 'fs';
import { isAbsolute, join, relative, resolve, sep } from 'path';

const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * The directory a pattern searches: everything before its first segment holding a glob character;
 * for a literal path, the path itself when it is a directory, else its parent.
 */
export function searchRoot(pattern: string, cwd: string): string {
  const absolute = resolve(cwd, pattern);
  const segments = absolute.split(sep);
  const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  if (firstGlob !== -1) {
    return segments.slice(0, firstGlob).join(sep) || sep;
  }
  return existsSync(absolute) && statSync(absolute).isDirectory() ? absolute : resolve(absolute, '..');
}

/**
 * Files matching newline-separated patterns as `actions/upload-artifact` reads its `path`: `*`,
 * `**`, `?`; a directory means every file under it; lines starting with `!` exclude.
 *
 * @returns absolute paths, sorted, without duplicates
 */
export function matchFiles(patterns: string[], cwd: string): string[] {
  const included = new Set<string>();
  const exclusions: RegExp[] = [];
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      exclusions.push(globToRegExp(resolve(cwd, pattern.slice(1))));
      continue;
    }
    const absolute = resolve(cwd, pattern);
    if (!GLOB_CHARACTERS.test(pattern)) {
      if (existsSync(absolute)) {
        (statSync(absolute).isDirectory() ? listFiles(absolute) : [absolute]).forEach((file) => included.add(file));
      }
      continue;
    }
    const matcher = globToRegExp(absolute);
    for (const file of listFiles(searchRoot(pattern, cwd))) {
      if (matcher.test(file)) {
        included.add(file);
      } else {
        // A pattern matching a directory takes the files under it.
        const parents = parentDirs(file, searchRoot(pattern, cwd));
        if (parents.some((dir) => matcher.test(dir))) {
          included.add(file);
        }
      }
    }
  }
  return [...included].filter((file) => !exclusions.some((exclusion) => exclusion.test(file))).sort();
}

/** Whether a name matches a glob pattern (`*`, `?`), as `download-artifact`'s `pattern` does. */
export function matchesName(name: string, pattern: string): boolean {
  return globToRegExp(pattern).test(name);
}

/** Every file under a directory, recursively, as absolute paths. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

function parentDirs(file: string, root: string): string[] {
  const parts = relative(root, file).split(sep).slice(0, -1);
  return parts.map((_, index) => join(root, ...parts.slice(0, index + 1)));
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '*' && pattern[index + 1] === '*') {
      // `**/` matches any number of directories, including none.
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (character === '*') {
      source += '[^/]*';
    } else if (character === '?') {
      source += '[^/]';
    } else {
      source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Whether a path is inside (or equal to) a directory. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
