import type { PlatformConfig } from '../../platform/contract/config';

/**
 * What the options still lack before the pipelines can deploy: each entry names the option to set.
 * Empty when nothing is missing. Pure, so the README and the `npx projen` notice say the same.
 */
export function missingForDeploy(config: PlatformConfig): string[] {
  const missing: string[] = [];
  const withoutAccount = config.environments.filter((environment) => environment.accountId === undefined).map((environment) => environment.name);
  if (withoutAccount.length > 0) {
    missing.push(`\`account\` of environment(s) ${withoutAccount.join(', ')}: the 12-digit AWS account to deploy to (the bootstrap stack creates its roles there).`);
  }
  if (config.deployment.github === undefined) {
    missing.push('`deployment.repository`: the GitHub repository (`<owner>/<name>`) whose workflows may deploy.');
  }
  if (config.environments.some((environment) => environment.state.backend === 'local')) {
    missing.push('`terraformState.bucket`: the S3 bucket of the Terraform state (local state files cannot be shared with CI).');
  }
  return missing;
}
