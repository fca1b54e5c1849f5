/**
 * Return a normalised absolute http(s) URL, or null for anything else
 * (`javascript:`, `data:`, relative, malformed). Server-provided URLs are only
 * ever put into href/src after passing through this.
 */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}
