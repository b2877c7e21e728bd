/** `help [command]`: what the shell can do. */
import { ok, fail, type Command } from '../types.js';

export function helpCommand(table: () => readonly Command[]): Command {
  return {
    name: 'help',
    summary: 'list the commands, or show how to use one: help <command>',
    usage: 'help [command]',
    run(args) {
      const commands = table();
      if (args.length > 0) {
        const c = commands.find((x) => x.name === args[0] || x.name.startsWith(`${args[0]} `));
        return c ? ok(`${c.name} — ${c.summary}\nusage: ${c.usage}`) : fail(`help: no command named ${args[0]}`);
      }
      const width = Math.max(...commands.map((c) => c.name.length));
      const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
      return ok(
        [
          'A shell over the last run. Nothing here changes the pipeline: it reads what the run left behind.',
          'kafka-consumer-groups --reset-offsets --execute and kafka-configs --alter change only what this',
          'terminal shows afterwards; the run is not repeated (press Run, or `sim run`, for a new one).',
          '',
          ...lines,
          '',
          'Tab completes commands, topics, groups, indices and files; ↑/↓ walk the history.',
        ].join('\n'),
      );
    },
    complete(args) {
      return args.length === 0 ? table().map((c) => c.name.split(' ')[0]!) : [];
    },
  };
}
