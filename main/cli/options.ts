/** The `csm` command's arguments: options by name, and the error that says which one is wrong. */

/** Where a command prints. */
export interface Output {
  write(text: string): unknown;
}

/** Unusable arguments: the command prints the reason and exits 2. */
export class UsageError extends Error {}

/** Options by name: every value given (flags without a value give 'true'); `repeatable` may repeat. */
export class Options {
  constructor(private readonly values: Map<string, string[]>) {}
  get(name: string): string | undefined {
    return this.values.get(name)?.at(-1);
  }
  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }
  has(name: string): boolean {
    return this.values.has(name);
  }
}

export function parseOptions(
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
  repeatable: readonly string[] = [],
): Options {
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const name = arg.replace(/^--/, '').split('=')[0] ?? '';
    if (flags.includes(name) && arg === `--${name}`) options.set(name, ['true']);
    else if (valued.includes(name) && arg.startsWith('--')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (value === undefined || value === '' || value.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      if (options.has(name) && !repeatable.includes(name))
        throw new UsageError(`--${name} is given twice`);
      options.set(name, [...(options.get(name) ?? []), value]);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return new Options(options);
}
