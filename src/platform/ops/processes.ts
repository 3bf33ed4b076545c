import { spawn } from 'child_process';
import { OperationError } from './errors';

/** How a child process runs. */
export interface ProcessOptions {
  /** Working directory. @default - the current one */
  readonly cwd?: string;
  /** Extra environment variables. @default - none */
  readonly env?: Record<string, string>;
  /** Written to the process's standard input. @default - nothing */
  readonly input?: string;
  /** Keep standard output instead of passing it through. @default false */
  readonly capture?: boolean;
  /** Also keep standard error (for error messages) while passing it through. @default true */
  readonly keepStderr?: boolean;
  /** Hand the terminal to the process (interactive sessions). @default false */
  readonly interactive?: boolean;
}

/** What a finished child process left. */
export interface ProcessResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What to tell a person when a program is not installed. */
const INSTALL_HINTS: Record<string, string> = {
  'terraform': 'install Terraform >= 1.11 (https://developer.hashicorp.com/terraform/install)',
  'docker': 'install Docker and start its engine (https://docs.docker.com/get-docker/)',
  'session-manager-plugin': 'install the Session Manager plugin (https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-install-plugin.html)',
  'git': 'install git',
  'gh': 'install the GitHub CLI (https://cli.github.com)',
};

/**
 * Runs a program to completion. Output passes through to the terminal unless captured; a program
 * that is not installed is one clear {@link OperationError}.
 */
export function runProcess(command: string, args: string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: options.interactive ? 'inherit' : ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      if (options.capture) {
        stdout += chunk.toString();
      } else {
        process.stdout.write(chunk);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (options.keepStderr !== false) {
        stderr += chunk.toString();
      }
      if (!options.capture) {
        process.stderr.write(chunk);
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        reject(new OperationError(`${command} is not installed or not on PATH: ${INSTALL_HINTS[command] ?? `install ${command}`}`));
      } else {
        reject(error);
      }
    });
    child.on('close', (status, signal) => resolve({ status: status ?? (signal ? 128 : 1), stdout, stderr }));
    if (child.stdin) {
      child.stdin.end(options.input ?? '');
    }
  });
}

/** Runs a program and fails with its last output lines unless it exits 0. */
export async function runChecked(command: string, args: string[], options: ProcessOptions = {}): Promise<ProcessResult> {
  const result = await runProcess(command, args, options);
  if (result.status !== 0) {
    const tail = `${result.stderr}`.trim().split('\n').slice(-5).join('\n');
    throw new OperationError(`${command} ${args.slice(0, 2).join(' ')} failed (exit ${result.status})${tail ? `:\n${tail}` : ''}`);
  }
  return result;
}
