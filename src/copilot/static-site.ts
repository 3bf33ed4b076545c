import { Draft, ProjectDraft } from './draft';
import { Manifest } from './manifest';

/** Maps a Static Site manifest onto `staticSite`; the files are uploaded after each deploy (see MIGRATION.md). */
export function mapStaticSite(manifest: Manifest, draft: ProjectDraft): Draft {
  manifest.take('name');
  manifest.take('type');
  const site: Draft = {};
  const alias = manifest.take('http.alias');
  if (typeof alias === 'string') {
    site.domainNames = [alias];
  }
  const certificate = manifest.take('http.certificate');
  if (typeof certificate === 'string') {
    site.certificateArn = certificate;
  }
  if (manifest.peek('files') !== undefined) {
    manifest.report('files', 'is uploaded with `aws s3 sync` to the static_site_bucket output after a deploy (see MIGRATION.md)');
    draft.notes.push(`${manifest.file}: upload the site's files with \`aws s3 sync <dir> s3://<static_site_bucket output>\` after each deploy.`);
  }
  return site;
}
