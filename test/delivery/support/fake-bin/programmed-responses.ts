import { existsSync, readFileSync } from 'fs';

// Runs inside the fake executables (transpiled to plain JavaScript): node built-ins only.

/** How a fake command answers. Fields left out keep the command's default behaviour. */
export interface CommandResponse {
  readonly exitCode?: number;
  readonly stdout?: string;
  readonly stderr?: string;
}

/**
 * Programmed answers by command key, e.g. `"docker push"`. A list answers the first matching
 * invocation with its first item, the second with the second…, and repeats its last item.
 */
export type ProgrammedResponses = Record<string, CommandResponse | CommandResponse[]>;

/** Reads the programmed answers; `{}` when there are none. */
export function readProgrammedResponses(file: string): ProgrammedResponses {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf-8')) as ProgrammedResponses : {};
}

/**
 * Whether a key (`"docker push"`, `"aws ecr get-login-password"`) matches an invocation: its
 * first word is the program, its second the first argument that is not an option, and the rest
 * appear later among the arguments in that order.
 */
export function keyMatches(key: string, program: string, argv: string[]): boolean {
  const [keyProgram, first, ...rest] = key.trim().split(/\s+/);
  if (keyProgram !== program) {
    return false;
  }
  if (first === undefined) {
    return true;
  }
  const start = argv.findIndex((arg) => !arg.startsWith('-'));
  if (start === -1 || argv[start] !== first) {
    return false;
  }
  let position = start + 1;
  for (const word of rest) {
    while (position < argv.length && argv[position] !== word) {
      position++;
    }
    if (position >= argv.length) {
      return false;
    }
    position++;
  }
  return true;
}

/**
 * The programmed answer for an invocation: the one of the longest matching key, picked by how many
 * earlier invocations matched that key.
 */
export function programmedResponse(responses: ProgrammedResponses, program: string, argv: string[],
  earlier: Array<{ program: string; argv: string[] }>): CommandResponse | undefined {
  const key = Object.keys(responses)
    .filter((candidate) => keyMatches(candidate, program, argv))
    .sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length)[0];
  if (key === undefined) {
    return undefined;
  }
  const response = responses[key];
  if (!Array.isArray(response)) {
    return response;
  }
  const seen = earlier.filter((invocation) => keyMatches(key, invocation.program, invocation.argv)).length;
  return response[Math.min(seen, response.length - 1)];
}
