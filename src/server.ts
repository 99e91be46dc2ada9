// Starts Foyer: config -> database -> migrations -> demo data (empty database) -> listen.
import { ConfigError, loadConfig, type Config } from './config.js';
import { buildApp } from './app.js';
import { boot } from './boot.js';
import { createLogger } from './platform/logger.js';
import { demoLoginText, isEmpty, seedDemo } from './demo/seed.js';
import { demoOrganisation, demoShopText, startDemoMollie } from './demo/mollie.js';
import { startDemoSandboxes } from './demo/sandboxes.js';
import { createWorker } from './worker.js';

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(`Foyer cannot start: ${e.message}. The settings are listed in README.md (Configuration).`);
  process.exit(1);
}
const log = createLogger(config.logLevel);
const { handle, deps } = await boot(config, log);

if (config.seedDemo && (await isEmpty(deps))) {
  await seedDemo(deps, log);
  console.log(`\n${demoLoginText(config.publicUrl)}\n`);
}

// The demo pays through the Mollie sandbox, started here (src/demo/mollie.ts).
const demoMollie = await startDemoMollie(deps, config, log);
// And its DIP, UiTPAS and UiTdatabank stand-ins (src/demo/sandboxes.ts).
const demoSandboxes = config.demoSandboxes ? await startDemoSandboxes(deps) : null;
const closeDemo = async (): Promise<void> => {
  if (demoMollie?.running) await demoMollie.sandbox.close();
  await demoSandboxes?.close();
};

const worker = config.worker ? createWorker(deps, log, true, config.retention) : undefined;
const app = await buildApp(deps, { logger: log });
const demo = await demoOrganisation(deps);
try {
  await app.listen({ host: config.host, port: config.port });
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
  console.error(`Foyer cannot listen on ${config.host}:${config.port}: ${code === 'EADDRINUSE' ? 'the port is in use (is Foyer already running?)' : 'permission denied'}. Set PORT to another port.`);
  await worker?.stop();
  await closeDemo();
  await handle.close();
  process.exit(1);
}
// Printed in the same step as listen resolves, so the banner is out before the first request is answered.
log.info({ database: handle.dialect, url: config.publicUrl, sellConcurrency: config.sellConcurrency, sellQueue: config.sellQueue }, `Foyer is listening on ${config.publicUrl} (docs: ${config.publicUrl}/docs)`);
if (demo) console.log(`\nDemo Schouwburg online:\n${[demoShopText(config, demo.slug, demoMollie), ...(demoSandboxes?.lines ?? [])].join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log.info({ signal }, 'shutting down');
    void app.close().then(() => worker?.stop()).then(closeDemo).then(() => handle.close()).finally(() => process.exit(0));
  });
}
