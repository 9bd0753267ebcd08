import { commandUsage, overallUsage, parseArgs, wantsHelp } from './args';
import { COMMANDS, type Command } from './commands';
import { describeError, exitCodeOf, UsageError } from './errors';
import type { CliIo } from './evaluate';

// bin/qianqi: help, then the arguments checked against the command's spec, and only then does the command act — a
// mistyped command line changes nothing. Usage errors exit 2 with the usage on stderr, failures exit 1.

const io: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(`${s}\n`),
};

type Found =
  | { kind: 'command'; command: Command; rest: string[] }
  | { kind: 'group'; word: string; commands: Command[]; rest: string[] }
  | { kind: 'unknown' };

function find(argv: string[]): Found {
  const [first, second] = argv;
  const two = second === undefined ? undefined : COMMANDS.find((c) => c.name === `${first} ${second}`);
  if (two) return { kind: 'command', command: two, rest: argv.slice(2) };
  const one = COMMANDS.find((c) => c.name === first);
  if (one) return { kind: 'command', command: one, rest: argv.slice(1) };
  const group = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
  if (group.length) return { kind: 'group', word: first, commands: group, rest: argv.slice(1) };
  return { kind: 'unknown' };
}

const groupUsage = (commands: Command[]) => commands.map(commandUsage).join('\n\n');

function unknown(word: string): number {
  io.err(`${word.startsWith('-') ? '未知选项' : '未知命令'}：${word}\n\n${overallUsage(COMMANDS)}`);
  return 2;
}

/** `help`, `help CMD`, `help audit` (the group's commands). */
function help(topic: string[]): number {
  if (!topic.length || wantsHelp(topic)) {
    io.out(`${overallUsage(COMMANDS)}\n`);
    return 0;
  }
  const found = find(topic);
  if (found.kind === 'unknown') return unknown(topic[0]);
  io.out(`${found.kind === 'command' ? commandUsage(found.command) : groupUsage(found.commands)}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return help([]);
  if (first === 'help') return help(rest);
  const found = find(argv);
  if (found.kind === 'unknown') return unknown(first);
  if (found.kind === 'group') {
    const usage = groupUsage(found.commands);
    if (wantsHelp(found.rest)) {
      io.out(`${usage}\n`);
      return 0;
    }
    const sub = found.rest[0];
    const subs = found.commands.map((c) => c.name.slice(found.word.length + 1)).join('|');
    const why =
      sub === undefined || sub.startsWith('-')
        ? `缺少子命令：${found.word} ${subs}`
        : `未知子命令：${found.word} ${sub}`;
    io.err(`${why}\n\n${usage}`);
    return 2;
  }
  const { command } = found;
  const usage = commandUsage(command);
  if (wantsHelp(found.rest)) {
    io.out(`${usage}\n`);
    return 0;
  }
  const parsed = parseArgs(command, found.rest);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${usage}`);
    return 2;
  }
  try {
    return await command.run(parsed.args, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n\n${usage}`);
    return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    io.err(describeError(err));
    process.exit(exitCodeOf(err));
  },
);
