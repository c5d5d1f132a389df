/** `npm run ask -- [--json] [--k N] "问题"`: answers one question from the terminal. */
import { ConfigError, loadConfig } from '../config.ts';
import { startEngine } from '../engine.ts';
import { AppError } from '../errors.ts';
import { parseAskArgs, USAGE } from './ask-args.ts';
import { formatAnswer } from './format-answer.ts';
import { stderrLogger } from './stderr-logger.ts';

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  try {
    const config = loadConfig();
    const qa = await startEngine(config, stderrLogger(config.LOG_LEVEL));
    const response = await qa.ask(args.question, { k: args.k });
    process.stdout.write(args.json ? `${JSON.stringify(response, null, 2)}\n` : formatAnswer(response));
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
    else throw error;
    return 1;
  }
}

process.exitCode = await main();
