/** The desktop's Sealer: Electron's safeStorage (Keychain, DPAPI, or the Linux keyring). */
import type { Sealer } from '../services/lens/connections';

export interface OsSecretStore {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export function osSealer(store: OsSecretStore): Sealer {
  return {
    kind: 'os',
    seal(secret) {
      if (!store.isEncryptionAvailable())
        throw new Error(
          'this computer offers no protected storage for the Lens secret (on Linux, a keyring such as GNOME Keyring or KWallet): nothing was saved',
        );
      return store.encryptString(secret).toString('base64');
    },
    open: (sealed) => store.decryptString(Buffer.from(sealed, 'base64')),
  };
}
