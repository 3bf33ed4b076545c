import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import * as ts from 'typescript';

/** The limits the code review checks on `src/`. */
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 60;

const SRC = join(__dirname, '..', '..', 'src');

/**
 * Data tables: rows of facts (permissions per resource type, prices per region), not logic. They
 * grow with AWS, so they may outgrow the file limit; their functions are still held to theirs.
 */
const DATA_TABLES = ['platform/delivery/resource-types/', 'platform/contract/cost/price-table.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf-8') }));

/** `<file>:<line> <name> (<lines> lines)` of every function, method, constructor or accessor longer than the limit. */
function longFunctions(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_FUNCTION_LINES) {
        const name = node.name !== undefined ? node.name.getText(source) : ts.SyntaxKind[node.kind];
        found.push(`${path}:${first + 1} ${name} (${lines} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the sources are read', () => {
  expect(files.length).toBeGreaterThan(100);
});

test(`no file in src/ is over ${MAX_FILE_LINES} lines, data tables aside`, () => {
  const long = files
    .filter((file) => !DATA_TABLES.some((table) => file.path.startsWith(table)))
    .map((file) => ({ path: file.path, lines: file.text.split('\n').length }))
    .filter((file) => file.lines > MAX_FILE_LINES)
    .map((file) => `${file.path} (${file.lines} lines)`);
  expect(long).toEqual([]);
});

test(`no function in src/ is over ${MAX_FUNCTION_LINES} lines`, () => {
  expect(files.flatMap((file) => longFunctions(file.path, file.text))).toEqual([]);
});
