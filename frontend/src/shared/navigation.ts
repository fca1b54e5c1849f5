/** Full-page navigation to a Django-rendered page (kept separate so tests can observe it). */
export function goTo(url: string): void {
  window.location.href = url;
}
