import type { PlatformOptions } from './context';
import type { OptionProblems } from './problems';
import { CRON_PATTERN, FLEET_DEFAULTS, FleetConfig, NPM_PACKAGE_PATTERN } from '../platform/contract/fleet-config';

/** The fleet workflows' settings, each checked. */
export function resolveFleet(options: PlatformOptions, problems: OptionProblems): FleetConfig {
  const fleet = options.fleet ?? {};
  const upgradeSchedule = fleet.upgradeSchedule ?? FLEET_DEFAULTS.upgradeSchedule;
  const driftSchedule = fleet.driftSchedule ?? FLEET_DEFAULTS.driftSchedule;
  const packages = fleet.upgradePackages ?? [...FLEET_DEFAULTS.upgradePackages];
  const cronReason = 'is not a schedule; expected five cron fields in UTC, e.g. "0 6 * * 1"';
  problems.check(CRON_PATTERN.test(upgradeSchedule), 'fleet.upgradeSchedule', upgradeSchedule, cronReason);
  problems.check(CRON_PATTERN.test(driftSchedule), 'fleet.driftSchedule', driftSchedule, cronReason);
  problems.check(packages.length > 0, 'fleet.upgradePackages', packages, 'is empty; expected the project type\'s package, e.g. ["projen-cdktf-ecs","projen"]');
  packages.forEach((pkg, index) => problems.check(NPM_PACKAGE_PATTERN.test(pkg), `fleet.upgradePackages[${index}]`, pkg, 'is not an npm package name'));
  return {
    ...(fleet.templateUpgrades !== false ? { templateUpgrade: { schedule: upgradeSchedule, packages } } : {}),
    ...(fleet.driftDetection !== false ? { driftDetection: { schedule: driftSchedule } } : {}),
  };
}
