import { spawnSync } from 'child_process';
import { existsSync, readFileSync, realpathSync } from 'fs';
import { createRequire } from 'module';
import { basename, dirname, join, resolve } from 'path';
import { appendJsonLine, TerraformInvocation } from './invocation-log';

// The body of the `terraform` wrapper (transpiled to plain JavaScript): node built-ins, plus the
// generated repository's own offline test harness, required at run time.

/** What the wrapper is told when the fake bin is created. */
export interface TerraformWrapperConfig {
  /** The real Terraform executable. */
  readonly realTerraform: string;
  /** The repository's `platform/testing` module (compiled `.js`, or `.ts` sources). */
  readonly platformTestingModule: string;
  /** The module exporting the repository's `config` (`config.generated`), if any. */
  readonly configModule?: string;
  /** The `typescript` package, to load `.ts` modules. */
  readonly typescript: string;
  /** Where invocations are logged. */
  readonly logFile: string;
  /** Where programmed outputs live: `<dir>/<stack>.json`. */
  readonly outputsDir: string;
}

/** The parts of the repository's `platform/testing` module the wrapper calls. */
interface PlatformTesting {
  OfflineTerraform: new (dir: string) => { writeOverride(): void };
  readManifest(outdir: string): SynthesizedStack[];
  writeUpstreamStates(stack: SynthesizedStack, stacks: SynthesizedStack[], config: unknown): string[];
  fixtureOutputs(stack: SynthesizedStack, config: unknown): Record<string, unknown>;
  offlineTerraformEnv(source: unknown, base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  resolveProviderSource(env?: NodeJS.ProcessEnv): unknown;
}

interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
}

interface ParsedArgs {
  readonly globals: string[];
  readonly command: string;
  readonly rest: string[];
  readonly chdir?: string;
}

/** Records the invocation, prepares or rewrites it for offline use, runs the real Terraform and exits with its code. */
export function main(configFile: string): void {
  const started = Date.now();
  const config = JSON.parse(readFileSync(configFile, 'utf-8')) as TerraformWrapperConfig;
  const args = process.argv.slice(2);
  const parsed = parseArgs(args);
  const dir = resolve(process.cwd(), parsed.chdir ?? '.');
  const wrapper = new Wrapper(config, dir);
  let executed: string[] | undefined;
  let prepared: TerraformInvocation['prepared'];
  let exitCode: number;
  if (parsed.command === 'output') {
    exitCode = wrapper.answerOutput(parsed.rest);
  } else {
    let rest = parsed.rest;
    if (parsed.command === 'init') {
      prepared = wrapper.prepareStack();
      // The override swaps S3 for a local backend, which takes none of the S3 settings.
      rest = prepared.override ? withoutBackendConfig(rest) : rest;
    }
    executed = [...parsed.globals, ...offlineCommand(parsed.command, rest)];
    exitCode = wrapper.runReal(executed);
  }
  const invocation: TerraformInvocation = {
    args,
    cwd: process.cwd(),
    ...(parsed.chdir !== undefined ? { chdir: parsed.chdir } : {}),
    dir,
    command: parsed.command,
    vars: variables(parsed.rest),
    varFiles: optionValues(parsed.rest, '-var-file'),
    ...(executed !== undefined ? { executed } : {}),
    ...(prepared !== undefined ? { prepared } : {}),
    exitCode,
    durationMs: Date.now() - started,
    finishedAt: Date.now(),
  };
  appendJsonLine(config.logFile, invocation);
  process.exitCode = exitCode;
}

/**
 * What runs instead of a command: `apply` becomes `plan` with the same arguments minus
 * `-auto-approve` (an `apply` of a saved plan becomes `show` of that plan), `destroy` becomes
 * `plan -destroy`; anything else runs as given.
 */
export function offlineCommand(command: string, rest: string[]): string[] {
  const withoutApproval = rest.filter((arg) => arg !== '-auto-approve' && arg !== '--auto-approve' && !arg.startsWith('-auto-approve='));
  if (command === 'apply') {
    const planFile = positional(withoutApproval);
    return planFile === undefined ? ['plan', ...withoutApproval] : ['show', '-no-color', planFile];
  }
  if (command === 'destroy') {
    return ['plan', '-destroy', ...withoutApproval];
  }
  return [command, ...rest];
}

/** `init` arguments without `-backend-config` settings. */
export function withoutBackendConfig(rest: string[]): string[] {
  return rest.filter((arg, index) => !arg.startsWith('-backend-config') && rest[index - 1] !== '-backend-config');
}

/** Splits global options (`-chdir=…`) from the subcommand and its arguments. */
export function parseArgs(args: string[]): ParsedArgs {
  const index = args.findIndex((arg) => !arg.startsWith('-'));
  const globals = index === -1 ? args : args.slice(0, index);
  const chdir = globals.find((arg) => arg.startsWith('-chdir='))?.slice('-chdir='.length);
  return { globals, command: index === -1 ? '' : args[index], rest: index === -1 ? [] : args.slice(index + 1), ...(chdir !== undefined ? { chdir } : {}) };
}

/** Every `-var name=value` / `-var=name=value`, by name. */
export function variables(rest: string[]): Record<string, string> {
  return Object.fromEntries(optionValues(rest, '-var').map((assignment) => {
    const equals = assignment.indexOf('=');
    return [assignment.slice(0, equals), assignment.slice(equals + 1)];
  }));
}

function optionValues(rest: string[], name: string): string[] {
  const values: string[] = [];
  rest.forEach((arg, index) => {
    if (arg === name && index + 1 < rest.length) {
      values.push(rest[index + 1]);
    } else if (arg.startsWith(`${name}=`)) {
      values.push(arg.slice(name.length + 1));
    }
  });
  return values;
}

/** The first argument that is neither an option nor an option's value. */
function positional(rest: string[]): string | undefined {
  for (let index = 0; index < rest.length; index++) {
    if (['-var', '-var-file', '-target', '-replace'].includes(rest[index])) {
      index++;
    } else if (!rest[index].startsWith('-')) {
      return rest[index];
    }
  }
  return undefined;
}

class Wrapper {
  private platform?: PlatformTesting;

  constructor(private readonly config: TerraformWrapperConfig, private readonly dir: string) {}

  /**
   * Before `init` in a stack directory: the offline override and, for a stack of a synthesized
   * app, the fixture states of the stacks it reads, exactly as the repository's offline tests do.
   */
  public prepareStack(): { override: boolean; upstreamStates: string[] } {
    if (!existsSync(join(this.dir, 'cdk.tf.json'))) {
      return { override: false, upstreamStates: [] };
    }
    const platform = this.platformTesting();
    const located = this.locateStack();
    const upstreamStates = located === undefined ? [] : platform.writeUpstreamStates(located.stack, located.stacks, this.repositoryConfig());
    new platform.OfflineTerraform(this.dir).writeOverride();
    return { override: true, upstreamStates };
  }

  /** `terraform output [-json|-raw] [name]` from the programmed outputs, else the fixture outputs, else none. */
  public answerOutput(rest: string[]): number {
    const outputs = this.outputs();
    const name = positional(rest.filter((arg) => !arg.startsWith('-state')));
    if (name !== undefined && !(name in outputs)) {
      process.stderr.write(`\nError: Output "${name}" not found\n\nThe output variable requested could not be found in the state file.\n`);
      return 1;
    }
    if (rest.includes('-json')) {
      const rendered = name !== undefined ? outputs[name] : Object.fromEntries(Object.entries(outputs).map(([key, value]) => [
        key, { sensitive: false, type: typeOf(value), value },
      ]));
      process.stdout.write(`${JSON.stringify(rendered, undefined, 2)}\n`);
    } else if (name !== undefined) {
      const value = outputs[name];
      process.stdout.write(rest.includes('-raw') ? String(value) : `${JSON.stringify(value)}\n`);
    } else {
      process.stdout.write(Object.entries(outputs).map(([key, value]) => `${key} = ${JSON.stringify(value)}\n`).join(''));
    }
    return 0;
  }

  /** Runs the real Terraform with the offline environment; its output goes straight through. */
  public runReal(args: string[]): number {
    const env = this.platformTesting().offlineTerraformEnv(this.platformTesting().resolveProviderSource(process.env), process.env);
    // The offline runs never call AWS; an endpoint meant for the SDK fake must not reach the provider.
    for (const name of Object.keys(env).filter((key) => key.startsWith('AWS_ENDPOINT_URL'))) {
      delete env[name];
    }
    const result = spawnSync(this.config.realTerraform, args, { stdio: 'inherit', env });
    if (result.error) {
      process.stderr.write(`terraform wrapper: cannot run ${this.config.realTerraform}: ${result.error.message}\n`);
      return 127;
    }
    return result.status ?? 1;
  }

  private outputs(): Record<string, unknown> {
    const programmed = join(this.config.outputsDir, `${basename(this.dir)}.json`);
    if (existsSync(programmed)) {
      return JSON.parse(readFileSync(programmed, 'utf-8')) as Record<string, unknown>;
    }
    const located = existsSync(join(this.dir, 'cdk.tf.json')) ? this.locateStack() : undefined;
    return located === undefined ? {} : this.platformTesting().fixtureOutputs(located.stack, this.repositoryConfig());
  }

  /** The stack whose directory this is, among the stacks of the nearest `manifest.json` above it. */
  private locateStack(): { stack: SynthesizedStack; stacks: SynthesizedStack[] } | undefined {
    if (this.config.configModule === undefined) {
      return undefined;
    }
    const real = realpathSync(this.dir);
    for (let outdir = dirname(this.dir); outdir !== dirname(outdir); outdir = dirname(outdir)) {
      if (existsSync(join(outdir, 'manifest.json'))) {
        const stacks = this.platformTesting().readManifest(outdir);
        const stack = stacks.find((candidate) => existsSync(candidate.dir) && realpathSync(candidate.dir) === real);
        return stack === undefined ? undefined : { stack, stacks };
      }
    }
    return undefined;
  }

  private repositoryConfig(): unknown {
    return (this.load(this.config.configModule!) as { config: unknown }).config;
  }

  private platformTesting(): PlatformTesting {
    this.platform ??= this.load(this.config.platformTestingModule) as PlatformTesting;
    return this.platform;
  }

  private load(path: string): unknown {
    if (path.endsWith('.ts')) {
      registerTypeScript(this.config.typescript);
    }
    return loadModule(path) as unknown;
  }
}

/** Loads the repository's modules, whose paths are known only at run time. */
const loadModule = createRequire(__filename);
let typescriptRegistered = false;

/** Lets `require` load `.ts` files, transpiled one by one (no type checking). */
function registerTypeScript(typescriptPath: string): void {
  if (typescriptRegistered) {
    return;
  }
  typescriptRegistered = true;
  const ts = loadModule(typescriptPath) as typeof import('typescript');
  loadModule.extensions['.ts'] = (module, filename) => {
    const output = ts.transpileModule(readFileSync(filename, 'utf-8'), {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    });
    (module as unknown as { _compile(code: string, file: string): void })._compile(output.outputText, filename);
  };
}

function typeOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    return ['tuple', value.map(typeOf)];
  }
  if (value !== null && typeof value === 'object') {
    return ['object', Object.fromEntries(Object.entries(value).map(([key, item]) => [key, typeOf(item)]))];
  }
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
}
