/**
 * A one-off task that runs before a service is updated, for example database migrations.
 *
 * It runs the new task definition revision (the new image, the service's secrets) in the service's
 * subnets and security groups, with the application container's command replaced. A non-zero exit,
 * a timeout or a task that cannot start stops the deployment: the service keeps its revision.
 */
export interface ReleaseTaskOptions {
  /**
   * Command of the application container, as words, e.g. ["node", "scripts/migrate.js"].
   */
  readonly command: string[];

  /**
   * Seconds the task may run (60 to 43200); a task still running then is stopped and the
   * deployment fails.
   * @default 900
   */
  readonly timeoutSeconds?: number;
}
