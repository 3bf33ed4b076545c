import type { CopilotImport } from './application';
import { EnumMember } from './draft';
import { unmappedLine } from './manifest';

/** The `.projenrc.ts` of an imported Copilot application: the options, and what was not carried over as comments. */
export function projenrcSource(result: CopilotImport, problems: string[] = []): string {
  const enums = new Set<string>();
  const body = render(result.options, '', enums);
  const imports = ['EcsServiceProject', ...[...enums].sort()].join(', ');
  const lines = [
    `import { ${imports} } from 'projen-cdktf-ecs';`,
    '',
    `// Imported from the AWS Copilot application "${result.application}" by \`projen-cdktf-ecs import-copilot\`.`,
    '// MIGRATION.md has the cut-over runbook.',
    ...commentBlock(`Not carried over (${result.unmapped.length})`, result.unmapped.map(unmappedLine)),
    ...commentBlock(`Options to fix before \`npx projen\` (${problems.length})`, problems),
    `const project = new EcsServiceProject(${body});`,
    '',
    'project.synth();',
    '',
  ];
  return lines.join('\n');
}

function commentBlock(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['//', `// ${title}:`, ...lines.map((line) => `//   ${line}`), ''];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A draft value as TypeScript source, two-space indented, enum members by name. */
function render(value: unknown, indent: string, enums: Set<string>): string {
  if (value instanceof EnumMember) {
    enums.add(value.enumName);
    return `${value.enumName}.${value.member}`;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => render(item, `${indent}  `, enums));
    const inline = `[${items.join(', ')}]`;
    return inline.length <= 100 && !inline.includes('\n') ? inline : `[\n${items.map((item) => `${indent}  ${item},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) =>
      `${indent}  ${IDENTIFIER.test(key) ? key : quote(key)}: ${render(item, `${indent}  `, enums)},`);
    const inline = `{ ${entries.map((entry) => entry.trim().replace(/,$/, '')).join(', ')} }`;
    if (indent !== '' && inline.length <= 100 && !inline.includes('\n')) {
      return inline;
    }
    return entries.length === 0 ? '{}' : `{\n${entries.join('\n')}\n${indent}}`;
  }
  return typeof value === 'string' ? quote(value) : String(value);
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}
