import { spawnSync } from 'child_process';
import { fittedName } from '../../../scripts/terraform-modules/expressions';
import { fitName, IAM_ROLE_NAME_MAX, NAME_HASH_LENGTH } from '../../../src/platform/contract/naming';
import { offlineTerraformEnv, resolveProviderSource } from '../../../src/platform/testing';
import { configOf } from '../support/configs';

const LONG = 'warehouse-operations-preproduction-inventory-reconciliation-execution';

test('a name that fits is kept', () => {
  expect(fitName(['orders', 'dev', 'api', 'task'], IAM_ROLE_NAME_MAX)).toBe('orders-dev-api-task');
});

test('a long name is cut and ends with a hash of the whole name, at the limit', () => {
  const name = fitName(LONG, IAM_ROLE_NAME_MAX);
  expect(name).toHaveLength(IAM_ROLE_NAME_MAX);
  expect(name).toMatch(new RegExp(`^warehouse-operations-.*-[0-9a-f]{${NAME_HASH_LENGTH}}$`));
  expect(fitName(`${LONG}x`, IAM_ROLE_NAME_MAX)).not.toBe(name);
});

test('the Terraform modules fit names with the same rule (terraform console evaluates it)', () => {
  const expression = fittedName(LONG, IAM_ROLE_NAME_MAX);
  const result = spawnSync('terraform', ['console'], { input: `${expression.slice(2, -1)}\n`, encoding: 'utf-8', env: offlineTerraformEnv(resolveProviderSource()) });
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout.trim())).toBe(fitName(LONG, IAM_ROLE_NAME_MAX));
});

test('role names are decided once, in the configuration the constructs read', () => {
  const [env] = configOf({ resourcePrefix: 'warehouse-operations', environments: [{ name: 'preproductio' }], services: [{ name: 'inventory-reconciliation' }] }).environments;
  expect(env.services[0].executionRoleName).toBe(fitName(['warehouse-operations', 'preproductio', 'inventory-reconciliation', 'execution'], IAM_ROLE_NAME_MAX));
  expect(env.services[0].executionRoleName).toHaveLength(IAM_ROLE_NAME_MAX);
});
