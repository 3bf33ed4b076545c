/** A GitHub Action pinned to the full commit SHA of a release. */
export interface PinnedAction {
  /** `owner/repo@<40-hex commit SHA>`. */
  readonly uses: string;
  /** The release tag the commit belongs to, written next to the pin as `# vX.Y.Z`. */
  readonly version: string;
}

/**
 * Third-party GitHub Actions used by the generated workflows, pinned by full commit SHA.
 */
export const PINNED_ACTIONS = {
  setupTerraform: { uses: 'hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e', version: 'v4.0.1' },
  checkout: { uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  setupNode: { uses: 'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  uploadArtifact: { uses: 'actions/upload-artifact@043fb46d1a93c77aae656e7c1c64a875d1fc6a0a', version: 'v7.0.1' },
  downloadArtifact: { uses: 'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', version: 'v8.0.1' },
  githubScript: { uses: 'actions/github-script@3a2844b7e9c422d3c10d287c895573f7108da1b3', version: 'v9.0.0' },
  configureAwsCredentials: { uses: 'aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c', version: 'v6.2.3' },
  amazonEcrLogin: { uses: 'aws-actions/amazon-ecr-login@03f1aad4c6c7ffd436567f42f9384779290529bd', version: 'v2.1.7' },
  renderTaskDefinition: { uses: 'aws-actions/amazon-ecs-render-task-definition@138c24f321fdbdf7edee4a685519d253cae2cdea', version: 'v1.9.0' },
  createPullRequest: { uses: 'peter-evans/create-pull-request@5f6978faf089d4d20b00c7766989d076bb2fc7f1', version: 'v8.1.1' },
  deployTaskDefinition: { uses: 'aws-actions/amazon-ecs-deploy-task-definition@c465972ecbd160473f22e683363b422a5412a3de', version: 'v2.6.3' },
} as const satisfies Record<string, PinnedAction>;

/** The version of a pinned `uses` reference, or undefined when it is not one of ours. */
export function pinnedVersionOf(uses: string): string | undefined {
  return Object.values(PINNED_ACTIONS).find((action: PinnedAction) => action.uses === uses)?.version;
}

/** `owner/repo` of a pinned action. */
export function actionName(action: PinnedAction): string {
  return action.uses.slice(0, action.uses.indexOf('@'));
}
