import type { PlatformConfig } from '../../contract/config';
import type { BootstrapConfig } from '../../contract/deployment-config';
import { AwsClients } from '../aws-clients';
import { OperationError } from '../errors';
import { Output, Steps } from '../output';
import { TerraformCli } from '../terraform';

/** Options of {@link bootstrap}. */
export interface BootstrapOptions {
  /** Only the bootstrap stack of this account. @default - the only one; required when there are several */
  readonly account?: string;
  /** cdktf output directory. */
  readonly outdir: string;
  /** Where lines go. */
  readonly output: Output;
  /** AWS clients of a region. @default - SDK clients */
  readonly awsFor?: (region: string) => AwsClients;
  /** Terraform CLI. @default - `terraform` in the outdir's stacks */
  readonly terraform?: TerraformCli;
}

/** The bootstrap stacks `account` selects. */
export function selectBootstraps(config: PlatformConfig, account: string | undefined): BootstrapConfig[] {
  const all = config.deployment.bootstrap;
  if (all.length === 0) {
    throw new OperationError('nothing to bootstrap: set deployment.repository (and each environment\'s account) in .projenrc.ts, then run `npx projen`');
  }
  if (account === undefined) {
    if (all.length > 1) {
      throw new OperationError(`the environments use ${all.length} accounts: run bootstrap once per account with --account ${all.map((b) => b.accountId).join(' or --account ')}`);
    }
    return all;
  }
  const selected = all.filter((candidate) => candidate.accountId === account);
  if (selected.length === 0) {
    throw new OperationError(`no environment is in account ${account}; expected ${all.map((b) => b.accountId ?? '(unset)').join(', ')}`);
  }
  return selected;
}

/**
 * Applies the bootstrap stack of an account (state bucket, OIDC provider, deploy and plan roles)
 * with credentials of that account. Its state stays local, next to the stack.
 */
export async function bootstrap(config: PlatformConfig, options: BootstrapOptions): Promise<number> {
  const steps = new Steps(options.output);
  const terraform = options.terraform ?? new TerraformCli({ outdir: options.outdir });
  for (const stack of selectBootstraps(config, options.account)) {
    const aws = options.awsFor?.(stack.region) ?? new AwsClients(stack.region);
    await steps.run(`Check the AWS credentials for ${stack.stackName}`, () => aws.accountId(stack.accountId));
    await steps.run(`Apply ${stack.stackName}`, () => terraform.apply(stack.stackName));
    const outputs = await terraform.outputs(stack.stackName);
    for (const [name, value] of Object.entries(outputs)) {
      options.output.line(`  ${name} = ${JSON.stringify(value)}`);
    }
  }
  options.output.line(`Bootstrapped: ${steps.summary()}`);
  return 0;
}
