import { Component } from 'projen';
import { GitHub, GithubWorkflow } from 'projen/lib/github';
import { Job, JobPermission } from 'projen/lib/github/workflows-model';
import { checkoutStep, environmentJobSteps, installSteps, projenTaskStep, TerraformJobSetup } from './deploy-steps';
import { EnvironmentRole, planRoles } from './environment-roles';
import { PINNED_ACTIONS } from './pinned-actions';
import type { EnvironmentConfig } from '../platform/contract/config';

/** Options of {@link TerraformPlanWorkflow}. */
export interface TerraformPlanWorkflowOptions extends TerraformJobSetup {
  /** The resolved environments, in deployment order. */
  readonly environments: EnvironmentConfig[];
}

/** Marks the pull request comment this workflow keeps up to date. */
export const PLAN_COMMENT_MARKER = '<!-- projen-cdktf-ecs:terraform-plan -->';
/** Id of the job that compares the monthly cost estimates of the pull request's base and head. */
export const COST_JOB = 'cost';
/** Where the cost job checks the base of the pull request out. */
export const BASE_CHECKOUT = '.base';
/** Id of the job that writes the pull request comment. */
export const PLAN_COMMENT_JOB = 'comment';

/** Pull requests from forks get no OIDC token: they are not planned. */
const SAME_REPOSITORY = 'github.event.pull_request.head.repo.full_name == github.repository';

/**
 * `.github/workflows/terraform-plan.yml`: on every pull request, plans every stack of each
 * environment that has a plan role with `npx projen plan:<env>` (the read-only role, no state
 * lock). Each plan's table goes to the job summary, and one pull request comment, updated on every
 * push, shows all of them, after the change of the monthly cost estimate when there is one.
 */
export class TerraformPlanWorkflow extends Component {
  /** The workflow. */
  public readonly workflow: GithubWorkflow;

  constructor(github: GitHub, options: TerraformPlanWorkflowOptions) {
    super(github.project);
    const planned = planRoles(options.environments);
    this.workflow = github.addWorkflow('terraform-plan');
    // Jobs ask for more where they need it.
    this.workflow.file?.addOverride('permissions', { contents: 'read' });
    this.workflow.file?.addOverride('concurrency', { 'group': 'terraform-plan-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
    this.workflow.on({ pullRequest: {} });

    for (const role of planned) {
      this.workflow.addJob(`plan-${role.environment.name}`, planJob(role, options));
    }
    this.workflow.addJob(COST_JOB, costJob(options.nodeVersion));
    this.workflow.addJob(PLAN_COMMENT_JOB, commentJob(planned.map((role) => `plan-${role.environment.name}`)));
  }
}

/** Plans one environment with its plan role; the table goes to the job summary and, through an artifact, to the comment. */
function planJob({ environment: env, roleArn }: EnvironmentRole, options: TerraformPlanWorkflowOptions): Job {
  return {
    name: `Plan ${env.name}`,
    runsOn: ['ubuntu-latest'],
    if: SAME_REPOSITORY,
    permissions: { contents: JobPermission.READ, idToken: JobPermission.WRITE },
    timeoutMinutes: 30,
    steps: [
      ...environmentJobSteps(env.region, roleArn, options),
      projenTaskStep(`Plan ${env.name}`, `plan:${env.name}`, ['--markdown', `"$RUNNER_TEMP/plan-${env.name}.md"`]),
      {
        name: 'Keep the plan summary for the comment',
        if: '!cancelled()',
        uses: PINNED_ACTIONS.uploadArtifact.uses,
        with: { 'name': `plan-${env.name}`, 'path': `\${{ runner.temp }}/plan-${env.name}.md`, 'retention-days': 5, 'if-no-files-found': 'ignore' },
      },
    ],
  };
}

/** Compares the monthly cost estimates of the pull request's base and head. */
function costJob(nodeVersion: string): Job {
  return {
    name: 'Estimate the monthly cost change',
    runsOn: ['ubuntu-latest'],
    permissions: { contents: JobPermission.READ },
    timeoutMinutes: 15,
    steps: [
      checkoutStep(),
      {
        name: 'Check out the base of the pull request',
        uses: PINNED_ACTIONS.checkout.uses,
        with: { 'ref': '${{ github.event.pull_request.base.sha }}', 'path': BASE_CHECKOUT, 'persist-credentials': false },
      },
      ...installSteps(nodeVersion),
      projenTaskStep('Compare the monthly cost estimates', 'cost', ['--base', `${BASE_CHECKOUT}/src/config.generated.ts`, '--markdown', '"$RUNNER_TEMP/plan-cost.md"']),
      {
        name: 'Keep the cost change for the comment',
        uses: PINNED_ACTIONS.uploadArtifact.uses,
        with: { 'name': 'plan-cost', 'path': '${{ runner.temp }}/plan-cost.md', 'retention-days': 5, 'if-no-files-found': 'ignore' },
      },
    ],
  };
}

/** Writes the pull request comment from the cost change and the plans, after their jobs. */
function commentJob(planJobs: string[]): Job {
  return {
    name: 'Comment the plans',
    runsOn: ['ubuntu-latest'],
    needs: [COST_JOB, ...planJobs],
    if: `!cancelled() && ${SAME_REPOSITORY}`,
    permissions: { pullRequests: JobPermission.WRITE },
    timeoutMinutes: 10,
    steps: [
      {
        name: 'Download the plan summaries',
        uses: PINNED_ACTIONS.downloadArtifact.uses,
        with: { 'pattern': 'plan-*', 'merge-multiple': true, 'path': '${{ runner.temp }}/plans' },
      },
      {
        name: 'Create or update the plan comment',
        uses: PINNED_ACTIONS.githubScript.uses,
        env: { PLANS_DIR: '${{ runner.temp }}/plans', MARKER: PLAN_COMMENT_MARKER },
        with: { script: COMMENT_SCRIPT },
      },
    ],
  };
}

/** Upserts one comment: the marker, then every environment's plan, cut to GitHub's comment size. */
const COMMENT_SCRIPT = [
  "const fs = require('fs');",
  "const path = require('path');",
  'const dir = process.env.PLANS_DIR;',
  "const plans = fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((file) => fs.readFileSync(path.join(dir, file), 'utf8')) : [];",
  "let body = [process.env.MARKER, '## Terraform plan', `Commit ${context.sha}`, ...plans].join('\\n\\n');",
  "if (body.length > 65000) body = body.slice(0, 65000) + '\\n\\n… cut; the job summaries hold every plan.';",
  'const { owner, repo } = context.repo;',
  'const issue_number = context.issue.number;',
  'const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number });',
  'const existing = comments.find((comment) => comment.body && comment.body.startsWith(process.env.MARKER));',
  'if (existing) {',
  '  await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });',
  '} else {',
  '  await github.rest.issues.createComment({ owner, repo, issue_number, body });',
  '}',
].join('\n');
