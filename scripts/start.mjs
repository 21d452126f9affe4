// `npm start`: the desktop app where the Electron binary exists; otherwise says so in one line and
// starts the browser host instead. Arguments after `--` go to the browser host (--port N, --no-open).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, ['.'], { cwd: root, stdio: 'inherit' })
  : (console.log(
      'CSM Workstation: the Electron binary is not installed here, so the app opens in your browser instead.',
    ),
    spawn(process.execPath, ['dist/host/host.cjs', ...args], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
