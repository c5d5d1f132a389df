/** What the document fixtures say: one source for the generator and for the tests that read the fixtures back. */

export type HandbookBlock = { kind: 'h1' | 'h2' | 'p'; text: string };

/** The handbook, page by page. h1/h2 are set in larger type; some headings carry a numbering style, one does not. */
export const HANDBOOK: HandbookBlock[][] = [
  [
    { kind: 'h1', text: '数据管理工作手册' },
    { kind: 'h2', text: '第一章　总则' },
    { kind: 'p', text: '为加强本市政务数据管理，提高数据质量和共享效率，保障数据安全，根据有关法律法规，结合本市实际，制定本手册。本手册适用于全市各级行政机关及其所属单位的数据管理工作。' },
    { kind: 'p', text: '数据管理工作坚持统筹规划、分级负责、安全可控、开放共享的原则，由市数据管理局负责统一协调和监督检查。' },
  ],
  [
    { kind: 'h2', text: '第二章　数据采集与备份' },
    { kind: 'p', text: '各单位应当按照“一数一源”的要求采集数据，同一数据不得重复采集。采集的数据应当在五个工作日内完成校验并登记到全市数据资源目录。' },
    { kind: 'p', text: '核心业务数据应当每日增量备份一次，每周全量备份一次，备份介质应当异地存放，保存期限不少于三年。' },
  ],
  [
    { kind: 'h2', text: '数据分类分级' },
    { kind: 'p', text: '数据按照重要程度分为核心数据、重要数据和一般数据三级。核心数据的访问须经分管领导书面批准，并全程留存操作日志。' },
    { kind: 'h2', text: '第三章　附则' },
    { kind: 'p', text: '本手册由市数据管理局负责解释，自2025年3月1日起施行。' },
  ],
];

/** The lines of the scanned notice (an image only: its text comes from OCR). */
export const SCANNED_PAGE = [
  '关于开展数据安全检查的通知',
  '各区县数据管理部门：',
  '市数据管理局定于2025年4月15日至4月30日开展全市数据安全专项检查。',
  '检查重点包括数据备份、访问权限和日志留存三个方面。',
  '请各单位于4月10日前报送自查报告。',
];
