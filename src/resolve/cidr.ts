/**
 * An IPv4 CIDR block.
 */
export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit integer. */
  readonly network: number;
  readonly prefixLength: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns undefined when the text is not a CIDR block or has host bits set
 * (`10.0.0.1/16`), which AWS would reject.
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  const octets = match.slice(1, 5).map(Number);
  const prefixLength = Number(match[5]);
  if (octets.some((o) => o > 255) || prefixLength > 32) {
    return undefined;
  }
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefixLength);
  if (address % size !== 0) {
    return undefined;
  }
  return { network: address, prefixLength };
}

/** Renders a CIDR block as `a.b.c.d/n`. */
export function formatIpv4Cidr(cidr: Ipv4Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(cidr.network / 2 ** shift) % 256);
  return `${octets.join('.')}/${cidr.prefixLength}`;
}

/** The `index`-th subnet of `parent` that is `extraBits` longer in prefix. */
export function subnetOf(parent: Ipv4Cidr, extraBits: number, index: number): Ipv4Cidr {
  const prefixLength = parent.prefixLength + extraBits;
  return { network: parent.network + index * 2 ** (32 - prefixLength), prefixLength };
}
