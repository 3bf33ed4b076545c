import { Component, Project, SampleFile } from 'projen';

/**
 * Options of {@link SampleCode}.
 */
export interface SampleCodeOptions {
  readonly srcdir: string;
  readonly testdir: string;
  /** Version of hashicorp/aws the generated bindings are built from. */
  readonly terraformProviderAwsVersion: string;
}

/**
 * The user-owned entry point and test, written once: `src/main.ts` builds the stacks from the
 * generated configuration and is the place for escape hatches; the test synthesizes every stack
 * and has the real Terraform CLI and AWS provider validate and plan it offline.
 */
export class SampleCode extends Component {
  constructor(project: Project, options: SampleCodeOptions) {
    super(project);
    new SampleFile(project, `${options.srcdir}/main.ts`, { contents: MAIN });
    new SampleFile(project, `${options.testdir}/stacks.test.ts`, { contents: stacksTest(options) });
  }
}

const MAIN = `import { App } from 'cdktf';
import { config } from './config.generated';
import { createPlatform } from './platform';

const app = new App();
const environments = createPlatform(app, config);

// Escape hatches and extra resources go here. Each environment exposes its stacks and their
// resources, for example:
//   environments[0].service.loadBalancer.idleTimeout = 120;
//   new SnsTopic(environments[0].cluster, 'alerts', { name: 'alerts' });
void environments;

app.synth();
`;

function stacksTest(options: SampleCodeOptions): string {
  return `import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { config } from '../${options.srcdir}/config.generated';
import { checkStacksOffline, OfflineStackCheck, synthPlatform } from '../${options.srcdir}/platform/testing';

// Synthesizes every stack and has Terraform with the real AWS provider (hashicorp/aws ${options.terraformProviderAwsVersion})
// validate and plan it, offline: dummy credentials, upstream stack outputs from fixture state files.
// Terraform checks the stacks in parallel, one per CPU; each test awaits the result it asserts on.
const outdir = mkdtempSync(join(tmpdir(), 'stacks-'));
const stacks = synthPlatform(config, outdir);
let checks: Map<string, OfflineStackCheck>;
beforeAll(() => {
  checks = checkStacksOffline(stacks, config, { plannedValues: false });
});
afterAll(async () => {
  // Let Terraform finish before its working directories go.
  await Promise.allSettled([...checks.values()].flatMap((check) => [check.validation, check.plan]));
  rmSync(outdir, { recursive: true, force: true });
});

// The resources each kind of stack must plan to create (stacks are named <environment>-<kind>);
// an existing VPC or cluster is referenced, not created.
function keyResources(kind: string, environment: (typeof config.environments)[number]): string[] {
  switch (kind) {
    case 'network':
      return environment.network.existingVpc ? [] : ['aws_vpc', 'aws_subnet', 'aws_route_table', 'aws_internet_gateway'];
    case 'cluster':
      return [...(environment.cluster.existing ? [] : ['aws_ecs_cluster']), 'aws_kms_key', 'aws_cloudwatch_log_group'];
    case 'service':
      return ['aws_lb', 'aws_lb_target_group', 'aws_ecs_task_definition', 'aws_ecs_service'];
    default:
      return [];
  }
}

describe.each(stacks.map((stack) => [stack.name] as const))('%s', (name) => {
  const kind = name.slice(name.lastIndexOf('-') + 1);
  const environment = config.environments.find((env) => name === \`\${env.name}-\${kind}\`)!;

  test('passes terraform validate', async () => {
    const validation = await checks.get(name)!.validation;
    expect(validation.valid).toBe(true);
  });

  test('plans to create its key resources and to change nothing else', async () => {
    const plan = await checks.get(name)!.plan;
    const actions = new Set(plan.resource_changes.flatMap((change) => change.change.actions));
    const created = plan.resource_changes
      .filter((change) => change.change.actions.includes('create'))
      .map((change) => change.type);
    expect([...actions].filter((action) => action !== 'create')).toEqual([]);
    expect(created).toEqual(expect.arrayContaining(keyResources(kind, environment)));
  });
});
`;
}
