/** The scheduled template upgrade: when, and which packages move to their latest release. */
export interface TemplateUpgradeConfig {
  /** Cron expression (UTC). */
  readonly schedule: string;
  /** npm package names, the project type's first. */
  readonly packages: string[];
}

/** Scheduled drift detection. */
export interface DriftDetectionConfig {
  /** Cron expression (UTC). */
  readonly schedule: string;
}

/** The fleet workflows of a repository; each is absent when turned off. */
export interface FleetConfig {
  readonly templateUpgrade?: TemplateUpgradeConfig;
  readonly driftDetection?: DriftDetectionConfig;
}

/** Five cron fields of digits, `*`, `/`, `,` and `-` (GitHub's schedule syntax, UTC). */
export const CRON_PATTERN = /^([\d*/,-]+\s+){4}[\d*/,-]+$/;

/** An npm package name, optionally scoped. */
export const NPM_PACKAGE_PATTERN = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;

/** Schedules and packages of the fleet workflows when the options name none. */
export const FLEET_DEFAULTS = {
  upgradeSchedule: '0 6 * * 1',
  upgradePackages: ['projen-cdktf-ecs', 'projen'],
  driftSchedule: '0 5 * * *',
} as const;
