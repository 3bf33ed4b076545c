import { missingForDeploy } from '../../../src/components/readme/next-steps';
import { renderServiceDoc } from '../../../src/components/readme/service-doc';
import { EnvironmentPreset } from '../../../src/options';
import { configOf } from '../../platform/support/configs';

const COMPLETE = {
  environments: [{ name: 'dev', account: '111122223333' }],
  deployment: { repository: 'acme/orders' },
  terraformState: { bucket: 'acme-terraform-state' },
};

/** The lines of the section under `## <title>`. */
function section(doc: string, title: string): string {
  const start = doc.indexOf(`## ${title}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

test('the environments table has one row per environment with region, account, preset and NAT mode', () => {
  const doc = renderServiceDoc(configOf({ environments: [{ name: 'dev' }, { name: 'prod', account: '111122223333', preset: EnvironmentPreset.PRODUCTION, region: 'eu-west-1' }], loadBalancer: { allowPlainHttp: 'test fixture without TLS' } }));
  const prodRow = section(doc, 'Environments').split('\n').find((line) => line.startsWith('| prod |'))!;
  expect(prodRow.split(' | ').slice(0, 5)).toEqual(['| prod', 'eu-west-1', '111122223333', 'production', 'per-az']);
});

test('the environments table says how to get the URL', () => {
  expect(section(renderServiceDoc(configOf()), 'Environments')).toContain('`service_url` of `dev-service`: `npx projen status:dev`');
});

test('there is one architecture diagram per environment', () => {
  const doc = renderServiceDoc(configOf({ environments: [{ name: 'dev' }, { name: 'prod' }] }));
  expect(section(doc, 'Architecture').match(/```mermaid/g)).toHaveLength(2);
});

test('the cost section has the total of the default dev environment', () => {
  expect(section(renderServiceDoc(configOf()), 'Monthly cost estimate')).toContain('| **Total** | | | **75.84** |');
});

test('the first deployment names the repository in the OIDC subject command', () => {
  expect(section(renderServiceDoc(configOf(COMPLETE)), 'First deployment')).toContain('gh api --method PUT repos/acme/orders/actions/oidc/customization/sub');
});

test('the next steps list the account, the repository and the state bucket while they are missing', () => {
  expect(missingForDeploy(configOf()).map((item) => item.split(':')[0])).toEqual([
    '`account` of environment(s) dev',
    '`deployment.repository`',
    '`terraformState.bucket`',
  ]);
});

test('the next steps say nothing is missing once everything is set', () => {
  expect(section(renderServiceDoc(configOf(COMPLETE)), 'Next steps')).toContain('Nothing is missing for a deployment');
});
