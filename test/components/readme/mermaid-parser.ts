import { spawnSync } from 'child_process';
import { join } from 'path';

/** Result of parsing one diagram with the real Mermaid parser. */
export type MermaidParseResult = { readonly ok: true; readonly type: string } | { readonly ok: false; readonly error: string };

/**
 * Where `mermaid` and `jsdom` are looked up: this repository's node_modules, and the directory in
 * MERMAID_RESOLVE_FROM (for a check without the devDependencies installed).
 */
const SEARCH_PATHS = [process.cwd(), ...(process.env.MERMAID_RESOLVE_FROM ? [process.env.MERMAID_RESOLVE_FROM] : [])];

/** Whether the `mermaid` and `jsdom` packages can be loaded. */
export function mermaidParserAvailable(): boolean {
  try {
    require.resolve('mermaid', { paths: SEARCH_PATHS });
    require.resolve('jsdom', { paths: SEARCH_PATHS });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses diagrams with `mermaid.parse` under jsdom, in a child Node process: mermaid is an ES module
 * that jest's CommonJS runtime cannot load.
 */
export function parseMermaid(diagrams: readonly string[]): MermaidParseResult[] {
  const result = spawnSync(process.execPath, [join(__dirname, 'parse-mermaid.mjs')], {
    input: JSON.stringify(diagrams),
    encoding: 'utf-8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`the Mermaid parser failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The bodies of the fenced `mermaid` blocks of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((match) => match[1]);
}
