import { synthProject } from './support';
import { AWS_SDK_VERSIONS } from '../../src/components/operations-tasks';

const multiAccount = synthProject({
  environments: [{ name: 'dev', account: '111122223333' }, { name: 'prod', account: '444455556666' }],
  terraformState: { bucket: 'orders-terraform-state' },
  deployment: { repository: 'acme/orders' },
});
const single = synthProject({});
const tasks = (files: Record<string, any>) => files['.projen/tasks.json'].tasks;

test('every environment has its operations tasks', () => {
  const names = Object.keys(tasks(multiAccount));
  for (const env of ['dev', 'prod']) {
    for (const command of ['deploy', 'plan', 'destroy', 'status', 'logs', 'exec', 'rollback', 'run-task']) {
      expect(names).toContain(`${command}:${env}`);
    }
  }
});

test('deploy synthesizes first, then runs the operations command with the arguments given to the task', () => {
  expect(tasks(single)['deploy:dev'].steps).toEqual([
    { spawn: 'synth' },
    { exec: 'node lib/platform/ops/cli.js deploy dev', receiveArgs: true },
  ]);
});

test('status only compiles: it reads AWS, not the stacks', () => {
  expect(tasks(single)['status:dev'].steps[0]).toEqual({ spawn: 'compile' });
});

test('one bootstrap task per account when the environments use several', () => {
  expect(tasks(multiAccount)['bootstrap:111122223333'].steps.at(-1).exec).toBe('node lib/platform/ops/cli.js bootstrap --account 111122223333');
  expect(tasks(multiAccount)['bootstrap:444455556666']).toBeDefined();
  expect(tasks(multiAccount).bootstrap).toBeUndefined();
});

test('no bootstrap task without a repository to trust', () => {
  expect(Object.keys(tasks(single)).filter((name) => name.startsWith('bootstrap'))).toEqual([]);
});

test('the AWS SDK clients are pinned runtime dependencies', () => {
  const deps = single['package.json'].dependencies;
  for (const [name, version] of Object.entries(AWS_SDK_VERSIONS)) {
    expect(deps[name]).toBe(version);
  }
});
