import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { delimiter, join, resolve } from 'path';
import * as ts from 'typescript';
import { CommandInvocation, readJsonLines, TerraformInvocation } from './fake-bin/invocation-log';
import type { CommandResponse, ProgrammedResponses } from './fake-bin/programmed-responses';
import { STATE_FILES } from './fake-bin/recording-command';
import type { TerraformWrapperConfig } from './fake-bin/terraform-wrapper';

export type { CommandInvocation, TerraformInvocation } from './fake-bin/invocation-log';
export type { CommandResponse } from './fake-bin/programmed-responses';
export { FAKE_LOGIN_PASSWORD } from './fake-bin/recording-command';

/** The recording fakes every fake bin holds. */
export const RECORDING_COMMANDS = ['docker', 'aws', 'session-manager-plugin', 'gh'] as const;

/** Modules the executables run, transpiled into the fake bin's runtime directory. */
const RUNTIME_MODULES = ['invocation-log', 'programmed-responses', 'recording-command', 'terraform-wrapper'];

/** Where the `terraform` wrapper finds the repository's offline test harness. */
export interface TerraformWrapperOptions {
  /**
   * A generated service repository, compiled: the wrapper requires its
   * `lib/platform/testing/index.js` and `lib/config.generated.js`.
   */
  readonly repoDir?: string;
  /** The `platform/testing` module to use instead (a `.ts` file is transpiled on load). */
  readonly platformTestingModule?: string;
  /** The module exporting `config` to use instead; without one, no upstream fixture states. */
  readonly configModule?: string;
}

/** Options of {@link createFakeBin}. */
export interface FakeBinOptions {
  /** Add the `terraform` wrapper, using this repository's offline harness. @default - no wrapper */
  readonly terraform?: TerraformWrapperOptions;
  /** @default - a new temporary directory */
  readonly rootDir?: string;
  /** Search path for the real Terraform. @default process.env.PATH */
  readonly searchPath?: string;
}

/** A directory of fake executables to put first on `PATH`, and what they recorded. */
export interface FakeBin {
  /** The directory to put first on `PATH`. */
  readonly binDir: string;
  /** Root of the fakes' files (logs, programmed answers). */
  readonly rootDir: string;
  /** `binDir` before the given search path. */
  path(searchPath?: string): string;
  /** Programs how commands matching `key` (`"docker push"`) answer; see {@link CommandResponse}. */
  program(key: string, response: CommandResponse | CommandResponse[]): void;
  /** Programs what `terraform output` answers in a stack directory (by its name), as `{ name: value }`. */
  setTerraformOutputs(stack: string, outputs: Record<string, unknown>): void;
  /** Invocations of the recording fakes, in order, optionally of one program. */
  invocations(program?: string): CommandInvocation[];
  /** Invocations of the `terraform` wrapper, in order. */
  terraformInvocations(): TerraformInvocation[];
  /** Deletes everything. */
  remove(): void;
}

/**
 * Creates fake `docker`, `aws`, `session-manager-plugin` and `gh` executables that record every
 * invocation and answer as programmed (defaults: success, `docker save --output` writes the file,
 * `docker login --password-stdin` reads and records the password, `aws ecr get-login-password`
 * prints a fake password, `gh … list` answers `[]`, `gh … create` the URL of item 1 and records the `--body-file`), and, with `terraform`, a wrapper around the real Terraform that
 * prepares stacks for offline use before `init`, plans instead of applying and answers `output`.
 *
 * @throws when the wrapper is asked for and no real Terraform is on the search path
 */
export function createFakeBin(options: FakeBinOptions = {}): FakeBin {
  const rootDir = options.rootDir ?? mkdtempSync(join(tmpdir(), 'fake-bin-'));
  const binDir = join(rootDir, 'bin');
  const stateDir = join(rootDir, 'state');
  const runtimeDir = join(rootDir, 'runtime');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(join(stateDir, STATE_FILES.terraformOutputs), { recursive: true });
  transpileRuntime(runtimeDir);

  for (const command of RECORDING_COMMANDS) {
    writeExecutable(join(binDir, command), `require(${JSON.stringify(join(runtimeDir, 'recording-command.js'))}).main(${JSON.stringify(command)}, ${JSON.stringify(stateDir)});`);
  }
  if (options.terraform !== undefined) {
    const configFile = join(stateDir, STATE_FILES.terraformConfig);
    const config: TerraformWrapperConfig = {
      realTerraform: findExecutable('terraform', options.searchPath ?? process.env.PATH ?? '', binDir),
      ...harnessModules(options.terraform),
      typescript: require.resolve('typescript'),
      logFile: join(stateDir, STATE_FILES.terraform),
      outputsDir: join(stateDir, STATE_FILES.terraformOutputs),
    };
    writeFileSync(configFile, JSON.stringify(config, undefined, 2));
    writeExecutable(join(binDir, 'terraform'), `require(${JSON.stringify(join(runtimeDir, 'terraform-wrapper.js'))}).main(${JSON.stringify(configFile)});`);
  }

  const responsesFile = join(stateDir, STATE_FILES.responses);
  return {
    binDir,
    rootDir,
    path: (searchPath = process.env.PATH ?? '') => [binDir, searchPath].filter((part) => part !== '').join(delimiter),
    program(key, response) {
      let responses: ProgrammedResponses = {};
      try {
        responses = JSON.parse(readFileSync(responsesFile, 'utf-8')) as ProgrammedResponses;
      } catch {
        // Nothing programmed yet.
      }
      writeFileSync(responsesFile, JSON.stringify({ ...responses, [key]: response }, undefined, 2));
    },
    setTerraformOutputs(stack, outputs) {
      writeFileSync(join(stateDir, STATE_FILES.terraformOutputs, `${stack}.json`), JSON.stringify(outputs, undefined, 2));
    },
    invocations: (program) => readJsonLines<CommandInvocation>(join(stateDir, STATE_FILES.commands))
      .filter((invocation) => program === undefined || invocation.program === program),
    terraformInvocations: () => readJsonLines<TerraformInvocation>(join(stateDir, STATE_FILES.terraform)),
    remove: () => rmSync(rootDir, { recursive: true, force: true }),
  };
}

function harnessModules(options: TerraformWrapperOptions): Pick<TerraformWrapperConfig, 'platformTestingModule' | 'configModule'> {
  const platformTestingModule = options.platformTestingModule ?? (options.repoDir && join(options.repoDir, 'lib', 'platform', 'testing', 'index.js'));
  const configModule = options.configModule ?? (options.repoDir && join(options.repoDir, 'lib', 'config.generated.js'));
  if (!platformTestingModule) {
    throw new Error('The terraform wrapper needs repoDir (a compiled generated repository) or platformTestingModule');
  }
  for (const module of [platformTestingModule, configModule]) {
    if (module) {
      try {
        accessSync(module, constants.R_OK);
      } catch {
        throw new Error(`The terraform wrapper needs ${module}; compile the generated repository first (npx projen compile)`);
      }
    }
  }
  return { platformTestingModule: resolve(platformTestingModule), ...(configModule ? { configModule: resolve(configModule) } : {}) };
}

/** Resolves a command on a search path, skipping the fake bin itself. */
function findExecutable(name: string, searchPath: string, skip: string): string {
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '' || resolve(dir) === resolve(skip)) {
      continue;
    }
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // Not here.
    }
  }
  throw new Error(`No real ${name} on PATH (${searchPath}); the terraform wrapper forwards to it. Install Terraform and try again.`);
}

function writeExecutable(path: string, body: string): void {
  writeFileSync(path, `#!${process.execPath}\n${body}\n`);
  chmodSync(path, 0o755);
}

/** Transpiles the executables' modules to CommonJS next to each other; they use node built-ins only. */
function transpileRuntime(runtimeDir: string): void {
  mkdirSync(runtimeDir, { recursive: true });
  for (const module of RUNTIME_MODULES) {
    const source = readFileSync(join(__dirname, 'fake-bin', `${module}.ts`), 'utf-8');
    const output = ts.transpileModule(source, {
      fileName: `${module}.ts`,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    writeFileSync(join(runtimeDir, `${module}.js`), output.outputText);
  }
}
