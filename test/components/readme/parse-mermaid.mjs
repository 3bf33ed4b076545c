// Parses Mermaid diagrams with the real `mermaid` parser under jsdom (mermaid sanitizes labels with
// DOMPurify, which needs a DOM). Reads a JSON array of diagram texts on stdin and writes a JSON
// array of results: { ok: true, type } or { ok: false, error }.
// Finds `mermaid` and `jsdom` from the working directory, or from MERMAID_RESOLVE_FROM when set.
import { createRequire } from 'module';
import { pathToFileURL } from 'url';

const require = createRequire(`${process.cwd()}/`);
const paths = [process.cwd(), ...(process.env.MERMAID_RESOLVE_FROM ? [process.env.MERMAID_RESOLVE_FROM] : [])];
const load = (name) => import(pathToFileURL(require.resolve(name, { paths })).href);

const { JSDOM } = await load('jsdom');
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const mermaid = (await load('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text);
    results.push({ ok: true, type: parsed.diagramType });
  } catch (error) {
    results.push({ ok: false, error: String(error?.message ?? error) });
  }
}
process.stdout.write(JSON.stringify(results));
