import { createHash } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { appendJsonLine, CommandInvocation, readJsonLines, RECORDED_ENV } from './invocation-log';
import { CommandResponse, programmedResponse, readProgrammedResponses } from './programmed-responses';

// The body of the fake `docker`, `aws` and `session-manager-plugin` executables (transpiled to
// plain JavaScript): node built-ins only.

/** Files of a fake bin's state directory. */
export const STATE_FILES = {
  commands: 'commands.jsonl',
  responses: 'responses.json',
  terraform: 'terraform.jsonl',
  terraformConfig: 'terraform-wrapper.json',
  terraformOutputs: 'terraform-outputs',
} as const;

/** What a fake ECR login password looks like to `aws ecr get-login-password`. */
export const FAKE_LOGIN_PASSWORD = 'fake-ecr-password';

/** Records the invocation, answers it (programmed answer over the default) and exits. */
export function main(program: string, stateDir: string): void {
  const argv = process.argv.slice(2);
  const stdin = program === 'docker' && argv.includes('--password-stdin') ? readFileSync(0, 'utf-8') : undefined;
  const bodyFileName = optionValue(argv, ['--body-file']);
  const bodyFile = bodyFileName !== undefined ? readFileSync(bodyFileName, 'utf-8') : undefined;
  const log = join(stateDir, STATE_FILES.commands);
  const programmed = programmedResponse(readProgrammedResponses(join(stateDir, STATE_FILES.responses)), program, argv,
    readJsonLines<CommandInvocation>(log));
  const fallback = defaultResponse(program, argv);
  const response: Required<CommandResponse> = {
    exitCode: programmed?.exitCode ?? 0,
    stdout: programmed?.stdout ?? (programmed?.exitCode ? '' : fallback.stdout ?? ''),
    stderr: programmed?.stderr ?? '',
  };
  if (response.exitCode === 0) {
    performSideEffects(program, argv);
  }
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] =>
    RECORDED_ENV.test(entry[0]) && entry[1] !== undefined));
  const invocation: CommandInvocation = {
    program,
    argv,
    cwd: process.cwd(),
    env,
    ...(stdin !== undefined ? { stdin } : {}),
    ...(bodyFile !== undefined ? { bodyFile } : {}),
    exitCode: response.exitCode,
    finishedAt: Date.now(),
  };
  appendJsonLine(log, invocation);
  process.stdout.write(response.stdout);
  process.stderr.write(response.stderr);
  process.exitCode = response.exitCode;
}

/** What each fake prints when nothing is programmed. */
function defaultResponse(program: string, argv: string[]): CommandResponse {
  const command = argv.find((arg) => !arg.startsWith('-'));
  if (program === 'aws' && argv.includes('get-login-password')) {
    return { stdout: FAKE_LOGIN_PASSWORD };
  }
  if (program === 'gh') {
    return defaultGhResponse(argv);
  }
  if (program !== 'docker') {
    return {};
  }
  switch (command) {
    case 'login':
      return { stdout: 'Login Succeeded\n' };
    case 'push': {
      const image = argv.filter((arg) => !arg.startsWith('-'))[1] ?? '';
      const digest = createHash('sha256').update(image).digest('hex');
      return { stdout: `${image.split(':').pop()}: digest: sha256:${digest} size: 1234\n` };
    }
    case 'build':
      return { stdout: 'fake docker build: done\n' };
    default:
      return {};
  }
}

/** The GitHub CLI: nothing open yet, `create` prints the new item's URL (number 1). */
function defaultGhResponse(argv: string[]): CommandResponse {
  const [noun, verb] = argv.filter((arg) => !arg.startsWith('-'));
  if (verb === 'list') {
    return { stdout: '[]\n' };
  }
  if (verb === 'create' && (noun === 'issue' || noun === 'pr')) {
    return { stdout: `https://github.com/acme/orders/${noun === 'pr' ? 'pull' : 'issues'}/1\n` };
  }
  return {};
}

/** `docker save --output <file>` (or `-o`) creates the archive. */
function performSideEffects(program: string, argv: string[]): void {
  if (program !== 'docker' || argv.find((arg) => !arg.startsWith('-')) !== 'save') {
    return;
  }
  const output = optionValue(argv, ['--output', '-o']);
  if (output !== undefined) {
    const file = resolve(output);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `fake docker image archive of ${argv.filter((arg) => !arg.startsWith('-') && arg !== output).slice(1).join(' ')}\n`);
  }
}

function optionValue(argv: string[], names: string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (names.includes(arg)) {
      return argv[index + 1];
    }
    const inline = names.find((name) => arg.startsWith(`${name}=`));
    if (inline !== undefined) {
      return arg.slice(inline.length + 1);
    }
  }
  return undefined;
}
