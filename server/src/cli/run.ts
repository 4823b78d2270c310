// `soc-ideas`: the engine on the command line, for CI and reviews. Exit 0 clean, 1 errors found, 2 trouble.
import { parseArgs, USAGE, UsageError } from './args';
import { FileError } from './files';
import { runLint, type CliIo } from './lint';
import { runOutline } from './outline';

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseArgs(argv);
    switch (command.command) {
      case 'help':
        io.stdout(`${USAGE}\n`);
        return 0;
      case 'version':
        io.stdout(`${io.version}\n`);
        return 0;
      case 'lint':
        return await runLint(command, io);
      case 'outline':
        return await runOutline(command, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`soc-ideas: ${e.message}`);
      io.stderr(USAGE);
    } else if (e instanceof FileError) {
      io.stderr(`soc-ideas: ${e.message}`);
    } else {
      io.stderr(`soc-ideas: internal error: ${e instanceof Error ? e.message : String(e)}`);
    }
    return 2;
  }
}
