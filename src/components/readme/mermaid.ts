/**
 * Small helpers that write Mermaid flowchart syntax safely: node ids from any text, and labels
 * whose quotes, angle brackets and hashes cannot end the label or start an entity.
 */

/** A node id: letters, digits and underscores only. */
export function mermaidId(...parts: string[]): string {
  return parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
}

/** A quoted label; `lines` are joined with line breaks. */
export function mermaidLabel(...lines: string[]): string {
  const escaped = lines.map((line) => line
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;'));
  return `"${escaped.join('<br/>')}"`;
}
