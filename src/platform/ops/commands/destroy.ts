import { createInterface } from 'readline';
import { IMAGE_TAG_VARIABLE } from '../../contract/stack-interface';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';

/** Options of {@link destroy}. */
export interface DestroyOptions {
  /** Confirmed on the command line (`--yes`). @default false */
  readonly yes?: boolean;
  /** Asks for the environment's name on a terminal; undefined when there is none. */
  readonly confirm?: (question: string) => Promise<string>;
}

/**
 * Destroys every stack of the environment in reverse deployment order. It refuses without `--yes`
 * or the environment's name typed on a terminal, and refuses in an environment whose load
 * balancer has deletion protection on (the production preset's default): that must be turned off
 * in `.projenrc.ts` and deployed first.
 */
export async function destroy(context: OperationsContext, options: DestroyOptions): Promise<number> {
  const name = context.environment.name;
  if (context.environment.loadBalancer.deletionProtection) {
    throw new OperationError(`${name} has deletion protection on: set deletionProtection: false for ${name} in .projenrc.ts, run \`npx projen\` and \`npx projen deploy:${name}\`, then destroy`);
  }
  const stacks = context.stacks().reverse();
  if (!options.yes) {
    if (options.confirm === undefined) {
      throw new OperationError(`destroy removes ${stacks.join(', ')}: pass --yes to confirm`);
    }
    const answer = await options.confirm(`This destroys ${stacks.join(', ')} in ${context.environment.region}. Type the environment name (${name}) to go on: `);
    if (answer.trim() !== name) {
      throw new OperationError('not confirmed; nothing was destroyed');
    }
  }
  await context.steps.run('Check the AWS credentials', () => context.aws.accountId(context.environment.accountId));
  // The service stack declares the image tag; any valid value will do to destroy it.
  const variables = { [IMAGE_TAG_VARIABLE]: 'destroy' };
  for (const stack of stacks) {
    await context.steps.run(`Destroy ${stack}`, () => context.terraform.destroy(stack, variables));
  }
  context.output.line(`Destroyed ${name}: ${context.steps.summary()}`);
  return 0;
}

/** Asks a question on the terminal; undefined when standard input is not a terminal. */
export function terminalPrompt(): ((question: string) => Promise<string>) | undefined {
  if (!process.stdin.isTTY) {
    return undefined;
  }
  return (question) => new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin, output: process.stdout });
    reader.question(question, (answer) => {
      reader.close();
      resolve(answer);
    });
  });
}
