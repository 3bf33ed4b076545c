import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';

export { CLUSTER_OUTPUTS, NETWORK_OUTPUTS, SERVICE_OUTPUTS } from '../contract/stack-interface';

/**
 * Declares a stack output under a fixed name: the logical id is the output name itself, so
 * consumers and scripts can rely on it whatever the construct tree looks like.
 */
export function exportOutput(scope: Construct, name: string, value: unknown, description: string): TerraformOutput {
  const output = new TerraformOutput(scope, name, { value, description });
  output.overrideLogicalId(name);
  return output;
}
