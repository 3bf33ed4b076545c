import type { PlatformConfig } from '../../platform/contract/config';
import { OPERATIONS_TASK_DESCRIPTIONS } from '../operations-tasks';

/** The operations tasks of every environment, as a Markdown table. */
export function renderOperationsTable(config: PlatformConfig): string {
  const environments = config.environments.map((environment) => environment.name).join(', ');
  const rows = Object.entries(OPERATIONS_TASK_DESCRIPTIONS).map(([command, description]) => `| \`npx projen ${command}:<env>\` | ${escapeHtml(description)} |`);
  return [
    `\`<env>\` is one of ${environments}. Extra arguments pass through: \`npx projen logs:${config.environments[0].name} --follow\`.`,
    '',
    '| Task | What it does |',
    '|---|---|',
    ...rows,
    '| `npx projen cost` | Prints the monthly cost estimate of every environment |',
  ].join('\n');
}

/** The steps of a first deployment, in order, for the configured pipeline. */
export function renderFirstDeploy(config: PlatformConfig): string {
  const deployment = config.deployment;
  const first = config.environments[0].name;
  const branch = deployment.releaseBranch;
  const bootstraps = deployment.bootstrap;
  const bootstrapTasks = bootstraps.length > 1 ? bootstraps.map((b) => `\`npx projen bootstrap:${b.accountId}\``).join(', ') : '`npx projen bootstrap`';
  const repository = deployment.github?.repository ?? '<owner>/<repo>';
  const steps = [
    'Complete the options the next steps below list, then run `npx projen`.',
    `With administrator credentials of each account, run ${bootstrapTasks}: it creates the Terraform state bucket, the GitHub OIDC provider and each environment's deploy and plan roles.`,
  ];
  if (deployment.pipeline === 'codepipeline') {
    steps.push('Confirm the CodeConnections connection to GitHub in the AWS console (a new connection stays pending until a person approves it).');
    steps.push(`Run \`npx projen deploy:${first}\` once per environment: it deploys the stacks and creates the environment's pipeline; from then on every push to \`${branch}\` runs it.`);
  } else {
    steps.push([
      'Let the repository\'s OIDC tokens name the environment and the branch (once per repository, needs admin on it):',
      '',
      '   ```sh',
      `   gh api --method PUT repos/${repository}/actions/oidc/customization/sub \\`,
      '     -F use_default=false -f \'include_claim_keys[]=repo\' -f \'include_claim_keys[]=context\' -f \'include_claim_keys[]=ref\'',
      '   ```',
    ].join('\n'));
    steps.push(`Push to \`${branch}\`: the deploy workflow runs \`npx projen deploy:<env>\` for each environment in order (environments that require approval wait for it). From a laptop, \`npx projen deploy:${first}\` does the same.`);
  }
  return steps.map((step, i) => `${i + 1}. ${step}`).join('\n');
}

/** Angle brackets outside code spans would be read as HTML tags by GitHub. */
function escapeHtml(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
