/** `npm run ask -- [--json] [--k N] [--url URL | --local] "问题"`: answers one question from the terminal. */
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { startEngine } from '../engine.ts';
import { AppError } from '../errors.ts';
import { parseAskArgs, USAGE, type AskArgs } from './ask-args.ts';
import type { AskResponse } from '../types.ts';
import { formatAnswer } from './format-answer.ts';
import { askService, serviceReady } from './service-client.ts';
import { stderrLogger } from './stderr-logger.ts';

/** The running service's answer (the one named by --url, or one found at HOST:PORT), else the local index's. */
async function answer(config: Config, args: AskArgs): Promise<AskResponse> {
  const local = `http://${config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  const url = args.url ?? (!args.local && (await serviceReady(local)) ? local : undefined);
  if (url) return askService(url, args.question, { k: args.k, apiKey: process.env.ZHIDA_API_KEY });
  const qa = await startEngine(config, stderrLogger(config.LOG_LEVEL));
  return qa.ask(args.question, { k: args.k });
}

async function main(): Promise<number> {
  const args = parseAskArgs(process.argv.slice(2));
  if ('error' in args) {
    console.error(`${args.error}\n${USAGE}`);
    return 2;
  }
  try {
    const config = loadConfig();
    const response = await answer(config, args);
    process.stdout.write(args.json ? `${JSON.stringify(response, null, 2)}\n` : formatAnswer(response));
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof AppError) console.error(`${error.code}: ${error.message}`);
    else if (error instanceof Error && error.message.startsWith('no service answers')) console.error(error.message);
    else throw error;
    return 1;
  }
}

process.exitCode = await main();
