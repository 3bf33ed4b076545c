import { Component, JsonFile, Task } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { ManagedSourceFile } from './managed-source-file';

/**
 * Options of {@link CdktfApp}.
 */
export interface CdktfAppOptions {
  /** TypeScript entry point of the app, relative to the project root. */
  readonly entrypoint: string;
  /** The entry point compiled to JavaScript, relative to the project root. */
  readonly compiledEntrypoint: string;
  /** Directory the app synthesizes into. */
  readonly outdir: string;
  /** Directory of the TypeScript sources the compiled app is built from. */
  readonly srcdir: string;
  /** The TypeScript configuration the project compiles with. @default "tsconfig.json" */
  readonly tsconfig?: string;
}

/** The launcher `cdktf.json` and the `synth` task run. */
export const CDKTF_APP_LAUNCHER = 'scripts/cdktf-app.cjs';

/**
 * The CDK for Terraform app, run with plain node and without the cdktf CLI:
 * - `synth:app` runs the compiled app (half a second, against about three times that through a
 *   TypeScript loader);
 * - `synth` compiles when a source changed since the last compile, then runs the compiled app;
 * - `cdktf.json` runs the compiled app when it is up to date, else the TypeScript entry point
 *   through tsx, so the cdktf CLI always synthesizes the sources as they are.
 *
 * Both go through {@link CDKTF_APP_LAUNCHER}, in one node process. The compiled app is up to date
 * when no file or directory under the sources (an edit, an added, removed or renamed file) nor the
 * tsconfig changed after the last compile, which is when `tsc --build` last wrote its build info
 * or, for a plain `tsc`, the compiled entry point. A build info recording type errors is never up
 * to date for `synth`, so it fails on them as the compile did.
 */
export class CdktfApp extends Component {
  /** Compiles when needed, then synthesizes every stack into the output directory. */
  public readonly synthTask: Task;
  /** Synthesizes every stack from the compiled app. */
  public readonly synthCompiledTask: Task;

  constructor(project: NodeProject, options: CdktfAppOptions) {
    super(project);
    project.addDevDeps('tsx@^4');
    const tsconfig = options.tsconfig ?? 'tsconfig.json';

    new ManagedSourceFile(project, CDKTF_APP_LAUNCHER, launcher({ ...options, tsconfig }));
    new JsonFile(project, 'cdktf.json', {
      obj: {
        language: 'typescript',
        app: `node ${CDKTF_APP_LAUNCHER}`,
        output: options.outdir,
        codeMakerOutput: '.gen',
        terraformProviders: [],
        terraformModules: [],
        context: {},
      },
    });

    this.synthCompiledTask = project.addTask('synth:app', {
      description: `Synthesizes the Terraform stacks into ${options.outdir}/stacks/<stack> from the compiled app`,
      exec: `node ${options.compiledEntrypoint}`,
    });
    // One process: compiling through the compile task would cost another task environment (an
    // `npx` call) and a TypeScript start even when nothing changed.
    this.synthTask = project.addTask('synth', {
      description: `Compiles the app when a source changed (tsc --build), then synthesizes the Terraform stacks into ${options.outdir}/stacks/<stack>`,
      exec: `node ${CDKTF_APP_LAUNCHER} --compile`,
    });
    project.gitignore.exclude(`${options.outdir}/`, '.gen/', '.terraform/', '*.tfstate', '*.tfstate.*', '*.tfplan');
  }
}

function launcher(options: Required<CdktfAppOptions>): string {
  const buildInfo = options.tsconfig.replace(/\.json$/, '') + '.tsbuildinfo';
  return `// Runs the CDK for Terraform app: the compiled ${options.compiledEntrypoint} when it is up to date
// with ${options.srcdir}/ and ${options.tsconfig}, otherwise ${options.entrypoint} through tsx.
//   node ${CDKTF_APP_LAUNCHER}            what cdktf.json runs
//   node ${CDKTF_APP_LAUNCHER} --compile  compiles first when needed (tsc --build), as \`npx projen synth\`
'use strict';
const { spawnSync } = require('child_process');
const { existsSync, readdirSync, readFileSync, statSync } = require('fs');
const { join, resolve } = require('path');

const root = resolve(__dirname, '..');
const compiled = join(root, ${JSON.stringify(options.compiledEntrypoint)});
const buildInfo = join(root, ${JSON.stringify(buildInfo)});

/** Newest modification time of a file or directory under dir, dir included. */
function newest(dir) {
  let time = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : -Infinity;
}

function upToDate(requireClean) {
  if (!existsSync(compiled)) {
    return false;
  }
  if (requireClean && existsSync(buildInfo) && /"errors":\\s*true/.test(readFileSync(buildInfo, 'utf-8'))) {
    return false;
  }
  const built = Math.max(mtime(buildInfo), mtime(compiled));
  return Math.max(newest(join(root, ${JSON.stringify(options.srcdir)})), mtime(join(root, ${JSON.stringify(options.tsconfig)}))) <= built;
}

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

const compile = process.argv.includes('--compile');
if (upToDate(compile)) {
  require(compiled);
} else if (compile) {
  run([require.resolve('typescript/bin/tsc', { paths: [root] }), '--build', ${JSON.stringify(options.tsconfig)}]);
  require(compiled);
} else {
  run([require.resolve('tsx/cli', { paths: [root] }), ${JSON.stringify(options.entrypoint)}]);
}
`;
}
