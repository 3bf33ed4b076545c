import { spawn } from 'child_process';
import { WriteStream, writeFileSync } from 'fs';
import { join } from 'path';

/** The shell GitHub uses when a step, its job and the workflow name none: `bash -e {0}`. */
export const UNSPECIFIED_SHELL = 'bash -e {0}';

const SHELL_TEMPLATES: Record<string, { readonly command: string; readonly extension: string }> = {
  bash: { command: 'bash --noprofile --norc -eo pipefail {0}', extension: '.sh' },
  sh: { command: 'sh -e {0}', extension: '.sh' },
  python: { command: 'python3 {0}', extension: '.py' },
};

/** What a `run:` script did. */
export interface ShellResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/** Options of {@link runShellStep}. */
export interface ShellStepOptions {
  readonly script: string;
  /** `bash`, `sh`, `python`, or a command template holding `{0}`; `undefined` for GitHub's default. */
  readonly shell: string | undefined;
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** Where the script file goes (`RUNNER_TEMP`). */
  readonly scriptDir: string;
  /** Base name of the script file. */
  readonly scriptName: string;
  /** Kill the script (and its children) after this long. */
  readonly timeoutMs: number;
  /** Receives the output as it comes. */
  readonly log: WriteStream;
}

/**
 * Writes the script to a file and runs it with the step's shell, as GitHub does: the shell
 * template's `{0}` replaced by the file. The script runs in its own process group, which a timeout
 * kills as a whole.
 *
 * @throws when the shell is one this runner does not support (pwsh, cmd)
 */
export function runShellStep(options: ShellStepOptions): Promise<ShellResult> {
  const known = options.shell === undefined ? { command: UNSPECIFIED_SHELL, extension: '.sh' } : SHELL_TEMPLATES[options.shell];
  const template = known?.command ?? options.shell!;
  if (!template.includes('{0}')) {
    throw new Error(`Unsupported shell "${options.shell}": use bash, sh, python or a command with {0}`);
  }
  const file = join(options.scriptDir, `${options.scriptName}${known?.extension ?? ''}`);
  writeFileSync(file, options.script);
  const [command, ...args] = template.split(/\s+/).filter((part) => part !== '').map((part) => part.replace('{0}', file));

  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      options.log.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      options.log.write(chunk);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start the shell ${command} for ${options.scriptName}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        exitCode: timedOut ? null : code,
        stdout: Buffer.concat(stdout).toString('utf-8'),
        stderr: Buffer.concat(stderr).toString('utf-8'),
        timedOut,
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) {
    return;
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
