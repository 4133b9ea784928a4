import type { Page } from "@playwright/test";

/**
 * What sticks out of the window sideways, one line per outermost element: anything whose box ends
 * right of the viewport (or starts left of it) and is not inside a box that scrolls or clips on
 * purpose (a wide table in an `overflow-x-auto` wrapper), and any text that does so. The document's scrollWidth alone misses
 * elements the root clips, and says nothing of which element is at fault.
 */
export async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, window.scrollY);
    const width = document.documentElement.clientWidth;
    const contains = (el: Element) => /^(auto|scroll|hidden|clip)$/.test(getComputedStyle(el).overflowX);
    const inScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
        if (contains(a)) return true;
      return false;
    };
    const name = (el: Element) => {
      const cls =
        typeof el.className === "string" ? el.className.trim().split(/\s+/).slice(0, 4).join(".") : "";
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ""}>${text ? ` "${text}"` : ""}`;
    };
    const out: Element[] = [];
    const lines: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      // Screen-reader-only text is a 1 px box; empty boxes show nothing.
      if (r.width <= 1 || r.height <= 1) continue;
      const over = Math.max(r.right - width, -r.left);
      if (over < 1 || inScroller(el) || out.some((o) => o.contains(el))) continue;
      out.push(el);
      lines.push(`wider than the window by ${Math.round(over)} px: ${name(el)}`);
    }
    // Text sticks out of a box that stays within the window: a long unbroken word, say.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const parent = t.parentElement;
      if (!parent || !t.textContent?.trim() || out.some((o) => o.contains(parent))) continue;
      range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      const over = Math.max(r.right - width, -r.left);
      if (r.width <= 1 || over < 1 || contains(parent) || inScroller(parent)) continue;
      out.push(parent);
      lines.push(`text wider than the window by ${Math.round(over)} px: ${name(parent)}`);
    }
    const doc = document.documentElement.scrollWidth - width;
    if (doc > 0 && !lines.length) lines.push(`the page scrolls sideways by ${doc} px`);
    return lines.slice(0, 5);
  });
}
