import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { CLUSTER_DOCS, CLUSTER_VARIABLES, clusterModule } from './cluster-module';
import type { ModuleFiles } from './module-json';
import { moduleApp } from './module-stack';
import { NETWORK_DOCS, NETWORK_VARIABLES, networkModule } from './network-module';
import { ModuleDocs, moduleReadme, modulesIndexReadme } from './readme';
import { SERVICE_DOCS, SERVICE_VARIABLES, serviceModule } from './service-module';
import type { ModuleVariable } from './variables';

/** A generated module: its files, the variables they declare and its README text. */
export interface GeneratedModule {
  readonly docs: ModuleDocs;
  readonly variables: ModuleVariable[];
  readonly files: ModuleFiles;
}

/**
 * Builds the network, cluster and service stacks in module mode, in one app so the cluster and
 * service stacks know their upstream stacks, and turns each into a module.
 */
export function generateModules(): GeneratedModule[] {
  const app = moduleApp();
  const network = networkModule(app);
  const cluster = clusterModule(app, network.stack);
  return [
    { docs: NETWORK_DOCS, variables: NETWORK_VARIABLES, files: network.files },
    { docs: CLUSTER_DOCS, variables: CLUSTER_VARIABLES, files: cluster.files },
    { docs: SERVICE_DOCS, variables: SERVICE_VARIABLES, files: serviceModule(app, network.stack, cluster.stack) },
  ];
}

/** The generated files of every module, by path relative to the modules directory. */
export function renderModules(modules: GeneratedModule[] = generateModules()): Record<string, string> {
  const files: Record<string, string> = {};
  for (const module of modules) {
    for (const [file, json] of Object.entries(module.files)) {
      files[`${module.docs.name}/${file}`] = `${JSON.stringify(json, undefined, 2)}\n`;
    }
    files[`${module.docs.name}/README.md`] = moduleReadme(module.docs, module.variables, module.files);
  }
  files['README.md'] = modulesIndexReadme(modules);
  return files;
}

/** Writes the generated files below `outdir`, leaving everything else there (tests, examples) alone. */
export function writeModules(outdir: string): string[] {
  const files = renderModules();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(outdir, path, '..'), { recursive: true });
    writeFileSync(join(outdir, path), text);
  }
  return Object.keys(files);
}

if (require.main === module) {
  const outdir = process.argv[2] ?? 'terraform-modules';
  const written = writeModules(outdir);
  console.log(`Wrote ${written.length} files of the Terraform modules to ${outdir}`);
}
