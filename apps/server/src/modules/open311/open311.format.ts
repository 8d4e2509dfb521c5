// GeoReport v2 answers in the two formats the spec requires: XML (root element, one child element
// per item, no namespace) and JSON (a bare array, or an object for discovery), and its errors as
// a list of {code, description}. Times carry the +08:00 zone of the county.
export type Open311Format = 'json' | 'xml';

export function isFormat(value: string): value is Open311Format {
  return value === 'json' || value === 'xml';
}

export type XmlValue = string | number | boolean | null | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  readonly [name: string]: XmlValue;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char,
  );
}

/** `{ a: 1, b: [x, y] }` under `item` → `<item><a>1</a><b>…</b></item>`; arrays name children by `childNames`. */
function element(name: string, value: XmlValue, childNames: Readonly<Record<string, string>>): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = childNames[name] ?? 'item';
    return `<${name}>${value.map((item) => element(child, item, childNames)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([key, inner]) => element(key, inner, childNames))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole XML document. */
export function toXml(
  root: string,
  value: XmlValue,
  childNames: Readonly<Record<string, string>> = {},
): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, childNames)}`;
}

export interface Open311Error {
  readonly code: number;
  readonly description: string;
}

export function errorsBody(format: Open311Format, errors: readonly Open311Error[]): string {
  if (format === 'json') return JSON.stringify(errors);
  return toXml('errors', errors as unknown as XmlValue, { errors: 'error' });
}

const OFFSET_MS = 8 * 3600_000;

/** An instant as ISO 8601 in Shanghai time with its zone: 2026-11-24T09:30:00+08:00. */
export function shanghaiIso(iso: string | null): string | null {
  if (!iso) return null;
  return `${new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A date argument with or without time and zone; null when it is not one. */
export function parseOpen311Date(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  // A date without a zone is a Shanghai date.
  const withZone = /T|\s/.test(text)
    ? /(Z|[+-]\d{2}:?\d{2})$/.test(text)
      ? text
      : `${text}+08:00`
    : `${text}T00:00:00+08:00`;
  const ms = Date.parse(withZone.replace(' ', 'T'));
  return Number.isNaN(ms) ? null : ms;
}
