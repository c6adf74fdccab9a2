#!/usr/bin/env node
/**
 * The rxmon daemon's entry point: `node dist/main.js [--config file]` (what `npm start` runs).
 * See `rxmon --help`.
 */
import { run } from './cli/run.js';

const code = await run(process.argv.slice(2));
// Everything is unsubscribed by now; exit at once rather than wait for stray handles.
process.exit(code);
