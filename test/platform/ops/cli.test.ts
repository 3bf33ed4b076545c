import { OPS_CONFIG, RecordingOutput } from './support';
import { main } from '../../../src/platform/ops/cli';
import { explainError } from '../../../src/platform/ops/errors';
import { registryHost } from '../../../src/platform/ops/images';
import { runProcess } from '../../../src/platform/ops/processes';
import { countChanges } from '../../../src/platform/ops/terraform';

test('an unknown command prints the usage and exits 2', async () => {
  const output = new RecordingOutput();
  expect(await main(['deplo', 'dev'], OPS_CONFIG, output)).toBe(2);
  expect(output.errors[0]).toMatch(/^unknown command "deplo"\nusage: ops <command> <environment>/);
});

test('an unknown environment is one line naming the known ones', async () => {
  const output = new RecordingOutput();
  expect(await main(['status', 'qa'], OPS_CONFIG, output)).toBe(1);
  expect(output.errors).toEqual(['✖ status: no environment "qa"; expected one of dev']);
});

test('an unknown flag is one line, not a stack trace', async () => {
  const output = new RecordingOutput();
  expect(await main(['logs', 'dev', '--tail'], OPS_CONFIG, output)).toBe(1);
  expect(output.errors).toHaveLength(1);
  expect(output.errors[0]).toBe("✖ logs: Unknown option '--tail'; logs takes --service <value>, --since <value>, --follow, --filter <value>");
});

test('a deploy without synthesized stacks says how to synthesize them', async () => {
  const output = new RecordingOutput();
  expect(await main(['deploy', 'dev', '--tag', 'abc'], OPS_CONFIG, output, '/nonexistent')).toBe(1);
  expect(output.errors).toEqual(['✖ deploy: /nonexistent/manifest.json is missing: the stacks were not synthesized (run `npx projen synth`)']);
});

test('bootstrap without a repository says what to configure', async () => {
  const output = new RecordingOutput();
  expect(await main(['bootstrap'], OPS_CONFIG, output)).toBe(1);
  expect(output.errors[0]).toContain('nothing to bootstrap: set deployment.repository');
});

test('missing credentials are one actionable line', () => {
  const error = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  expect(explainError(error)).toBe('no valid AWS credentials (Could not load credentials from any providers): sign in (e.g. `aws sso login`) or set AWS_PROFILE, then run the command again');
});

test('a plan counts replacements as one add and one destroy', () => {
  expect(countChanges({
    resource_changes: [
      { change: { actions: ['create'] } },
      { change: { actions: ['update'] } },
      { change: { actions: ['delete', 'create'] } },
      { change: { actions: ['no-op'] } },
    ],
  })).toEqual({ add: 2, change: 1, destroy: 1 });
});

test('a program that is not installed is one line saying how to install it', async () => {
  await expect(runProcess('terraform', ['version'], { env: { PATH: '/nonexistent' } })).rejects.toThrow(
    'terraform is not installed or not on PATH: install Terraform >= 1.11 (https://developer.hashicorp.com/terraform/install)',
  );
});

test('the registry host follows the partition: deploy and push-image push to the same place in China regions', () => {
  expect(registryHost('111122223333', { region: 'cn-north-1', partition: 'aws-cn' })).toBe('111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn');
  expect(registryHost('111122223333', { region: 'eu-west-1', partition: 'aws' })).toBe('111122223333.dkr.ecr.eu-west-1.amazonaws.com');
});
