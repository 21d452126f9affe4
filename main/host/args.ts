/** Command-line options of the browser host. */
export interface HostOptions {
  port: number;
  shouldOpen: boolean;
}

/** The fixed default port: the browser's IndexedDB belongs to the origin, so the port must not wander. */
export const DEFAULT_PORT = 4517;

export function parseHostArgs(argv: readonly string[]): HostOptions {
  const options: HostOptions = { port: DEFAULT_PORT, shouldOpen: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-open') options.shouldOpen = false;
    else if (arg === '--port' || arg?.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        throw new Error(
          `--port needs a number from 1 to 65535, not ${JSON.stringify(value ?? '')}`,
        );
      options.port = port;
    } else throw new Error(`unknown option ${arg ?? ''} (use --port N, --no-open)`);
  }
  return options;
}
