/** A diagnostic of `terraform validate -json`. */
export interface TerraformDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number; readonly column: number } };
}

/** Result of `terraform validate -json`. */
export interface ValidateResult {
  readonly valid: boolean;
  readonly error_count: number;
  readonly warning_count: number;
  readonly diagnostics: TerraformDiagnostic[];
}

/** Planned change of one resource instance in `terraform show -json <plan>`. */
export interface ResourceChange {
  /** Full address, e.g. `aws_lb_listener.ingress_http_listener_F3DB5E27`. */
  readonly address: string;
  readonly mode: 'managed' | 'data';
  /** Resource type, e.g. `aws_ecs_service`. */
  readonly type: string;
  readonly name: string;
  readonly index?: number | string;
  readonly change: {
    /** e.g. `["create"]`, `["no-op"]`, `["read"]`. */
    readonly actions: string[];
    readonly before: Record<string, unknown> | null;
    /** Planned values known at plan time. */
    readonly after: Record<string, unknown> | null;
    /** Which values of `after` are only known after apply. */
    readonly after_unknown?: Record<string, unknown>;
  };
}

/** Planned change of one output. */
export interface OutputChange {
  readonly actions: string[];
  readonly after?: unknown;
  readonly after_unknown?: unknown;
}

/** The parts of `terraform show -json <plan>` the tests read; see Terraform's JSON output format. */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly variables?: Record<string, { readonly value: unknown }>;
  readonly resource_changes: ResourceChange[];
  readonly output_changes?: Record<string, OutputChange>;
  readonly planned_values?: unknown;
  readonly prior_state?: unknown;
  readonly configuration?: unknown;
  readonly errored?: boolean;
}
