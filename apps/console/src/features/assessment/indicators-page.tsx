// Placeholder written by the assessment scaffold; the indicators work replaces it with the page.
export function IndicatorsPage() {
  return null;
}
