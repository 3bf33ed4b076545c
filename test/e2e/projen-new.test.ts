import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ACME_DEV_ACCOUNT, FleetRunner, startFleetRunner } from './fleet-runner';
import { createServiceRepo, packOrganisationExample, packPackage, runProjen, timed, timedAsync } from './service-repo';
import { assertOfflineTerraformAvailable, JobResult } from '../delivery/support';

// End to end, as a platform team and its service teams work: pack this package, build and pack the
// example organisation package (examples/acme-ecs-service) against it, `projen new --from` the
// organisation's package, build the new repository (compile, synth, its own tests: terraform
// validate + offline plan of every stack), then run its fleet workflows as GitHub would. One
// repository (one `npm install`) serves every check: `projen new --from projen-cdktf-ecs` itself is
// the start of test/delivery/deploy-workflow.test.ts.
const workdir = mkdtempSync(join(tmpdir(), 'projen-cdktf-ecs-e2e-'));
const repo = join(workdir, 'orders');
let tarball: string;
let acmeTarball: string;

beforeAll(() => {
  assertOfflineTerraformAvailable();
  tarball = timed('pack projen-cdktf-ecs', () => packPackage(join(workdir, 'pack')));
  acmeTarball = timed('build and pack @acme/ecs-service', () => packOrganisationExample(tarball, workdir));
  timed('projen new --from @acme/ecs-service', () => createServiceRepo(acmeTarball, repo, '@acme/ecs-service'));
  timed('npx projen build', () => runProjen(repo, 'build'));
}, 1_800_000);

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe('the package', () => {
  test('holds the compiled project type and the platform sources only', () => {
    const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf-8' }).trim().split('\n');
    // yaml is bundled: `projen-cdktf-ecs import-copilot` reads Copilot manifests with it.
    const allowed = /^package\/(lib\/.*|src\/platform\/.*\.ts|node_modules\/yaml\/.*|\.jsii|API\.md|README\.md|LICENSE|package\.json)$/;
    expect(entries.filter((entry) => !allowed.test(entry))).toEqual([]);
    expect(entries).toContain('package/src/platform/platform.ts');
    expect(statSync(tarball).size).toBeLessThan(5 * 1024 * 1024);
  });

  test('is installed from the tarball, through the organisation\'s package, itself a dev dependency', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf-8'));
    expect(pkg.devDependencies['@acme/ecs-service']).toMatch(/^file:.*\.tgz$/);
    expect(existsSync(join(repo, 'node_modules', 'projen-cdktf-ecs', 'lib', 'index.js'))).toBe(true);
  });
});

describe('a repository created from the organisation\'s project type', () => {
  test('.projenrc.ts instantiates the organisation\'s class', () => {
    const projenrc = readFileSync(join(repo, '.projenrc.ts'), 'utf-8');
    expect(projenrc).toContain("from '@acme/ecs-service'");
    expect(projenrc).toContain('new AcmeEcsServiceProject({');
  });

  test('carries the organisation\'s defaults: region, account, state bucket, tags, repository', () => {
    const service = readFileSync(join(repo, 'docs', 'SERVICE.md'), 'utf-8');
    expect(service).toContain(`| dev | eu-west-1 | ${ACME_DEV_ACCOUNT} | development |`);
    expect(service).toContain('`company=acme`, `cost-center=unassigned`');
    const config = readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8');
    expect(config).toContain('"bucket": "acme-terraform-state"');
    expect(config).toContain('"repository": "acme/orders"');
  });

  test('the build synthesizes the bootstrap (a repository is set), network, cluster and service stacks in dependency order', () => {
    const manifest = JSON.parse(readFileSync(join(repo, 'cdktf.out', 'manifest.json'), 'utf-8'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['bootstrap', 'dev-cluster', 'dev-network', 'dev-service']);
    expect(manifest.stacks['dev-service'].dependencies.sort()).toEqual(['dev-cluster', 'dev-network']);
  });

  test('its tests validated and planned every stack, none skipped', () => {
    const report = readFileSync(join(repo, 'test-reports', 'junit.xml'), 'utf-8');
    const [, tests, failures, errors] = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)"/.exec(report) ?? [];
    expect(Number(tests)).toBeGreaterThanOrEqual(6);
    expect([Number(failures), Number(errors)]).toEqual([0, 0]);
    expect(report).not.toContain('<skipped');
    for (const stack of ['dev-network', 'dev-cluster', 'dev-service']) {
      expect(report).toContain(`${stack} passes terraform validate`);
    }
  });

  test('the sample app and its Dockerfile are in place', () => {
    expect(existsSync(join(repo, 'app', 'server.js'))).toBe(true);
    expect(existsSync(join(repo, 'app', 'Dockerfile'))).toBe(true);
  });

  test('the package\'s command imports a Copilot application in the generated repository', () => {
    const out = join(workdir, 'imported');
    const result = spawnSync('npx', [
      'projen-cdktf-ecs', 'import-copilot', join(__dirname, '..', 'copilot', 'fixtures', 'hello', 'copilot'),
      '--out', `${out}.projenrc.ts`, '--migration', `${out}.MIGRATION.md`,
    ], { cwd: repo, encoding: 'utf-8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Imported the Copilot application "hello"');
    expect(readFileSync(`${out}.projenrc.ts`, 'utf-8')).toContain("{ kind: AdoptedResourceKind.LOG_GROUP, id: '/copilot/hello-dev-web' }");
  });

  test('a second `npx projen` changes nothing', () => {
    const before = readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8');
    runProjen(repo);
    expect(readFileSync(join(repo, 'src', 'config.generated.ts'), 'utf-8')).toBe(before);
  });

  test('a typo in .projenrc.ts fails `npx projen` with one line naming it, no stack trace', () => {
    const result = projenWith('services: [{ desiredCont: 3 }],');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('services[0].desiredCont: 3 is not an option; did you mean desiredCount?');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  test('a guardrail refuses an option: exit 1, one line with the path, the value and what Acme allows, no stack trace', () => {
    const result = projenWith("region: 'us-west-2',");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('  - region: "us-west-2" is not allowed by allowed-regions; expected one of eu-west-1, eu-central-1\n');
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

/** Runs `npx projen` with `option` added to the options of `.projenrc.ts`, which it restores. */
function projenWith(option: string): ReturnType<typeof spawnSync> & { stderr: string } {
  const projenrc = join(repo, '.projenrc.ts');
  const original = readFileSync(projenrc, 'utf-8');
  try {
    writeFileSync(projenrc, original.replace('new AcmeEcsServiceProject({', `new AcmeEcsServiceProject({\n  ${option}`));
    return spawnSync('npx', ['projen'], { cwd: repo, encoding: 'utf-8' });
  } finally {
    writeFileSync(projenrc, original);
  }
}

describe('the fleet workflows of the repository', () => {
  let fleet: FleetRunner;

  beforeAll(async () => {
    fleet = await startFleetRunner(repo, workdir);
  }, 600_000);

  afterAll(async () => fleet?.stop());

  describe('drift.yml', () => {
    let plan: JobResult;
    let issues: JobResult;

    beforeAll(async () => {
      ({ plan, issues } = await timedAsync('drift.yml', () => fleet.runDrift()));
    }, 1_800_000);

    test('plans dev with the read-only plan role and -detailed-exitcode, applying nothing', () => {
      expect(plan.conclusion).toBe('success');
      expect(plan.steps.find((step) => step.action === 'aws-actions/configure-aws-credentials')?.record).toEqual(expect.objectContaining({
        roleToAssume: `arn:aws:iam::${ACME_DEV_ACCOUNT}:role/delivery/orders-dev-github-plan`,
      }));
      // Terraform would change everything (nothing is deployed): `plan --detailed-exitcode` exits 2,
      // which projen's task runner reports as 1; the drift job reads the JSON report, not the code.
      expect(plan.step('Plan dev').exitCode).toBe(1);
      expect(plan.step('Plan dev').stdout).toMatch(/dev-service\s+\d+\s+0\s+0/);
      expect(fleet.fakes.terraformInvocations().filter((call) => call.command === 'apply')).toEqual([]);
    });

    test('opens one issue for dev listing the resources a plan would change (nothing is deployed: everything)', () => {
      expect(issues.conclusion).toBe('success');
      const create = fleet.fakes.invocations('gh').find((call) => call.argv[0] === 'issue' && call.argv[1] === 'create');
      expect(create?.argv.slice(0, 4)).toEqual(['issue', 'create', '--title', 'Drift in dev']);
      expect(create?.env.GH_TOKEN).toBe('fake-github-token');
      expect(create?.bodyFile).toMatch(/\| dev-cluster \| `aws_ecs_cluster\.[\w]+` \| create \|/);
    });
  });

  describe('template-upgrade.yml', () => {
    let upgrade: JobResult;
    let pullRequest: JobResult;

    beforeAll(async () => {
      ({ upgrade, pullRequest } = await timedAsync('template-upgrade.yml', () => fleet.runTemplateUpgrade(acmeTarball)));
    }, 1_800_000);

    test('upgrades, regenerates and plans dev with the plan role', () => {
      expect(upgrade.steps.map((step) => `${step.name}: ${step.outcome}`)).toEqual(upgrade.steps.map((step) => `${step.name}: success`));
      expect(upgrade.step('Upgrade the template').stdout).toContain('docs/SERVICE.md');
    });

    test('pushes the regenerated files on one branch and opens one pull request with the diff summary and the plan', () => {
      expect(pullRequest.conclusion).toBe('success');
      expect(fleet.pushed('projen-cdktf-ecs/template-upgrade', 'docs/SERVICE.md')).toContain('## Environments');
      const create = fleet.fakes.invocations('gh').find((call) => call.argv[0] === 'pr' && call.argv[1] === 'create');
      expect(create?.bodyFile).toMatch(/docs\/SERVICE\.md\s+\|\s+\d+/);
      expect(create?.bodyFile).toMatch(/\| dev-service \| \d+ \| 0 \| 0 \|/);
      expect(fleet.fakes.invocations('gh').map((call) => call.argv.join(' '))).toContain('pr edit 1 --remove-label destroys-resources');
    });
  });
});
