// Once per test run: the box office app is built before any server starts, so every test server
// (browser tests and others alike) serves the same, current web/dist.
import { ensureWebBuilt } from '../web/build-if-stale.js';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
