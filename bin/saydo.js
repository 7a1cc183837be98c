#!/usr/bin/env node
// The saydo command. saydo ships TypeScript sources (promptfoo loads them the same way),
// so the bin registers tsx and hands over to src/cli.ts.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
