import { createInterface } from 'readline';
import { protectedDataResources } from '../../contract/data-config';
import { stackName } from '../../contract/naming';
import { IMAGE_TAG_VARIABLE } from '../../contract/stack-interface';
import type { OperationsContext } from '../environment';
import { OperationError } from '../errors';

/** Options of {@link destroy}. */
export interface DestroyOptions {
  /** Confirmed on the command line (`--yes`). @default false */
  readonly yes?: boolean;
  /** Also destroy the data stack, with its databases, caches, buckets and tables (`--include-data`). @default false */
  readonly includeData?: boolean;
  /** Asks for the environment's name on a terminal; undefined when there is none. */
  readonly confirm?: (question: string) => Promise<string>;
}

/**
 * Destroys every stack of the environment in reverse deployment order. It refuses without `--yes`
 * or the environment's name typed on a terminal, and refuses in an environment whose load
 * balancer has deletion protection on (the production preset's default): that must be turned off
 * in `.projenrc.ts` and deployed first. An environment with a data stack is destroyed only with
 * `--include-data`, and only once no data resource is protected (deletion protection off, buckets
 * emptied on destroy): the data outlives everything else unless asked for twice.
 */
export async function destroy(context: OperationsContext, options: DestroyOptions): Promise<number> {
  const name = context.environment.name;
  if (context.environment.loadBalancer.deletionProtection) {
    throw new OperationError(`${name} has deletion protection on: set deletionProtection: false for ${name} in .projenrc.ts, run \`npx projen\` and \`npx projen deploy:${name}\`, then destroy`);
  }
  checkDataMayGo(context, options);
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

function checkDataMayGo(context: OperationsContext, options: DestroyOptions): void {
  const { environment } = context;
  if (environment.data === undefined) {
    return;
  }
  const dataStack = stackName(environment, 'data');
  if (!options.includeData) {
    throw new OperationError(`${environment.name} has data resources in ${dataStack}: pass --include-data to destroy them with the environment`);
  }
  const kept = protectedDataResources(environment.data);
  if (kept.length > 0) {
    throw new OperationError(`${dataStack} holds protected data (${kept.join(', ')}): turn deletionProtection off (forceDestroy on for buckets) `
      + `in .projenrc.ts, run \`npx projen\` and \`npx projen deploy:${environment.name}\`, then destroy`);
  }
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
