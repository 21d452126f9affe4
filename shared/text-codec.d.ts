/**
 * TextEncoder and TextDecoder exist in every runtime shared/ runs in (browsers, workers, Node) but not in
 * the ES library shared/ compiles against; these are the parts it uses.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
