// Placeholder written by the assessment scaffold; the scores work replaces it with the page.
export function SchemePage() {
  return null;
}
