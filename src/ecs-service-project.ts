import { javascript, typescript } from 'projen';
import { CdktfApp } from './components/cdktf-app';
import { CDKTF_VERSIONS, CdktfDeps } from './components/cdktf-deps';
import { DeploymentWorkflows } from './components/deployment-workflows';
import { OperationsTasks } from './components/operations-tasks';
import { PlatformConfigFile } from './components/platform-config-file';
import { PlatformSources } from './components/platform-sources';
import { SampleApp } from './components/sample-app';
import { SampleCode } from './components/sample-code';
import { ServiceReadme, userReadme } from './components/service-readme';
import { setupTerraformStep } from './components/terraform-ci';
import { EcsServiceProjectOptions, EnvironmentOptions } from './options';
import { appDirectoryOf } from './platform/contract/app-directory';
import type { PlatformConfig } from './platform/contract/config';
import { InvalidOptionsError } from './resolve/problems';
import { DEFAULTS, resolvePlatformConfig } from './resolve/resolve';

/** Terraform CLI version installed by the generated workflows. */
const DEFAULT_TERRAFORM_VERSION = '1.11.4';

const PROVIDER_BARREL_MESSAGE = 'Import the resource module (@cdktf/provider-aws/lib/<resource>): the barrel adds seconds and hundreds of MB to every synth.';

/**
 * projen's TypeScript app options for a service repository: npm, tsx for `.projenrc.ts`, Node 22 in
 * the workflows, the user's README written once, long test timeouts (every stack is planned by the
 * real Terraform), the cdktf packages pinned out of upgrades, Terraform installed before the build.
 */
function typeScriptProjectOptions(options: EcsServiceProjectOptions, terraformVersion: string): typescript.TypeScriptProjectOptions {
  return {
    projenrcTs: true,
    packageManager: javascript.NodePackageManager.NPM,
    sampleCode: false,
    runner: typescript.TypeScriptRunner.tsx(),
    // Without a type-check pass `npx projen` stays fast; editors and `tsc` still check .projenrc.ts.
    projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
    workflowNodeVersion: '22.x',
    readme: { contents: userReadme(options.name) },
    ...options,
    jestOptions: {
      ...options.jestOptions,
      jestConfig: { testTimeout: 600_000, ...options.jestOptions?.jestConfig },
    },
    depsUpgradeOptions: {
      ...options.depsUpgradeOptions,
      exclude: [...(options.depsUpgradeOptions?.exclude ?? []), 'cdktf', '@cdktf/provider-aws', 'constructs'],
    },
    buildWorkflowOptions: {
      ...options.buildWorkflowOptions,
      preBuildSteps: [setupTerraformStep(terraformVersion), ...(options.buildWorkflowOptions?.preBuildSteps ?? [])],
    },
  };
}

/**
 * A service repository that deploys containers to Amazon ECS on Fargate with CDK for Terraform.
 *
 * Per environment it synthesizes three Terraform stacks (network, cluster, service) from the typed
 * options, and adds a sample container app, a test that validates and plans every stack offline
 * with the real AWS provider, and CI that installs Terraform.
 *
 * @pjid ecs-service
 */
export class EcsServiceProject extends typescript.TypeScriptAppProject {
  /**
   * The `synth` and `synth:app` tasks: write `cdktf.out/stacks/<stack>` for every stack.
   */
  public readonly cdktfApp: CdktfApp;

  private readonly platformOptions: EcsServiceProjectOptions;
  private readonly environments: EnvironmentOptions[];
  private resolvedConfig: PlatformConfig;
  private readonly terraformVersion: string;
  private deploymentWorkflowsAdded = false;

  constructor(options: EcsServiceProjectOptions) {
    const terraformVersion = options.terraformVersion ?? DEFAULT_TERRAFORM_VERSION;
    super(typeScriptProjectOptions(options, terraformVersion));

    this.platformOptions = options;
    this.environments = [...(options.environments ?? DEFAULTS.environments)];
    this.resolvedConfig = resolveOrReport(options);

    new CdktfDeps(this);
    this.cdktfApp = new CdktfApp(this, {
      entrypoint: `${this.srcdir}/main.ts`,
      compiledEntrypoint: `${this.libdir}/main.js`,
      outdir: 'cdktf.out',
      srcdir: this.srcdir,
    });
    this.postCompileTask.spawn(this.cdktfApp.synthCompiledTask);

    const platformDir = `${this.srcdir}/platform`;
    const configFile = `${this.srcdir}/config.generated.ts`;
    new PlatformSources(this, platformDir);
    new PlatformConfigFile(this, configFile, () => this._platformConfig);
    new ServiceReadme(this, { config: () => this._platformConfig });
    this.eslint?.addIgnorePattern(`${platformDir}/`);
    this.eslint?.addIgnorePattern(configFile);
    this.eslint?.addRules({
      'no-restricted-imports': ['error', { paths: [{ name: '@cdktf/provider-aws', message: PROVIDER_BARREL_MESSAGE }] }],
    });
    this.addSampleApps();
    new SampleCode(this, { srcdir: this.srcdir, testdir: this.testdir, terraformProviderAwsVersion: CDKTF_VERSIONS.terraformProviderAws });
    this.terraformVersion = terraformVersion;
  }

  /** One app directory per service built from this repository: two services are two images. */
  private addSampleApps(): void {
    const ownImages = this._platformConfig.environments[0].services.filter((service) => service.image === undefined);
    for (const service of ownImages) {
      const dir = appDirectoryOf(service.name, ownImages.length);
      new SampleApp(this, { dir, port: service.containerPort, healthCheckPath: service.healthCheckPath });
    }
  }

  /**
   * Generates the deployment workflows from the final configuration, after every `addEnvironment`.
   */
  public preSynthesize(): void {
    super.preSynthesize();
    if (!this.deploymentWorkflowsAdded) {
      this.deploymentWorkflowsAdded = true;
      new OperationsTasks(this, { config: this._platformConfig, synthTask: this.cdktfApp.synthTask });
      new DeploymentWorkflows(this, {
        deployment: this._platformConfig.deployment!,
        terraformVersion: this.terraformVersion,
        nodeVersion: this.platformOptions.workflowNodeVersion ?? '22.x',
        fleet: this._platformConfig.fleet,
      });
    }
  }

  /**
   * The resolved platform configuration written to `src/config.generated.ts`.
   * @internal
   */
  public get _platformConfig(): PlatformConfig {
    return this.resolvedConfig;
  }

  /**
   * Adds an environment after those of the options (deployment order). It is validated at once,
   * with the rest of the options.
   *
   * @param environment the environment
   * @throws InvalidOptionsError when the environment (or its combination with the options) is invalid
   */
  public addEnvironment(environment: EnvironmentOptions): void {
    const environments = [...this.environments, environment];
    this.resolvedConfig = resolveOrReport({ ...this.platformOptions, environments });
    this.environments.push(environment);
  }
}

/**
 * Resolves the options; when `.projenrc` itself is running (`npx projen`), invalid options end the
 * process with the list of problems and exit code 1, without the stack trace and source frame Node
 * prints for an uncaught error. Anywhere else (tests, other programs) the error is thrown.
 */
function resolveOrReport(options: EcsServiceProjectOptions): PlatformConfig {
  try {
    return resolvePlatformConfig(options);
  } catch (error) {
    if (error instanceof InvalidOptionsError && /[\\/]\.projenrc\.[cm]?[jt]s$/.test(require.main?.filename ?? '')) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
