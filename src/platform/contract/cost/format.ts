import { CostEstimate } from './cost-estimate';

/** USD with two decimals: 4.28. */
export function formatUsd(value: number): string {
  return value.toFixed(2);
}

/** A quantity with up to three decimals, without trailing zeros: 136.875, 730. */
function formatQuantity(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * An estimate as Markdown: a table of line items with the total, then what it assumes and what it
 * could not price. Readable in a terminal as it is; GitHub renders it.
 */
export function formatCostEstimate(estimate: CostEstimate): string {
  const warnings = estimate.warnings.map((warning) => `> ⚠️ ${warning}`);
  if (!estimate.priced) return warnings.join('\n');
  const rows = estimate.lineItems.map((item) =>
    `| ${item.what} | ${formatQuantity(item.quantity)} ${item.unit} | ${item.unitPrice} | ${formatUsd(item.monthly)} |`);
  return [
    '| Item | Quantity a month | Unit price (USD) | Monthly (USD) |',
    '|---|---:|---:|---:|',
    ...rows,
    `| **Total** | | | **${formatUsd(estimate.total)}** |`,
    '',
    ...(warnings.length > 0 ? [...warnings, ''] : []),
    'Assumptions:',
    '',
    ...estimate.assumptions.map((assumption) => `- ${assumption}`),
  ].join('\n');
}
