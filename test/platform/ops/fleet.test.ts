import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RecordingOutput, testContext } from './support';
import { driftIssues } from '../../../src/platform/ops/commands/drift-issues';
import { UPGRADE_FILES } from '../../../src/platform/ops/commands/fleet-upgrade';
import { plan } from '../../../src/platform/ops/commands/plan';
import { upgradePullRequest } from '../../../src/platform/ops/commands/upgrade-pull-request';
import { GitHubCli } from '../../../src/platform/ops/github-cli';
import { PlanReport, planReport, resourceChanges, StackPlanReport } from '../../../src/platform/ops/plan-report';
import { createFakeBin, FakeBin } from '../../delivery/support/fake-bin';
import { configOf } from '../support/configs';

// The fleet commands against a recording fake `gh` (and real git for the pull request branch).
const CONFIG = configOf({
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666' }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders' },
});
let fakes: FakeBin;
let dir: string;

beforeEach(() => {
  fakes = createFakeBin();
  dir = mkdtempSync(join(tmpdir(), 'fleet-'));
});
afterEach(() => {
  fakes.remove();
  rmSync(dir, { recursive: true, force: true });
});

const gh = () => new GitHubCli(join(fakes.binDir, 'gh'));
const ghCalls = () => fakes.invocations('gh').map((call) => call.argv.join(' '));
const stack = (name: string, counts: Partial<StackPlanReport> = {}): StackPlanReport => ({
  stack: name, add: 0, change: 0, destroy: 0, replace: 0, resources: [], ...counts,
});
function writeReport(report: PlanReport): void {
  writeFileSync(join(dir, `plan-${report.environment}.json`), JSON.stringify(report));
  writeFileSync(join(dir, `plan-${report.environment}.md`), `### Terraform plan of ${report.environment}\n\n| stack | add |\n`);
}
const SERVICE_CHANGE = { address: 'aws_ecs_service.orders', actions: ['update'], drifted: true };

describe('plan report', () => {
  test('counts replacements and keeps the touched resources, marking those changed outside Terraform', () => {
    const planJson = {
      resource_changes: [
        { address: 'aws_ecs_service.orders', change: { actions: ['update'] } },
        { address: 'aws_lb.main', change: { actions: ['delete', 'create'] } },
        { address: 'aws_vpc.main', change: { actions: ['no-op'] } },
      ],
      resource_drift: [{ address: 'aws_ecs_service.orders' }],
    };
    expect(resourceChanges(planJson)).toEqual({
      replace: 1,
      resources: [SERVICE_CHANGE, { address: 'aws_lb.main', actions: ['delete', 'create'], drifted: false }],
    });
    expect(planReport('dev', [stack('dev-service', { add: 1, destroy: 1, replace: 1 })])).toEqual(expect.objectContaining({ changes: true, destroys: true, failed: false }));
  });
});

test('plan --json writes the report into a directory of its own, with the replacements and the failed stacks', async () => {
  const { context } = testContext();
  jest.spyOn(context, 'stacks').mockReturnValue(['dev-network', 'dev-service']);
  jest.spyOn(context.terraform, 'plan').mockImplementation(async (name) => {
    if (name === 'dev-network') throw new Error('terraform plan of dev-network failed (exit 1):\nError: no credentials');
    return { stack: name, add: 1, change: 0, destroy: 1, replace: 1, resources: [{ address: 'aws_lb.main', actions: ['delete', 'create'], drifted: false }] };
  });
  const file = join(dir, 'reports', 'plan-dev.json');
  expect(await plan(context, { imageTag: 'abc', jsonFile: file, detailedExitCode: true })).toBe(1);
  expect(JSON.parse(readFileSync(file, 'utf-8'))).toEqual({
    environment: 'dev',
    failed: true,
    changes: true,
    destroys: true,
    stacks: [
      { ...stack('dev-network'), error: 'terraform plan of dev-network failed (exit 1):' },
      stack('dev-service', { add: 1, destroy: 1, replace: 1, resources: [{ address: 'aws_lb.main', actions: ['delete', 'create'], drifted: false }] }),
    ],
  });
});

describe('drift issues', () => {
  test('opens one labelled issue per drifted environment listing the resources; an environment without drift gets none', async () => {
    writeReport(planReport('dev', [stack('dev-service', { change: 1, resources: [SERVICE_CHANGE] })]));
    writeReport(planReport('prod', [stack('prod-service')]));
    const output = new RecordingOutput();
    expect(await driftIssues(CONFIG, { dir, output, github: gh(), runUrl: 'https://github.com/acme/orders/actions/runs/7' })).toBe(0);
    const create = fakes.invocations('gh').find((call) => call.argv[0] === 'issue' && call.argv[1] === 'create');
    expect(create?.argv).toEqual(['issue', 'create', '--title', 'Drift in dev', '--body-file', join(dir, 'drift-dev.md'), '--label', 'drift']);
    expect(create?.bodyFile).toContain('| dev-service | `aws_ecs_service.orders` | update | yes |');
    expect(create?.bodyFile).toContain('https://github.com/acme/orders/actions/runs/7');
    expect(ghCalls().filter((call) => call.startsWith('issue create'))).toHaveLength(1);
    expect(output.lines).toEqual(['dev: drift; opened #1', 'prod: no drift']);
  });

  test('updates the open issue while the drift lasts, and closes it once the drift is gone', async () => {
    fakes.program('gh issue list', { stdout: JSON.stringify([{ number: 12, title: 'Drift in dev' }, { number: 13, title: 'Drift in prod' }]) });
    writeReport(planReport('dev', [stack('dev-service', { change: 1, resources: [SERVICE_CHANGE] })]));
    writeReport(planReport('prod', [stack('prod-service')]));
    expect(await driftIssues(CONFIG, { dir, output: new RecordingOutput(), github: gh() })).toBe(0);
    expect(ghCalls()).toEqual([
      'label create drift --force --color D93F0B --description The deployed resources differ from the stacks',
      'issue list --state open --label drift --json number,title --limit 100',
      `issue edit 12 --body-file ${join(dir, 'drift-dev.md')}`,
      'issue list --state open --label drift --json number,title --limit 100',
      'issue close 13 --comment No drift in prod any more.',
    ]);
  });

  test('a failed or missing plan leaves the issue alone and fails the command', async () => {
    writeReport(planReport('dev', [{ ...stack('dev-network'), error: 'terraform plan of dev-network failed (exit 1)' }]));
    const output = new RecordingOutput();
    expect(await driftIssues(CONFIG, { dir, output, github: gh() })).toBe(1);
    expect(output.errors).toEqual([
      'dev: no complete plan (dev-network failed); its drift issue is left as it is',
      'prod: no complete plan; its drift issue is left as it is',
    ]);
    expect(ghCalls().filter((call) => !call.startsWith('label'))).toEqual([]);
  });
});

describe('template upgrade pull request', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf-8' });

  beforeEach(() => {
    const remote = join(dir, 'remote.git');
    repo = join(dir, 'repo');
    execFileSync('git', ['init', '--quiet', '--bare', remote]);
    mkdirSync(repo);
    git('init', '--quiet', '-b', 'main');
    git('remote', 'add', 'origin', remote);
    writeFileSync(join(repo, 'package.json'), '{"devDependencies":{"projen-cdktf-ecs":"^1.0.0"}}\n');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'init');
    // The upgrade job's patch: the package moved to 1.1.0.
    writeFileSync(join(repo, 'package.json'), '{"devDependencies":{"projen-cdktf-ecs":"^1.1.0"}}\n');
    git('add', '.');
    writeFileSync(join(dir, UPGRADE_FILES.patch), git('diff', '--cached', '--binary'));
    writeFileSync(join(dir, UPGRADE_FILES.diffStat), git('diff', '--cached', '--stat'));
    git('reset', '--quiet', '--hard');
  });

  test('pushes the patch on its branch and opens one pull request with the diff summary and every plan', async () => {
    writeReport(planReport('dev', [stack('dev-service', { change: 1 })]));
    writeReport(planReport('prod', [stack('prod-service')]));
    expect(await upgradePullRequest(CONFIG, { dir, output: new RecordingOutput(), github: gh(), cwd: repo })).toBe(0);
    expect(git('--git-dir', join(dir, 'remote.git'), 'show', 'projen-cdktf-ecs/template-upgrade:package.json')).toContain('^1.1.0');
    const create = fakes.invocations('gh').find((call) => call.argv[0] === 'pr' && call.argv[1] === 'create');
    expect(create?.argv.slice(0, 5)).toEqual(['pr', 'create', '--head', 'projen-cdktf-ecs/template-upgrade', '--title']);
    expect(create?.argv[5]).toBe('chore: upgrade the service template');
    expect(create?.bodyFile).toContain('package.json | 2 +-');
    expect(create?.bodyFile).toContain('### Terraform plan of dev');
    expect(create?.bodyFile).toContain('### Terraform plan of prod');
    expect(ghCalls()).toContain('pr edit 1 --remove-label destroys-resources');
  });

  test('a plan that destroys or replaces labels the existing pull request and says so in its title and body', async () => {
    fakes.program('gh pr list', { stdout: JSON.stringify([{ number: 5, title: 'chore: upgrade the service template' }]) });
    writeReport(planReport('dev', [stack('dev-service', { add: 1, destroy: 1, replace: 1 })]));
    writeReport(planReport('prod', [stack('prod-service')]));
    expect(await upgradePullRequest(CONFIG, { dir, output: new RecordingOutput(), github: gh(), cwd: repo })).toBe(0);
    const edit = fakes.invocations('gh').find((call) => call.argv[0] === 'pr' && call.argv[1] === 'edit' && call.argv.includes('--body-file'));
    expect(edit?.argv.slice(0, 4)).toEqual(['pr', 'edit', '5', '--title']);
    expect(edit?.argv[4]).toBe('chore: upgrade the service template (destroys or replaces resources)');
    expect(edit?.bodyFile).toContain('A plan destroys or replaces resources');
    expect(ghCalls()).toContain('pr edit 5 --add-label destroys-resources');
    expect(ghCalls().some((call) => call.startsWith('pr create'))).toBe(false);
  });

  test('no patch, no pull request', async () => {
    writeFileSync(join(dir, UPGRADE_FILES.patch), '');
    const output = new RecordingOutput();
    expect(await upgradePullRequest(CONFIG, { dir, output, github: gh(), cwd: repo })).toBe(0);
    expect(output.lines).toEqual(['The template is up to date: no pull request.']);
    expect(ghCalls()).toEqual([]);
    expect(readFileSync(join(repo, 'package.json'), 'utf-8')).toContain('^1.0.0');
  });
});
