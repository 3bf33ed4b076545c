import { appendFileSync, existsSync, readFileSync } from 'fs';

// Runs inside the fake executables (transpiled to plain JavaScript): node built-ins only.

/** One invocation of a fake `docker`, `aws` or `session-manager-plugin`. */
export interface CommandInvocation {
  readonly program: string;
  readonly argv: string[];
  readonly cwd: string;
  /** The variables of {@link RECORDED_ENV} the command saw. */
  readonly env: Record<string, string>;
  /** What the command read on stdin (`docker login --password-stdin`). */
  readonly stdin?: string;
  /** The content of the file given as `--body-file` (`gh issue create`), read when the command ran. */
  readonly bodyFile?: string;
  /** The exit code the fake returned. */
  readonly exitCode: number;
  /** When it finished (milliseconds since the epoch), to order invocations of different programs. */
  readonly finishedAt: number;
}

/** One invocation of the `terraform` wrapper. */
export interface TerraformInvocation {
  /** The arguments as given. */
  readonly args: string[];
  readonly cwd: string;
  /** The `-chdir` value, if any. */
  readonly chdir?: string;
  /** The directory Terraform ran in (cwd and `-chdir` resolved). */
  readonly dir: string;
  /** The subcommand as given (`init`, `plan`, `apply`…). */
  readonly command: string;
  /** Every `-var name=value`, by name. */
  readonly vars: Record<string, string>;
  readonly varFiles: string[];
  /** What the wrapper ran instead (`apply` → `plan`…); `undefined` when it answered itself (`output`). */
  readonly executed?: string[];
  /** The offline preparation done before `init`. */
  readonly prepared?: { readonly override: boolean; readonly upstreamStates: string[] };
  readonly exitCode: number;
  readonly durationMs: number;
  /** When it finished (milliseconds since the epoch). */
  readonly finishedAt: number;
}

/** Variables a command invocation records: AWS, docker and terraform settings, and CI markers. */
export const RECORDED_ENV = /^(AWS_|DOCKER_|TF_|GH_TOKEN$|CI$|GITHUB_ACTIONS$|GITHUB_SHA$|GITHUB_REF$)/;

/** Appends one JSON line. */
export function appendJsonLine(file: string, value: unknown): void {
  appendFileSync(file, `${JSON.stringify(value)}\n`);
}

/** Reads a JSON-lines log; `[]` when it does not exist. */
export function readJsonLines<T>(file: string): T[] {
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf-8').split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}
