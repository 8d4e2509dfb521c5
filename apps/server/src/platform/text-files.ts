// Reads the text files township offices produce: UTF-8 (with or without a BOM) or, when that
// does not decode, GB18030, which Excel on a Chinese Windows PC writes for "CSV".
import fs from 'node:fs';

export function readTextFile(file: string): string {
  const bytes = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
