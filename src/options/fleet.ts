/**
 * Scheduled workflows that keep a fleet of service repositories current and honest: template
 * upgrades as pull requests, and drift detection as issues. Both need an environment with a plan
 * role (`deployment.repository`), and plan with it.
 */
export interface FleetOptions {
  /**
   * Generate `.github/workflows/template-upgrade.yml`: upgrades the packages, runs `npx projen`,
   * plans every environment and opens or updates one pull request.
   * @default true
   */
  readonly templateUpgrades?: boolean;

  /**
   * When the template upgrade runs (cron, UTC); it can also be started by hand.
   * @default "0 6 * * 1"
   */
  readonly upgradeSchedule?: string;

  /**
   * The packages the template upgrade moves to their latest release: the project type's package
   * first (an organisation's project type names its own package here, then ours), then projen.
   * @default ["projen-cdktf-ecs","projen"]
   */
  readonly upgradePackages?: string[];

  /**
   * Generate `.github/workflows/drift.yml`: plans every environment with the read-only role and
   * keeps one issue per environment that drifted.
   * @default true
   */
  readonly driftDetection?: boolean;

  /**
   * When drift detection runs (cron, UTC); it can also be started by hand.
   * @default "0 5 * * *"
   */
  readonly driftSchedule?: string;
}
