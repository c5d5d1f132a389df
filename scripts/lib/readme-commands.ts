/**
 * The shell commands of a README: every ```sh block, with how to check it, from an HTML comment on the line before
 * (`<!-- check: background -->`, `start`, `config`, `skip <why>`; `run` when there is none).
 */
export type CheckMode = 'run' | 'background' | 'start' | 'config' | 'skip';

export interface CommandBlock {
  /** 1-based line of the opening fence. */
  line: number;
  mode: CheckMode;
  reason: string;
  script: string;
}

const MODES: readonly CheckMode[] = ['run', 'background', 'start', 'config', 'skip'];
const MARKER = /^<!--\s*check:\s*(\w+)\s*(.*?)\s*-->$/;

export function readmeCommands(markdown: string): CommandBlock[] {
  const lines = markdown.split('\n');
  const blocks: CommandBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash|shell)\s*$/.test(lines[i]!)) {
      if (/^```/.test(lines[i]!)) i = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
      if (i < 0) break;
      continue;
    }
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end < 0) throw new Error(`README line ${i + 1}: the code block is not closed`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const marker = before >= 0 ? MARKER.exec(lines[before]!.trim()) : null;
    const mode = (marker?.[1] ?? 'run') as CheckMode;
    if (!MODES.includes(mode)) throw new Error(`README line ${before + 1}: unknown check mode "${mode}"`);
    blocks.push({ line: i + 1, mode, reason: marker?.[2] ?? '', script: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** `KEY=value` lines of a config block (comments and blank lines left out). */
export function envAssignments(script: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of script.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(trimmed);
    if (!match) throw new Error(`not a KEY=value line: ${trimmed}`);
    env[match[1]!] = match[2]!;
  }
  return env;
}
