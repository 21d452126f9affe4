// fake-indexeddb: an in-memory IndexedDB for logic and migration tests (never a performance proxy).
import 'fake-indexeddb/auto';
