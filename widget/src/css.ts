/**
 * Styles go in through constructable stylesheets only: a storefront with a strict CSP
 * (`style-src 'self'`) blocks <style> elements and style attributes, but not these. Throws in
 * browsers without them (Safari before 16.4): the loader then shows nothing.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
