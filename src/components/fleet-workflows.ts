import { Component, Task } from 'projen';
import { GitHub } from 'projen/lib/github';
import { TypeScriptProject } from 'projen/lib/typescript';
import { TerraformJobSetup } from './deploy-steps';
import { DriftWorkflow } from './drift-workflow';
import { planRoles } from './environment-roles';
import { TemplateUpgradeWorkflow } from './template-upgrade-workflow';
import type { EnvironmentConfig } from '../platform/contract/config';
import type { FleetConfig } from '../platform/contract/fleet-config';

/** Options of {@link FleetWorkflows}. */
export interface FleetWorkflowsOptions extends TerraformJobSetup {
  readonly fleet: FleetConfig;
  /** The resolved environments, in deployment order. */
  readonly environments: EnvironmentConfig[];
}

/**
 * The fleet's scheduled workflows and their tasks (`fleet:upgrade`, `fleet:pull-request`,
 * `drift:issues`), for the environments with a plan role; none without one.
 */
export class FleetWorkflows extends Component {
  public readonly templateUpgrade?: TemplateUpgradeWorkflow;
  public readonly drift?: DriftWorkflow;

  constructor(project: TypeScriptProject, github: GitHub, options: FleetWorkflowsOptions) {
    super(project);
    const environments = planRoles(options.environments);
    if (environments.length === 0) {
      return;
    }
    const setup = { nodeVersion: options.nodeVersion, terraformVersion: options.terraformVersion };
    const upgrade = options.fleet.templateUpgrade;
    if (upgrade !== undefined) {
      opsTask(project, 'fleet:upgrade', 'Installs the newest project type and projen, runs `npx projen` and writes the diff (--out <dir>)',
        `fleet-upgrade --packages "${upgrade.packages.join(' ')}"`);
      opsTask(project, 'fleet:pull-request', 'Opens or updates the template upgrade pull request from the diff and the plans (--dir <dir>)', 'upgrade-pull-request');
      this.templateUpgrade = new TemplateUpgradeWorkflow(github, { ...setup, upgrade, environments });
    }
    if (options.fleet.driftDetection !== undefined) {
      opsTask(project, 'drift:issues', 'Opens, updates or closes one drift issue per environment from the plan reports (--dir <dir>)', 'drift-issues');
      this.drift = new DriftWorkflow(github, { ...setup, drift: options.fleet.driftDetection, environments });
    }
  }
}

function opsTask(project: TypeScriptProject, name: string, description: string, command: string): Task {
  const task = project.addTask(name, { description });
  task.spawn(project.compileTask);
  task.exec(`node ${project.libdir}/platform/ops/cli.js ${command}`, { receiveArgs: true });
  return task;
}
