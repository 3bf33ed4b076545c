import * as YAML from 'yaml';
import { problemsOf, synthProject } from './support';

const DEPLOYABLE = {
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666' }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders' },
};

describe('with plan roles', () => {
  const files = synthProject(DEPLOYABLE);
  const upgrade = YAML.parse(files['.github/workflows/template-upgrade.yml']);
  const drift = YAML.parse(files['.github/workflows/drift.yml']);

  test('the template upgrade runs weekly and by hand, plans every environment with its plan role, and only its pull request job writes', () => {
    expect(upgrade.on.schedule).toEqual([{ cron: '0 6 * * 1' }]);
    expect(upgrade.on.workflow_dispatch.inputs.packages.type).toBe('string');
    const roles = upgrade.jobs.upgrade.steps.filter((step: any) => step.uses?.startsWith('aws-actions/configure-aws-credentials')).map((step: any) => step.with['role-to-assume']);
    expect(roles).toEqual(['arn:aws:iam::111122223333:role/delivery/orders-dev-github-plan', 'arn:aws:iam::444455556666:role/delivery/orders-prod-github-plan']);
    expect(upgrade.jobs.upgrade.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
    expect(upgrade.jobs['pull-request'].permissions).toEqual({ 'contents': 'write', 'pull-requests': 'write' });
    expect(upgrade.jobs['pull-request'].steps.at(-1).run).toBe('npx projen fleet:pull-request --dir "$RUNNER_TEMP/fleet"');
  });

  test('drift detection runs daily, one read-only plan job per environment with -detailed-exitcode, then the issues job', () => {
    expect(drift.on.schedule).toEqual([{ cron: '0 5 * * *' }]);
    expect(Object.keys(drift.jobs)).toEqual(['plan-dev', 'plan-prod', 'issues']);
    expect(drift.jobs['plan-prod'].steps.find((step: any) => step.name === 'Plan prod').run)
      .toBe('npx projen plan:prod --detailed-exitcode --markdown "$RUNNER_TEMP/drift/plan-prod.md" --json "$RUNNER_TEMP/drift/plan-prod.json"');
    expect(drift.jobs.issues.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  test('the tasks call the operations commands, the upgrade with the packages of the options', () => {
    const tasks = files['.projen/tasks.json'].tasks;
    expect(tasks['fleet:upgrade'].steps.at(-1)).toEqual({ exec: 'node lib/platform/ops/cli.js fleet-upgrade --packages "projen-cdktf-ecs projen"', receiveArgs: true });
    expect(tasks['fleet:pull-request'].steps.at(-1).exec).toBe('node lib/platform/ops/cli.js upgrade-pull-request');
    expect(tasks['drift:issues'].steps.at(-1).exec).toBe('node lib/platform/ops/cli.js drift-issues');
  });

  test('either workflow can be turned off', () => {
    const off = synthProject({ ...DEPLOYABLE, fleet: { templateUpgrades: false, driftDetection: false } });
    expect(off['.github/workflows/template-upgrade.yml']).toBeUndefined();
    expect(off['.github/workflows/drift.yml']).toBeUndefined();
  });
});

test('without a plan role there is nothing to plan with: no fleet workflows', () => {
  const files = synthProject({});
  expect(files['.github/workflows/drift.yml']).toBeUndefined();
  expect(files['.github/workflows/template-upgrade.yml']).toBeUndefined();
});

test.each<[string, Parameters<typeof problemsOf>[0], string]>([
  ['schedule', { fleet: { upgradeSchedule: 'weekly' } }, 'fleet.upgradeSchedule: "weekly" is not a schedule; expected five cron fields in UTC, e.g. "0 6 * * 1"'],
  ['drift schedule', { fleet: { driftSchedule: '0 5 * *' } }, 'fleet.driftSchedule: "0 5 * *" is not a schedule'],
  ['no packages', { fleet: { upgradePackages: [] } }, 'fleet.upgradePackages: [] is empty; expected the project type\'s package'],
  ['package name', { fleet: { upgradePackages: ['Acme Service'] } }, 'fleet.upgradePackages[0]: "Acme Service" is not an npm package name'],
])('fleet %s is one line', (_name, options, line) => {
  expect(problemsOf(options)).toEqual([expect.stringContaining(line)]);
});
