// Placeholder written by the assessment scaffold; the bulletins work replaces it with the page.
export function BulletinsPage() {
  return null;
}
