/** A URL's host without "www." (the outlet a page belongs to), or null for no or a malformed URL. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}
