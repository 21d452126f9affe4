/**
 * Where a Lens secret may go (FORMATS.md §4): Poly's Lens hosts, or this machine where the environment
 * allows it. No schema library here: `csm` reads this at every start.
 */

/**
 * Poly's Lens hosts: the token at login.lens.poly.com, the API at api.silica-prod01.io.lens.poly.com,
 * whose name "may vary by Poly Lens environment" (research/lens.md §2), so any name under lens.poly.com.
 */
const LENS_HOST = /^([a-z0-9-]+\.)*lens\.poly\.com$/;
const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/;

/**
 * The setting that lets Lens addresses be on this machine (a test's fake Lens, a local proxy):
 * `CSM_LENS_LOOPBACK=1` in the environment of the app, the browser host or `csm`.
 */
export const LOOPBACK_SETTING = 'CSM_LENS_LOOPBACK';

/** Whether an environment allows Lens addresses on this machine. */
export const allowsLoopback = (env: Record<string, string | undefined>): boolean =>
  env[LOOPBACK_SETTING] === '1';

/**
 * Why `value` is not an address a Lens secret may go to, or null when it is: https to one of Poly's
 * Lens hosts (default port, no user name), or, where `isLoopbackAllowed` (a test's fake Lens, a proxy on
 * this machine), http or https to this machine. Never another host, nor a private address.
 */
export function lensEndpointProblem(value: string, isLoopbackAllowed: boolean): string | null {
  // scheme :// host [:port] [path]; no user name (an "@" in the authority), printable ASCII only.
  const [, scheme, host, port] =
    /^(https?):\/\/([a-z0-9.-]+|\[::1\])(:\d{1,5})?(?:[/?#][\x21-\x7e]*)?$/i.exec(value) ?? [];
  const name = host?.toLowerCase() ?? '';
  if (isLoopbackAllowed && LOOPBACK_HOST.test(name)) return null;
  if (scheme?.toLowerCase() === 'https' && port === undefined && LENS_HOST.test(name)) return null;
  return `${value}: not an address of Poly Lens (https://….lens.poly.com)`;
}
