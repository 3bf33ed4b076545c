/**
 * The typed shape of a CloudWatch dashboard body (the subset the environment dashboard uses), so
 * the body is built as data and serialized once. See the CloudWatch "Dashboard Body Structure and Syntax".
 */

/** How one metric (or expression) of a widget is drawn and aggregated. */
export interface MetricRenderOptions {
  readonly stat?: string;
  readonly label?: string;
  readonly id?: string;
  readonly expression?: string;
  readonly visible?: boolean;
  readonly yAxis?: 'left' | 'right';
}

/** `[namespace, metric name, dimension name, dimension value, ..., options]`, or `[{ expression }]`. */
export type MetricRow = ReadonlyArray<string | MetricRenderOptions>;

interface WidgetPlacement {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A graph of metrics and metric math expressions. */
export interface MetricWidget extends WidgetPlacement {
  readonly type: 'metric';
  readonly properties: {
    readonly title: string;
    readonly region: string;
    readonly view: 'timeSeries' | 'singleValue';
    readonly stacked: boolean;
    readonly period: number;
    readonly metrics: MetricRow[];
    readonly yAxis?: { readonly left: { readonly min: number; readonly max?: number; readonly label?: string } };
  };
}

/** The states of a list of alarms. */
export interface AlarmWidget extends WidgetPlacement {
  readonly type: 'alarm';
  readonly properties: { readonly title: string; readonly alarms: string[]; readonly sortBy?: 'stateUpdatedTimestamp'; readonly states?: string[] };
}

/** A Markdown header. */
export interface TextWidget extends WidgetPlacement {
  readonly type: 'text';
  readonly properties: { readonly markdown: string };
}

/** Any widget of the dashboard. */
export type DashboardWidget = MetricWidget | AlarmWidget | TextWidget;

/** The `dashboard_body` JSON document. */
export interface DashboardBody {
  readonly widgets: DashboardWidget[];
}

/** A widget before it is placed on the grid. */
export type UnplacedWidget =
  | Omit<MetricWidget, keyof WidgetPlacement>
  | Omit<AlarmWidget, keyof WidgetPlacement>
  | Omit<TextWidget, keyof WidgetPlacement>;

/** Dashboards are 24 units wide. */
export const DASHBOARD_COLUMNS = 24;

/**
 * Places widgets of the given size left to right, top to bottom, each row starting at `y`; a
 * narrower widget (text headers) takes a row of its own.
 */
export function layoutWidgets(widgets: UnplacedWidget[], width: number, height: number): DashboardWidget[] {
  let x = 0;
  let y = 0;
  return widgets.map((widget) => {
    const header = widget.type === 'text';
    if (header && x > 0 || x + width > DASHBOARD_COLUMNS) {
      x = 0;
      y += height;
    }
    const placed = { ...widget, x, y, width: header ? DASHBOARD_COLUMNS : width, height: header ? 1 : height } as DashboardWidget;
    if (header) {
      y += 1;
    } else {
      x += width;
    }
    return placed;
  });
}
