import { EnvironmentPreset } from '../../../src/options';
import { configOf } from '../support/configs';
import { bodiesOf, onlyResource, synthEnvironment } from '../support/synth';

const seeded = synthEnvironment(configOf({
  services: [{ name: 'web', loadBalancerHealthCheck: { intervalSeconds: 30, timeoutSeconds: 3, healthyThreshold: 3, unhealthyThreshold: 2 } }],
}));
const production = synthEnvironment(configOf({ environments: [{ name: 'prod', preset: EnvironmentPreset.PRODUCTION, kmsKeyDeletionWindowDays: 21 }] }));

test('the target group checks health with the service\'s interval, timeout and thresholds', () => {
  expect(onlyResource(seeded.service, 'aws_lb_target_group').health_check).toEqual(expect.objectContaining({
    interval: 30, timeout: 3, healthy_threshold: 3, unhealthy_threshold: 2,
  }));
});

test('every KMS key of an environment waits the environment\'s deletion window', () => {
  const windows = [...bodiesOf(production.network, 'aws_kms_key'), ...bodiesOf(production.cluster, 'aws_kms_key')].map((key) => key.deletion_window_in_days);
  expect(windows.length).toBeGreaterThan(1);
  expect(new Set(windows)).toEqual(new Set([21]));
});
