import type { PlatformConfig } from '../../../src/platform/contract/config';
import { AwsClients } from '../../../src/platform/ops/aws-clients';
import { OperationsContext } from '../../../src/platform/ops/environment';
import type { Output } from '../../../src/platform/ops/output';
import { TerraformCli } from '../../../src/platform/ops/terraform';
import { configOf } from '../support/configs';

/** Output kept in memory. */
export class RecordingOutput implements Output {
  public readonly lines: string[] = [];
  public readonly errors: string[] = [];
  public line(text: string): void {
    this.lines.push(text);
  }
  public error(text: string): void {
    this.errors.push(text);
  }
  /** Everything written, one string. */
  public get text(): string {
    return [...this.lines, ...this.errors].join('\n');
  }
}

/** Terraform that records what it was asked and never runs. */
export class RecordingTerraform extends TerraformCli {
  public readonly calls: string[] = [];
  public stackOutputs: Record<string, unknown> = {};
  constructor() {
    super({ outdir: 'unused' });
  }
  public async apply(stack: string, variables: Record<string, string> = {}, targets: string[] = []): Promise<void> {
    this.calls.push(`apply ${stack} ${JSON.stringify(variables)}${targets.length > 0 ? ` -target ${targets.join(' ')}` : ''}`);
  }
  public async destroy(stack: string): Promise<void> {
    this.calls.push(`destroy ${stack}`);
  }
  public async outputs(): Promise<Record<string, unknown>> {
    return this.stackOutputs;
  }
}

/** The `dev` environment of project `orders` in account 111122223333 with one service `orders`. */
export const OPS_CONFIG: PlatformConfig = configOf({
  environments: [{ name: 'dev', account: '111122223333' }],
  services: [{ name: 'orders' }],
});

/** A context on `OPS_CONFIG` with recording output and Terraform, no waiting. */
export function testContext(config: PlatformConfig = OPS_CONFIG, environment = 'dev'): { context: OperationsContext; output: RecordingOutput; terraform: RecordingTerraform } {
  const output = new RecordingOutput();
  const terraform = new RecordingTerraform();
  const context = new OperationsContext({
    config,
    environment,
    output,
    terraform,
    aws: new AwsClients('us-east-1'),
    sleep: async () => undefined,
    env: {},
  });
  return { context, output, terraform };
}

/** A task definition ARN of family `orders-dev-orders`. */
export const taskDefinitionArn = (revision: number) => `arn:aws:ecs:us-east-1:111122223333:task-definition/orders-dev-orders:${revision}`;
