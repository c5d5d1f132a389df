/**
 * Builds elements from text only: children that are strings become text nodes, so document and
 * answer text can never turn into markup. Nothing on the page uses innerHTML.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return element;
}

/** The last path segment: `reports/2024/plan.txt` → `plan.txt`. */
export function fileName(source) {
  return source.split('/').pop() || source;
}

/** A section path as readers see it: `二、深度解读 › (一)中央和国家层面部署`. */
export function sectionPath(section) {
  return section.join(' › ');
}

/** Where in a PDF a citation starts: `第 3 页`, noting text read from a scan by OCR; empty for other documents. */
export function pageLabel(citation) {
  if (!citation.page) return '';
  return citation.ocr ? `第 ${citation.page} 页（扫描件识别）` : `第 ${citation.page} 页`;
}
