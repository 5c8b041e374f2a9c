/**
 * Stands in for react-style-singleton's `stylesheetSingleton` (used by GraphiQL's dialogs through Radix and
 * react-remove-scroll): the original appends a <style> element, which our CSP (style-src 'self') refuses; this one adds
 * the same rules as a constructed stylesheet, which the CSP allows. Swapped in by client/build.mjs.
 */
export const stylesheetSingleton = () => {
  let counter = 0;
  let sheet: CSSStyleSheet | null = null;
  return {
    add(style: string): void {
      if (counter === 0 && typeof document !== 'undefined') {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(style);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      counter++;
    },
    remove(): void {
      counter--;
      if (!counter && sheet) {
        const removed = sheet;
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== removed);
        sheet = null;
      }
    },
  };
};
