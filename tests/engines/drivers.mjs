// WebDriver sessions for the three engines, from Debian's packages and
// crates.io: Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver driving MiniBrowser, under Xvfb). One driver process per
// session; every session request has a client-side timeout, because a
// driver that cannot start its browser may never answer.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Capabilities, WebDriver } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

export const ENGINES = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',').filter(Boolean);

async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

function within(ms, promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms); }),
  ]);
}

async function waitForStatus(url) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}: the driver did not start`);
}

let xvfb = null;
/** An X display for WebKit: the one given, or an Xvfb of our own. */
async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  if (!xvfb) {
    const n = 90 + Math.floor(Math.random() * 400);
    xvfb = { proc: spawn('Xvfb', [`:${n}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }), name: `:${n}` };
    await new Promise((r) => setTimeout(r, 400));
  }
  return xvfb.name;
}

export function stopXvfb() {
  xvfb?.proc.kill();
  xvfb = null;
}

const SETUP = {
  chromium: async (port) => ({
    cmd: '/usr/bin/chromedriver', args: [`--port=${port}`], env: {},
    caps: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: '/usr/bin/chromium',
        args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1024,900'],
      },
    },
  }),
  firefox: async (port) => ({
    cmd: 'geckodriver', args: ['--host', '127.0.0.1', '--port', String(port)], env: {},
    caps: { browserName: 'firefox', 'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '-width', '1024', '-height', '900'] } },
  }),
  webkit: async (port) => ({
    cmd: 'WebKitWebDriver', args: [`--port=${port}`, '--host=127.0.0.1'], env: { DISPLAY: await display() },
    caps: {},
  }),
};

/** Starts the engine's driver and a session; `session.quit()` ends both. */
export async function startSession(engine) {
  const port = await freePort();
  const { cmd, args, env, caps } = await SETUP[engine](port);
  if (cmd.startsWith('/') && !existsSync(cmd)) throw new Error(`${cmd} is missing: run scripts/setup.sh`);
  const proc = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStatus(url);
    const driver = WebDriver.createSession(new Executor(new HttpClient(url)), new Capabilities(caps));
    // 150 s: Firefox's first start on a new machine (profile, font cache) took
    // over 60 s while two builds shared the cores; later starts take ~2 s.
    await within(150_000, Promise.resolve(driver.getSession()), `${engine} session`);
    await driver.manage().setTimeouts({ script: 20_000, pageLoad: 30_000 });
    if (engine !== 'chromium') await driver.manage().window().setRect({ width: 1024, height: 900 }).catch(() => {});
    driver.engine = engine;
    const quit = driver.quit.bind(driver);
    driver.quit = async () => {
      await within(20_000, Promise.resolve(quit()), `${engine} quit`).catch(() => {});
      proc.kill();
    };
    return driver;
  } catch (e) {
    proc.kill();
    throw e;
  }
}
