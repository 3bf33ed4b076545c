import { existsSync, readdirSync, statSync } from 'fs';
import { basename, join } from 'path';
import { readAddon, StatefulResource } from './addons';
import { Adoption, planAdoptions } from './adoption';
import { Draft, EnumMember, ProjectDraft } from './draft';
import { mapEnvironment } from './environment';
import { isMap, Manifest, UnmappedField } from './manifest';
import { mapServiceOverrides } from './overrides';
import { mapService, SERVICE_TYPES } from './service';
import { mapStaticSite } from './static-site';
import { mapJob, mapWorker } from './workloads';

/** Where the Copilot application is and what its manifests do not say. */
export interface CopilotImportOptions {
  /** The application's `copilot/` directory. */
  readonly copilotDir: string;
  /** Region of the environments (Copilot keeps it outside the manifests). @default "us-east-1" */
  readonly region?: string;
  /** Account id of each environment, by name (Copilot keeps them outside the manifests). @default {} */
  readonly accounts?: Record<string, string>;
  /**
   * Names of addon buckets found in the account, by environment and the bucket's logical id (Copilot's
   * buckets have names CloudFormation generated): each is adopted there instead of created.
   * @default {}
   */
  readonly bucketNames?: Record<string, Record<string, string>>;
}

/** What `import-copilot` found and made of it. */
export interface CopilotImport {
  /** Copilot application name (from `.workspace`). */
  readonly application: string;
  /** The options of `.projenrc.ts`. */
  readonly options: Draft;
  /** Every manifest field not carried over, in file order. */
  readonly unmapped: UnmappedField[];
  /** Things the runbook must say that no option expresses. */
  readonly notes: string[];
  /** Existing resources the environments adopt. */
  readonly adoptions: Adoption[];
  /** Stateful resources of addons, kept in place. */
  readonly statefulResources: StatefulResource[];
  /** Names of the workloads that became services, workers, jobs or the static site, and those that were not migrated. */
  readonly workloads: ImportedWorkloads;
}

/** The application's workloads by what they became. */
export interface ImportedWorkloads {
  readonly services: string[];
  readonly workers: string[];
  readonly jobs: string[];
  readonly staticSite?: string;
  readonly notMigrated: string[];
}

/** Reads a Copilot application's `copilot/` directory and maps it onto our options. */
export function importCopilot(options: CopilotImportOptions): CopilotImport {
  const dir = options.copilotDir;
  const prefix = basename(dir);
  const read = (...parts: string[]): Manifest => Manifest.read(join(dir, ...parts), [prefix, ...parts].join('/'));
  const workspace = read('.workspace');
  const application = String(workspace.take('application') ?? basename(join(dir, '..')));
  const draft = new ProjectDraft(application);

  const environmentNames = orderedEnvironments(dir);
  const manifests: Manifest[] = [workspace];
  for (const name of environmentNames) {
    const manifest = read('environments', name, 'manifest.yml');
    manifests.push(manifest);
    const environment = mapEnvironment(manifest, name, draft);
    const account = options.accounts?.[name];
    draft.environments.push(account !== undefined ? { ...environment, account } : environment);
  }

  const workloadManifests = workloadDirectories(dir).map((workload) => read(workload, 'manifest.yml'));
  manifests.push(...workloadManifests);
  const { workloads, serviceManifests } = mapWorkloads(workloadManifests, workloadDirectories(dir), draft);
  serviceManifests.forEach((manifest, index) => mapServiceOverrides(manifest, String(draft.services[index].name), draft));
  const migrated = [...workloads.services, ...workloads.workers, ...workloads.jobs];
  const statefulResources = addonTemplates(dir).flatMap((parts) => {
    const manifest = read(...parts);
    manifests.push(manifest);
    return readAddon(manifest, draft, parts[0] !== 'environments' && migrated.includes(parts[0]) ? parts[0] : undefined);
  });
  manifests.push(...pipelineManifests(dir).map((parts) => {
    const manifest = read(...parts);
    manifest.keys('').forEach((key) => manifest.report(key, 'is part of a Copilot pipeline; delivery is the `deployment` option (GitHub Actions or CodePipeline)'));
    return manifest;
  }));

  checkBucketNames(options.bucketNames ?? {}, environmentNames, statefulResources);
  const adoptions = planAdoptions(application, draft, serviceManifests, options.accounts ?? {}, statefulResources, options.bucketNames);
  return {
    application,
    options: projectOptions(application, options.region ?? 'us-east-1', draft, adoptions),
    unmapped: manifests.flatMap((manifest) => manifest.unmapped()),
    notes: draft.notes,
    adoptions,
    statefulResources,
    workloads,
  };
}

/** Every looked-up bucket name is for an environment and an addon bucket that exist. */
function checkBucketNames(bucketNames: Record<string, Record<string, string>>, environments: string[], stateful: StatefulResource[]): void {
  const buckets = stateful.filter((resource) => resource.type === 'AWS::S3::Bucket' && resource.dataResource !== undefined && resource.nameTemplate === undefined)
    .map((resource) => resource.logicalId);
  for (const [environment, names] of Object.entries(bucketNames)) {
    if (!environments.includes(environment)) {
      throw new Error(`--bucket ${environment}:…: no environment "${environment}"; expected one of ${environments.join(', ')}`);
    }
    const unknown = Object.keys(names).find((logicalId) => !buckets.includes(logicalId));
    if (unknown !== undefined) {
      throw new Error(`--bucket ${environment}:${unknown}=…: no addon bucket "${unknown}"; expected one of ${buckets.join(', ') || '(none)'}`);
    }
  }
}

/** Maps each workload manifest by its type: services, workers, jobs, the static site; the rest is reported. */
function mapWorkloads(manifests: Manifest[], names: string[], draft: ProjectDraft): { workloads: ImportedWorkloads; serviceManifests: Manifest[] } {
  const workloads: { -readonly [key in keyof ImportedWorkloads]: ImportedWorkloads[key] } = { services: [], workers: [], jobs: [], notMigrated: [] };
  const serviceManifests: Manifest[] = [];
  manifests.forEach((manifest, index) => {
    const type = manifest.peek('type');
    const workload = names[index];
    if (typeof type === 'string' && SERVICE_TYPES.includes(type)) {
      draft.services.push(mapService(manifest, draft));
      serviceManifests.push(manifest);
      workloads.services.push(workload);
    } else if (type === 'Worker Service') {
      draft.workers.push(mapWorker(manifest, draft));
      workloads.workers.push(workload);
    } else if (type === 'Scheduled Job') {
      draft.jobs.push(mapJob(manifest, draft));
      workloads.jobs.push(workload);
    } else if (type === 'Static Site' && workloads.staticSite === undefined) {
      draft.project.staticSite = mapStaticSite(manifest, draft);
      workloads.staticSite = workload;
    } else {
      workloads.notMigrated.push(workload);
      notMigrated(manifest, typeof type === 'string' ? type : 'workload');
    }
  });
  return { workloads, serviceManifests };
}

/** The draft as the options of `EcsServiceProject`, load-balanced services first. */
function projectOptions(application: string, region: string, draft: ProjectDraft, adoptions: Adoption[]): Draft {
  const environments = draft.environments.map((environment) => {
    const adopt = adoptions.filter((adoption) => adoption.environment === environment.name).map((adoption) => ({
      kind: new EnumMember('AdoptedResourceKind', adoption.kind.toUpperCase().replace(/-/g, '_'), adoption.kind),
      id: adoption.id,
      ...(adoption.service !== undefined ? { service: adoption.service } : {}),
      ...(adoption.dataResource !== undefined ? { dataResource: adoption.dataResource } : {}),
    }));
    return adopt.length > 0 ? { ...environment, adopt } : environment;
  });
  const services = [...draft.services].sort((a, b) => Number(a.loadBalanced === false) - Number(b.loadBalanced === false));
  return {
    name: application,
    defaultReleaseBranch: 'main',
    devDeps: ['projen-cdktf-ecs'],
    region,
    environments,
    ...draft.project,
    services,
    ...(draft.workers.length > 0 ? { workers: draft.workers } : {}),
    ...(draft.jobs.length > 0 ? { jobs: draft.jobs } : {}),
    ...(draft.dataOptions() ? { data: draft.dataOptions() } : {}),
  };
}

/** Every field of a workload we cannot migrate, reported under its type. */
function notMigrated(manifest: Manifest, type: string): void {
  manifest.keys('').forEach((key) => manifest.explainRest(key, `is part of a ${type}, which has no equivalent option; the workload is not migrated`));
}

/** Environment names, in the order of the first pipeline's stages when there is one, else alphabetical. */
function orderedEnvironments(dir: string): string[] {
  const names = subdirectories(join(dir, 'environments')).filter((name) => existsSync(join(dir, 'environments', name, 'manifest.yml'))).sort();
  const pipeline = pipelineManifests(dir)[0];
  if (pipeline === undefined) {
    return names;
  }
  const stages = Manifest.read(join(dir, ...pipeline), '').peek('stages');
  const order = Array.isArray(stages) ? stages.filter(isMap).map((stage) => String(stage.name)) : [];
  return [...order.filter((name) => names.includes(name)), ...names.filter((name) => !order.includes(name))];
}

function workloadDirectories(dir: string): string[] {
  return subdirectories(dir).filter((name) => name !== 'environments' && name !== 'pipelines' && existsSync(join(dir, name, 'manifest.yml'))).sort();
}

function addonTemplates(dir: string): string[][] {
  const owners = [['environments'], ...workloadDirectories(dir).map((name) => [name])];
  return owners.flatMap((owner) => {
    const addons = join(dir, ...owner, 'addons');
    return existsSync(addons)
      ? readdirSync(addons).filter((file) => /\.ya?ml$/.test(file) && !file.startsWith('addons.parameters')).sort().map((file) => [...owner, 'addons', file])
      : [];
  });
}

function pipelineManifests(dir: string): string[][] {
  return subdirectories(join(dir, 'pipelines')).filter((name) => existsSync(join(dir, 'pipelines', name, 'manifest.yml'))).sort()
    .map((name) => ['pipelines', name, 'manifest.yml']);
}

function subdirectories(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()) : [];
}
