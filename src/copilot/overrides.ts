import { Draft, ProjectDraft } from './draft';
import { Manifest } from './manifest';
import { mapServiceFields } from './service';

/**
 * Maps a service manifest's `environments.<env>` blocks onto `environments[].serviceOverrides`
 * with the same field mappers as the service itself; what they cannot map is reported under
 * `environments.<env>.`.
 */
export function mapServiceOverrides(manifest: Manifest, service: string, draft: ProjectDraft): void {
  for (const name of manifest.keys('environments')) {
    const prefix = `environments.${name}`;
    const environment = draft.environments.find((env) => env.name === name);
    if (environment === undefined) {
      manifest.explainRest(prefix, 'overrides an environment without a manifest in copilot/environments/');
      continue;
    }
    const override: Draft = {};
    mapServiceFields(manifest.branch(prefix), override, draft);
    if (Object.keys(override).length > 0) {
      Object.assign(draft.serviceOverride(environment, service), override);
    }
  }
}
