import { Component, Task } from 'projen';
import { TypeScriptProject } from 'projen/lib/typescript';
import type { PlatformConfig } from '../platform/contract/config';

/**
 * AWS SDK for JavaScript v3 clients of the operations commands, pinned exactly like the cdktf
 * packages so that every service repository runs the commands its tests ran.
 */
export const AWS_SDK_VERSIONS = {
  '@aws-sdk/client-cloudfront': '3.1164.0',
  '@aws-sdk/client-cloudwatch-logs': '3.1169.0',
  '@aws-sdk/client-codedeploy': '3.1133.0',
  '@aws-sdk/client-ecr': '3.1169.0',
  '@aws-sdk/client-ecs': '3.1164.0',
  '@aws-sdk/client-elastic-load-balancing-v2': '3.1142.0',
  '@aws-sdk/client-s3': '3.1175.0',
  '@aws-sdk/client-sts': '3.1177.0',
} as const;

/** Options of {@link OperationsTasks}. */
export interface OperationsTasksOptions {
  /** The resolved configuration: its environments and bootstrap stacks. */
  readonly config: PlatformConfig;
  /** Compiles, then synthesizes every stack. */
  readonly synthTask: Task;
}

/** Commands that work on the synthesized stacks: synthesis runs first. */
const STACK_COMMANDS = ['deploy', 'plan', 'destroy', 'rollback'] as const;
/** Commands that only talk to AWS: compiling is enough. */
const RUNTIME_COMMANDS = ['status', 'logs', 'exec', 'run-task', 'push-image', 'release-task', 'publish-site'] as const;

/** What each per-environment operations task does, by command. */
export const OPERATIONS_TASK_DESCRIPTIONS: Record<(typeof STACK_COMMANDS)[number] | (typeof RUNTIME_COMMANDS)[number], string> = {
  'deploy': 'Applies the stacks, pushes the image tagged with the commit, rolls the services out and waits for them (--tag, --timeout)',
  'plan': 'Plans every stack and prints what would be added, changed and destroyed (--detailed-exitcode, --markdown <file>)',
  'destroy': 'Destroys every stack in reverse order (--yes, or type the environment name; --include-data with a data stack)',
  'status': 'Shows tasks, deployments, target health, recent events, stopped tasks and the URL (--service)',
  'logs': 'Prints the services\' logs (--service, --since 15m, --follow, --filter)',
  'exec': 'Opens a shell in a running task with ECS Exec (--service, --container, --command)',
  'rollback': 'Redeploys the image pushed before the running one (--to <tag>)',
  'push-image': 'Builds app/ and pushes it tagged with the commit to the environment\'s repositories; CodeBuild runs it (--service, --pipeline-artifacts)',
  'publish-site': 'Builds the static site, uploads it to its bucket with content types and cache headers, deletes stale objects and invalidates CloudFront',
  'release-task': 'Runs a service\'s release task on a revision with the image tagged with the commit, before CodePipeline deploys it (--service, --tag)',
  'run-task': 'Runs a one-off task from a service\'s task definition with another command (--command "…", --service), or a scheduled job now (--job)',
};

/**
 * The operations tasks of every environment (`deploy:<env>`, `plan:<env>`, `destroy:<env>`,
 * `status:<env>`, `logs:<env>`, `exec:<env>`, `rollback:<env>`, `run-task:<env>`, `push-image:<env>`)
 * and `bootstrap`
 * (`bootstrap:<account>` when the environments use several accounts). A laptop and CI run the
 * same tasks; extra arguments pass through (`npx projen logs:dev --follow`).
 */
export class OperationsTasks extends Component {
  /** Tasks by name. */
  public readonly tasks: Record<string, Task> = {};

  constructor(project: TypeScriptProject, options: OperationsTasksOptions) {
    super(project);
    project.addDeps(...Object.entries(AWS_SDK_VERSIONS).map(([name, version]) => `${name}@${version}`));
    const cli = `node ${project.libdir}/platform/ops/cli.js`;
    for (const environment of options.config.environments) {
      for (const command of [...STACK_COMMANDS, ...RUNTIME_COMMANDS]) {
        const task = project.addTask(`${command}:${environment.name}`, { description: `${OPERATIONS_TASK_DESCRIPTIONS[command]} in ${environment.name}` });
        task.spawn((STACK_COMMANDS as readonly string[]).includes(command) ? options.synthTask : project.compileTask);
        task.exec(`${cli} ${command} ${environment.name}`, { receiveArgs: true });
        this.tasks[task.name] = task;
      }
    }
    const bootstraps = options.config.deployment.bootstrap;
    for (const bootstrap of bootstraps) {
      const name = bootstraps.length > 1 ? `bootstrap:${bootstrap.accountId}` : 'bootstrap';
      const task = project.addTask(name, {
        description: `Creates the state bucket, the GitHub OIDC provider and the deploy and plan roles${bootstrap.accountId ? ` in account ${bootstrap.accountId}` : ''}`,
      });
      task.spawn(options.synthTask);
      task.exec(`${cli} bootstrap${bootstraps.length > 1 ? ` --account ${bootstrap.accountId}` : ''}`, { receiveArgs: true });
      this.tasks[name] = task;
    }
  }
}
