import type { PlanJson, ResourceChange, TerraformDiagnostic } from './terraform-json';

/** The actions of a `planned_change` message, as `terraform show -json` lists them. */
const ACTIONS: Record<string, string[]> = {
  'create': ['create'],
  'read': ['read'],
  'update': ['update'],
  'delete': ['delete'],
  'replace': ['delete', 'create'],
  'noop': ['no-op'],
  'no-op': ['no-op'],
  'move': ['no-op'],
  'import': ['no-op'],
  'forget': ['forget'],
};

/** The resource of a `planned_change` message. */
interface PlannedResource {
  readonly addr: string;
  readonly resource_type: string;
  readonly resource_name: string;
  readonly resource_key: number | string | null;
}

interface StreamMessage {
  readonly 'type': string;
  readonly '@level'?: string;
  readonly 'terraform'?: string;
  readonly 'change'?: {
    readonly action: string;
    readonly resource: PlannedResource;
  };
  readonly 'diagnostic'?: TerraformDiagnostic;
}

/** What `terraform plan -json` says: the planned changes (without values) and the diagnostics. */
export interface PlanStream {
  readonly plan: PlanJson;
  readonly diagnostics: TerraformDiagnostic[];
}

/**
 * Reads the machine-readable UI stream of `terraform plan -json`: one `ResourceChange` per
 * `planned_change` message, with the actions `terraform show -json` would list and no values
 * (`before` and `after` are null), so that a plan that is only checked for what it creates or
 * destroys costs no `terraform show` (which loads the whole provider schema once more).
 */
export function parsePlanStream(stdout: string): PlanStream {
  const messages = stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as StreamMessage);
  const version = messages.find((message) => message.type === 'version')?.terraform ?? '';
  const resourceChanges = messages.flatMap((message): ResourceChange[] => {
    const change = message.type === 'planned_change' ? message.change : undefined;
    if (change === undefined) {
      return [];
    }
    const { resource } = change;
    return [{
      address: resource.addr,
      mode: resource.addr.startsWith('data.') || resource.addr.includes('.data.') ? 'data' : 'managed',
      type: resource.resource_type,
      name: resource.resource_name,
      ...(resource.resource_key !== null ? { index: resource.resource_key } : {}),
      change: { actions: ACTIONS[change.action] ?? [change.action], before: null, after: null },
    }];
  });
  const diagnostics = messages.flatMap((message) => (message.type === 'diagnostic' && message.diagnostic ? [message.diagnostic] : []));
  return { plan: { format_version: 'ui-stream', terraform_version: version, resource_changes: resourceChanges }, diagnostics };
}
