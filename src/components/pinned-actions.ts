/**
 * Third-party GitHub Actions used by the generated workflows, pinned by full commit SHA.
 */
export const PINNED_ACTIONS = {
  setupTerraform: { uses: 'hashicorp/setup-terraform@dfe3c3f87815947d99a8997f908cb6525fc44e9e', version: 'v4.0.1' },
} as const;
