/**
 * The app:// protocol. The renderer is served from app://workstation (never file://), a standard, secure
 * origin whose IndexedDB survives updates. Registered privileged before the app is ready.
 */
import type { Protocol } from 'electron';
import { serveStatic } from '../services/static-files';

export const APP_SCHEME = 'app';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    allowServiceWorkers: false,
    corsEnabled: false,
    stream: true,
  },
};

export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererRoot: string,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'workstation' || request.method !== 'GET')
      return new Response('Not found', { status: 404 });
    const response = await serveStatic(rendererRoot, url.pathname);
    return new Response(response.body as ConstructorParameters<typeof Response>[0], {
      status: response.status,
      headers: response.headers,
    });
  });
}
