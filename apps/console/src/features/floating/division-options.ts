// The provinces, cities and counties as cascader options, built once. Imported only through
// import() by division-cascader.tsx, so the division list is fetched when a form first needs it.
import { divisionChildren, divisionName } from '@gridwork/core';

export interface DivisionOption {
  readonly value: string;
  readonly label: string;
  readonly children?: DivisionOption[];
}

let options: DivisionOption[] | null = null;

function optionsUnder(code: string | null): DivisionOption[] {
  return divisionChildren(code).map((division) => {
    const children = division.code.length < 6 ? optionsUnder(division.code) : [];
    return children.length > 0 ? { value: division.code, label: division.name, children } : { value: division.code, label: division.name };
  });
}

export function divisionOptions(): DivisionOption[] {
  options ??= optionsUnder(null);
  return options;
}

/** The codes from the province down to `code`, for the cascader's value. */
export function divisionChain(code: string): string[] {
  const chain: string[] = [];
  for (let length = 2; length <= code.length; length += 2) chain.push(code.slice(0, length));
  return chain;
}

export { divisionName };
