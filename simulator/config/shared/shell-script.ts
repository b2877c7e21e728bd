/**
 * The commands of a shell script as a person writes them for a tool (`topics.sh`, `runbook.sh`): a
 * line ending in `\` continues on the next; blank lines, comments, `#!` and `set …` are not commands.
 */
export interface ScriptCommand {
  /** The command with its continuations joined by a space. */
  readonly text: string;
  /** 1-based line the command starts on, and the line it ends on. */
  readonly line: number;
  readonly endLine: number;
  /** Leading blanks before the command on its first line. */
  readonly indent: number;
  /** Length of the command's last line (the end column of a whole-command marker is this + 1). */
  readonly lastLineLength: number;
}

export function scriptCommands(text: string): ScriptCommand[] {
  const out: ScriptCommand[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let command = lines[i]!;
    while (/\\$/.test(command) && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++i]!}`;
    const trimmed = command.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^set\s/.test(trimmed)) continue;
    out.push({ text: command, line, endLine: i + 1, indent: command.length - command.trimStart().length, lastLineLength: lines[i]!.length });
  }
  return out;
}
