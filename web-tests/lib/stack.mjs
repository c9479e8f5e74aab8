// Starts the real local stack (deploy/local-stack) on a throw-away data folder and reads its dev tokens.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { TARGET_DIR } from './browser.mjs';

// WEB_TESTS_REPO_ROOT points at another checkout whose jars are built (e.g. a merge of the service branches).
export const REPO_ROOT = resolve(process.env.WEB_TESTS_REPO_ROOT || resolve(dirname(fileURLToPath(import.meta.url)), '../..'));
export const STACK_JAR = join(REPO_ROOT, 'deploy/local-stack/target/local-stack-exec.jar');
export const SERVICE_JARS = ['dashboard-api', 'integration-service', 'webhook-ingest-service', 'analysis-service']
  .map((m) => join(REPO_ROOT, m, 'target', `${m}-0.1.0-SNAPSHOT.jar`));
export const EMULATOR_JAR = join(REPO_ROOT, 'deploy/fathom-emulator/target/fathom-emulator-0.1.0-SNAPSHOT.jar');
export const PROVIDER_JAR = join(REPO_ROOT, 'deploy/dev-identity-provider/target/dev-identity-provider-0.1.0-SNAPSHOT.jar');
/**
 * The design's fixed ports the stack binds (services, emulator, fake OpenAI, dev identity provider, their management
 * ports, Kafka, MongoDB).
 */
export const STACK_PORTS = [8080, 8081, 8082, 8083, 8090, 8091, 9000, 9080, 9081, 9082, 9083, 9090, 9092, 9093, 10000, 27017];
export const URLS = { dashboard: 'http://localhost:8080', integration: 'http://localhost:8082', analysis: 'http://localhost:8083', emulator: 'http://localhost:8090', provider: 'http://localhost:9000' };
/** The dev identity provider's seeded users' password (APP_DEV_PASSWORD overrides it, for the stack and here). */
export const DEV_PASSWORD = process.env.APP_DEV_PASSWORD || 'dev-password';

/** Why the stack cannot run here, or null when its jars are built. */
export function missingJars() {
  const missing = [STACK_JAR, ...SERVICE_JARS, EMULATOR_JAR, PROVIDER_JAR].filter((jar) => !existsSync(jar));
  return missing.length ? `jars not built (run ./mvnw -q -B -ntp -DskipTests package): ${missing.map((m) => m.slice(REPO_ROOT.length + 1)).join(', ')}` : null;
}

function portFree(port) {
  return new Promise((ok) => {
    const server = createServer().once('error', () => ok(false)).once('listening', () => server.close(() => ok(true)));
    server.listen(port, '127.0.0.1');
  });
}

export async function busyPorts() {
  const busy = [];
  for (const port of STACK_PORTS) if (!(await portFree(port))) busy.push(port);
  return busy;
}

/**
 * java -Dstack.root=<repo> -Dstack.data=<temp> -jar local-stack-exec.jar --fake-openai; resolves once the banner
 * ("... is running ...") and both dev tokens were printed. The output is kept in target/local-stack.log.
 */
export async function startStack({ timeoutMs = 6 * 60 * 1000 } = {}) {
  const data = mkdtempSync(join(tmpdir(), 'web-tests-stack-'));
  mkdirSync(TARGET_DIR, { recursive: true });
  const log = createWriteStream(join(TARGET_DIR, 'local-stack.log'));
  const java = spawn('java', [`-Dstack.root=${REPO_ROOT}`, `-Dstack.data=${data}`, '-jar', STACK_JAR, '--fake-openai'],
    { cwd: REPO_ROOT, env: { ...process.env, OPENAI_API_KEY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  java.stderr.pipe(log, { end: false });
  const exited = new Promise((ok) => java.once('exit', (code, signal) => ok({ code, signal })));
  const tokens = {};
  let running = false;
  const ready = new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the stack did not print "is running" and the tokens within ${timeoutMs / 1000} s (see target/local-stack.log)`)), timeoutMs);
    createInterface({ input: java.stdout }).on('line', (line) => {
      log.write(`${line}\n`);
      if (line.includes('is running')) running = true;
      const token = /export (REP_TOKEN|HEAD_TOKEN)=(\S+)/.exec(line);
      if (token) tokens[token[1]] = token[2];
      if (running && tokens.REP_TOKEN && tokens.HEAD_TOKEN) {
        clearTimeout(timer);
        ok();
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`the stack exited early (code ${code}, signal ${signal}); see target/local-stack.log`));
    });
  });

  async function stop() {
    if (java.exitCode === null && java.signalCode === null) {
      java.kill('SIGTERM'); // the stack's shutdown hook stops the services, then Kafka and MongoDB
      const killer = setTimeout(() => java.kill('SIGKILL'), 90000);
      await exited;
      clearTimeout(killer);
    }
    log.end();
    rmSync(data, { recursive: true, force: true });
  }

  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { repToken: tokens.REP_TOKEN, headToken: tokens.HEAD_TOKEN, stop, dataDir: data };
}
