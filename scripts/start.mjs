// `npm start`: the desktop app where the Electron binary exists or can be fetched now (npm install
// runs no install scripts, so the first start fetches it); otherwise says so in one line and starts
// the browser host instead. Arguments after `--` go to the browser host (--port N, --no-open).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const installer = `${root}node_modules/electron/install.js`;

function fetchElectron() {
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return null;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 180_000, env });
  return electronBinary();
}

const binary = electronBinary() ?? fetchElectron();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
  : (console.log(
      'CSM Workstation: the Electron binary is not installed and cannot be downloaded here, so the app opens in your browser instead.',
    ),
    spawn(process.execPath, ['dist/host/host.cjs', ...args], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
