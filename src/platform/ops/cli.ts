import { join } from 'path';
import { parseArgs } from 'util';
import type { PlatformConfig } from '../contract/config';
import { bootstrap } from './commands/bootstrap';
import { deploy } from './commands/deploy';
import { destroy, terminalPrompt } from './commands/destroy';
import { driftIssues } from './commands/drift-issues';
import { exec } from './commands/exec';
import { fleetUpgrade } from './commands/fleet-upgrade';
import { logs } from './commands/logs';
import { plan } from './commands/plan';
import { pushImage } from './commands/push-image';
import { releaseTask } from './commands/release-task';
import { rollback } from './commands/rollback';
import { runTask } from './commands/run-task';
import { status } from './commands/status';
import { upgradePullRequest } from './commands/upgrade-pull-request';
import { DEFAULT_OUTDIR, OperationsContext } from './environment';
import { explainError, OperationError } from './errors';
import { resolveImageTag } from './image-tag';
import { CONSOLE_OUTPUT, Output } from './output';
import { publishSite } from './site';

type Flags = Record<string, string | boolean | undefined>;
type FlagSpec = Record<string, { type: 'string' | 'boolean' }>;

/** One operations command: its flags and what it does with an environment. */
interface CommandSpec {
  readonly summary: string;
  readonly flags: FlagSpec;
  readonly run: (context: OperationsContext, flags: Flags) => Promise<number>;
}

const str = { type: 'string' } as const;
const bool = { type: 'boolean' } as const;
const num = (flags: Flags, name: string): number | undefined => {
  const value = flags[name];
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) {
    throw new OperationError(`--${name} ${JSON.stringify(value)} is not a positive number`);
  }
  return parsed;
};
const text = (flags: Flags, name: string): string | undefined => flags[name] as string | undefined;

/** The commands that work on one environment, by name. */
export const COMMANDS: Record<string, CommandSpec> = {
  'deploy': {
    summary: 'apply the stacks, push the image, roll the services out and wait for them',
    flags: { tag: str, timeout: str, poll: str },
    run: async (context, flags) => deploy(context, {
      imageTag: await resolveImageTag(text(flags, 'tag'), context.env),
      timeoutMinutes: num(flags, 'timeout'),
      pollSeconds: num(flags, 'poll'),
    }),
  },
  'plan': {
    summary: 'plan every stack and print what would change',
    flags: { 'tag': str, 'detailed-exitcode': bool, 'markdown': str, 'json': str },
    run: async (context, flags) => plan(context, {
      imageTag: await resolveImageTag(text(flags, 'tag'), context.env),
      detailedExitCode: flags['detailed-exitcode'] === true,
      markdownFile: text(flags, 'markdown'),
      jsonFile: text(flags, 'json'),
    }),
  },
  'push-image': {
    summary: 'build the app image and push it to the environment\'s repositories (CodeBuild runs this)',
    flags: { 'tag': str, 'service': str, 'pipeline-artifacts': bool },
    run: async (context, flags) => pushImage(context, {
      imageTag: await resolveImageTag(text(flags, 'tag'), context.env),
      service: text(flags, 'service'),
      pipelineArtifacts: flags['pipeline-artifacts'] === true,
    }),
  },
  'release-task': {
    summary: 'run a service\'s release task on a revision with the new image (CodePipeline runs this before deploying)',
    flags: { service: str, tag: str },
    run: async (context, flags) => {
      const service = text(flags, 'service');
      if (service === undefined) {
        throw new OperationError(`--service is required; expected one of ${context.target.services.map((candidate) => candidate.name).join(', ')}`);
      }
      return releaseTask(context, { service, imageTag: await resolveImageTag(text(flags, 'tag'), context.env) });
    },
  },
  'publish-site': {
    summary: 'build and upload the static site, delete stale objects, invalidate CloudFront (deploy and the pipeline run this)',
    flags: { 'bucket': str, 'distribution-id': str },
    run: async (context, flags) => {
      const bucket = text(flags, 'bucket');
      const distributionId = text(flags, 'distribution-id');
      if ((bucket === undefined) !== (distributionId === undefined)) {
        throw new OperationError('--bucket and --distribution-id go together; leave both out to read them from the service stack');
      }
      const target = bucket !== undefined && distributionId !== undefined ? { bucket, distributionId } : undefined;
      await context.steps.run('Publish the static site', () => publishSite(context, process.cwd(), target));
      return 0;
    },
  },
  'destroy': {
    summary: 'destroy every stack, in reverse order',
    flags: { 'yes': bool, 'include-data': bool },
    run: (context, flags) => destroy(context, { yes: flags.yes === true, includeData: flags['include-data'] === true, confirm: terminalPrompt() }),
  },
  'status': {
    summary: 'tasks, deployments, target health, events and the URL',
    flags: { service: str, events: str },
    run: (context, flags) => status(context, { service: text(flags, 'service'), events: num(flags, 'events') }),
  },
  'logs': {
    summary: 'the services\' log events',
    flags: { service: str, since: str, follow: bool, filter: str },
    run: (context, flags) => logs(context, { service: text(flags, 'service'), since: text(flags, 'since'), follow: flags.follow === true, filter: text(flags, 'filter') }),
  },
  'exec': {
    summary: 'an interactive shell in a running task (ECS Exec)',
    flags: { service: str, container: str, command: str, task: str },
    run: (context, flags) => exec(context, { service: text(flags, 'service'), container: text(flags, 'container'), command: text(flags, 'command'), task: text(flags, 'task') }),
  },
  'rollback': {
    summary: 'redeploy the previous image',
    flags: { to: str, timeout: str, poll: str },
    run: (context, flags) => rollback(context, { to: text(flags, 'to'), timeoutMinutes: num(flags, 'timeout'), pollSeconds: num(flags, 'poll') }),
  },
  'run-task': {
    summary: 'a one-off task from a service\'s task definition with another command, or a scheduled job now (--job)',
    flags: { service: str, job: str, command: str, timeout: str },
    run: (context, flags) => {
      const command = text(flags, 'command');
      const job = text(flags, 'job');
      if (command === undefined && job === undefined) {
        throw new OperationError('--command is required (or --job <name>); expected e.g. --command "node scripts/migrate.js"');
      }
      return runTask(context, { service: text(flags, 'service'), job, command, timeoutMinutes: num(flags, 'timeout') });
    },
  },
};

/** A command that works on the whole repository (no environment). */
interface RepositoryCommandSpec {
  readonly summary: string;
  readonly flags: FlagSpec;
  readonly run: (config: PlatformConfig, flags: Flags, output: Output) => Promise<number>;
}

const required = (flags: Flags, name: string, example: string): string => {
  const value = text(flags, name);
  if (value === undefined || value === '') {
    throw new OperationError(`--${name} is required; expected e.g. --${name} ${example}`);
  }
  return value;
};

/** The commands of the fleet workflows (template upgrades and drift detection), by name. */
export const REPOSITORY_COMMANDS: Record<string, RepositoryCommandSpec> = {
  'fleet-upgrade': {
    summary: 'install the newest project type and projen, run `npx projen`, write the diff (--packages, --out)',
    flags: { packages: str, out: str },
    run: (_config, flags, output) => fleetUpgrade({
      packages: required(flags, 'packages', '"projen-cdktf-ecs projen"').split(/[\s,]+/).filter((pkg) => pkg !== ''),
      outdir: required(flags, 'out', 'fleet'),
      output,
    }),
  },
  'upgrade-pull-request': {
    summary: 'open or update the template upgrade pull request from the diff and the plans (--dir)',
    flags: { dir: str },
    run: (config, flags, output) => upgradePullRequest(config, { dir: required(flags, 'dir', 'fleet'), output }),
  },
  'drift-issues': {
    summary: 'open, update or close one drift issue per environment from the plans (--dir, --run-url)',
    flags: { 'dir': str, 'run-url': str },
    run: (config, flags, output) => driftIssues(config, { dir: required(flags, 'dir', 'plans'), runUrl: text(flags, 'run-url'), output }),
  },
};

/** Usage text of the command line. */
export function usage(): string {
  return [
    'usage: ops <command> <environment> [flags]   |   ops bootstrap [--account <id>]',
    ...Object.entries(COMMANDS).map(([name, spec]) => `  ${name.padEnd(10)} ${spec.summary}${Object.keys(spec.flags).length > 0 ? ` (${Object.keys(spec.flags).map((flag) => `--${flag}`).join(' ')})` : ''}`),
    '  bootstrap the state bucket, OIDC provider and deploy/plan roles of an account (--account)',
    ...Object.entries(REPOSITORY_COMMANDS).map(([name, spec]) => `  ${name} ${spec.summary}`),
  ].join('\n');
}

/**
 * Runs one command line against a configuration; every failure is one line on standard error.
 * @returns the exit code
 */
export async function main(args: string[], config: PlatformConfig, output: Output = CONSOLE_OUTPUT, outdir = DEFAULT_OUTDIR): Promise<number> {
  const [name, ...rest] = args;
  try {
    if (name === 'bootstrap') {
      const { values } = parseFlags(name, rest, { account: str }, false);
      return await bootstrap(config, { account: text(values, 'account'), outdir, output });
    }
    const repositoryCommand = name !== undefined ? REPOSITORY_COMMANDS[name] : undefined;
    if (repositoryCommand !== undefined) {
      const { values } = parseFlags(name ?? '', rest, repositoryCommand.flags, false);
      return await repositoryCommand.run(config, values, output);
    }
    const spec = name !== undefined ? COMMANDS[name] : undefined;
    if (spec === undefined) {
      output.error(name === undefined ? usage() : `unknown command "${name}"\n${usage()}`);
      return 2;
    }
    const { values, positionals } = parseFlags(name, rest, spec.flags, true);
    if (positionals.length !== 1) {
      throw new OperationError(`${name} needs one environment; expected one of ${config.environments.map((env) => env.name).join(', ')}`);
    }
    const context = new OperationsContext({ config, environment: positionals[0], output, outdir });
    return await spec.run(context, values);
  } catch (error) {
    output.error(`✖ ${name ?? 'ops'}: ${explainError(error)}`);
    return 1;
  }
}

/** Parses the flags of a command; an unknown or malformed flag is one line naming the known ones. */
function parseFlags(command: string, args: string[], flags: FlagSpec, allowPositionals: boolean): { values: Flags; positionals: string[] } {
  try {
    return parseArgs({ args, options: flags, strict: true, allowPositionals });
  } catch (error) {
    const known = Object.entries(flags).map(([flag, spec]) => `--${flag}${spec.type === 'string' ? ' <value>' : ''}`).join(', ');
    const message = error instanceof Error ? error.message : String(error);
    const problem = message.replace(/^TypeError \[\w+\]: /, '').split('. ')[0];
    throw new OperationError(`${problem}; ${command} takes ${known || 'no flags'}`);
  }
}

/** The configuration the repository generated (`src/config.generated.ts`, compiled next to this file's parent). */
function loadConfig(): PlatformConfig {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(join(__dirname, '..', '..', 'config.generated')) as { config: PlatformConfig }).config;
}

if (require.main === module) {
  void main(process.argv.slice(2), loadConfig()).then((code) => {
    process.exitCode = code;
  });
}
