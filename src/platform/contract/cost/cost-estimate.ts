/** One line of a monthly cost estimate. */
export interface CostLineItem {
  /** What is paid for, e.g. `NAT gateways`. */
  readonly what: string;
  /** How much of it a month, in `unit`. */
  readonly quantity: number;
  /** The unit of the quantity, e.g. `hours`, `vCPU-hours`, `GB`. */
  readonly unit: string;
  /** USD per unit. */
  readonly unitPrice: number;
  /** USD a month: quantity × unit price. */
  readonly monthly: number;
}

/** The estimated monthly cost of one environment, with what it assumes. */
export interface CostEstimate {
  /** Environment name. */
  readonly environment: string;
  /** Region whose prices were used. */
  readonly region: string;
  /** Whether the price table knows the region; without prices there are no line items. */
  readonly priced: boolean;
  /** What is paid for. */
  readonly lineItems: CostLineItem[];
  /** USD a month: the sum of the line items. */
  readonly total: number;
  /** What the estimate assumes, to be printed with it. */
  readonly assumptions: string[];
  /** What the estimate could not price (unknown region or instance type), to be printed with it. */
  readonly warnings: string[];
}

/** Hours in an average month (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

/** CloudWatch Logs ingested per environment and month when the caller does not say (GB). */
export const DEFAULT_LOGS_GB_PER_MONTH = 5;

/** A line item whose monthly amount is quantity × unit price. */
export function lineItem(what: string, quantity: number, unit: string, unitPrice: number): CostLineItem {
  return { what, quantity, unit, unitPrice, monthly: quantity * unitPrice };
}
