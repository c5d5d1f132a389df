// Worker threads do not inherit the parent's TypeScript loader on Node 20, so this plain-JS entry
// loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./analyse-worker.ts', import.meta.url);
