import { readdirSync, readFileSync } from 'fs';
import { join, posix, relative, sep } from 'path';
import { Component, Project } from 'projen';
import { ManagedSourceFile } from './managed-source-file';

/**
 * Where the platform's TypeScript sources ship inside this package: `src/platform/` next to `lib/`.
 */
export const PLATFORM_SOURCE_DIR = join(__dirname, '..', '..', 'src', 'platform');

/**
 * Writes the platform constructs and stacks into the service repository as managed files, so
 * every `npx projen` brings them to this package's version and a template upgrade shows up as
 * a reviewable diff.
 */
export class PlatformSources extends Component {
  /** Paths of the written files, relative to the project root. */
  public readonly files: string[];

  /**
   * @param project the service project
   * @param targetDir directory in the project that receives the sources
   */
  constructor(project: Project, targetDir: string) {
    super(project);
    this.files = listSources(PLATFORM_SOURCE_DIR).map((file) => {
      const target = posix.join(targetDir, relative(PLATFORM_SOURCE_DIR, file).split(sep).join(posix.sep));
      new ManagedSourceFile(project, target, readFileSync(file, 'utf-8'));
      return target;
    });
  }
}

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        return listSources(path);
      }
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
    });
}
