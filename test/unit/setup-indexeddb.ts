// fake-indexeddb: an in-memory IndexedDB for logic and migration tests (never a performance proxy).
import 'fake-indexeddb/auto';
// dexie-export-import reads `self` at load, as browsers and workers have it.
Object.assign(globalThis, { self: globalThis });

// dexie-export-import reads backup slices with FileReader.readAsArrayBuffer, which browsers have and
// Node does not: the same read through Blob.arrayBuffer().
class NodeFileReader extends EventTarget {
  result: ArrayBuffer | null = null;
  error: unknown = null;
  onload: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor() {
    super();
    this.addEventListener('load', (event) => this.onload?.(event));
    this.addEventListener('error', (event) => this.onerror?.(event));
  }
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.dispatchEvent(new Event('load'));
      },
      (error: unknown) => {
        this.error = error;
        this.dispatchEvent(new Event('error'));
      },
    );
  }
}
if (typeof globalThis.FileReader === 'undefined')
  Object.assign(globalThis, { FileReader: NodeFileReader });
