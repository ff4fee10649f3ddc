#!/usr/bin/env node
// Entry point of the `stack` command. The CLI is written in TypeScript and runs from
// source through tsx, so `npx stack` works right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
