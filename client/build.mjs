// Placeholder until the client lands: creates an empty dist/client so the server starts.
import { mkdirSync } from 'node:fs';
mkdirSync(new URL('../dist/client', import.meta.url), { recursive: true });
