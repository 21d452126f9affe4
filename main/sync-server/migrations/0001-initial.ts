/** The team book's first schema: users, the version counter, records, the change log, receipts, blobs. */
export default `
CREATE TABLE sync_users (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('admin', 'csm', 'account-manager', 'read-only')),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One row every write transaction updates: its version orders commits, so a pull by version never
-- skips a change that committed after a later one (a bare sequence does: research/sync.md §4).
CREATE TABLE sync_counter (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  version bigint NOT NULL
);
INSERT INTO sync_counter (one, version) VALUES (true, 0);

CREATE TABLE sync_records (
  entity text NOT NULL,
  id text NOT NULL,
  data jsonb,
  field_versions jsonb NOT NULL DEFAULT '{}',
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  updated_by bigint NOT NULL REFERENCES sync_users (id),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (entity, id),
  CHECK (deleted OR data IS NOT NULL)
);
CREATE UNIQUE INDEX sync_records_version ON sync_records (version);

-- The invariants that matter most, held by the database whatever a client sends.
CREATE UNIQUE INDEX one_true_up_per_term ON sync_records
  ((data ->> 'contractId'), (data ->> 'termStart'), (data ->> 'category'))
  WHERE entity = 'trueUps' AND NOT deleted;
ALTER TABLE sync_records ADD CONSTRAINT applied_true_up_has_po CHECK (
  entity <> 'trueUps' OR deleted OR data ->> 'state' <> 'applied'
  OR coalesce(btrim(data ->> 'poNumber'), '') <> ''
);
CREATE UNIQUE INDEX contract_number_per_customer ON sync_records
  ((data ->> 'customerId'), lower(btrim(data ->> 'number')))
  WHERE entity = 'contracts' AND NOT deleted;

-- Who changed what and when, by the server's clock; only the fields that changed.
CREATE TABLE sync_log (
  version bigint PRIMARY KEY,
  entity text NOT NULL,
  id text NOT NULL,
  op text NOT NULL CHECK (op IN ('put', 'delete')),
  fields jsonb NOT NULL,
  user_id bigint NOT NULL REFERENCES sync_users (id),
  client_id uuid NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX sync_log_record ON sync_log (entity, id, client_id, version);

CREATE TABLE sync_clients (
  client_id uuid PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES sync_users (id),
  seen_at timestamptz NOT NULL
);

-- The answer to each pushed change, so a repeated push has the same answer and no second effect.
CREATE TABLE sync_receipts (
  client_id uuid NOT NULL REFERENCES sync_clients (client_id),
  seq bigint NOT NULL,
  receipt jsonb NOT NULL,
  PRIMARY KEY (client_id, seq)
);

CREATE TABLE sync_conflicts (
  id bigserial PRIMARY KEY,
  entity text NOT NULL,
  record_id text NOT NULL,
  client_id uuid NOT NULL,
  seq bigint NOT NULL,
  user_id bigint NOT NULL REFERENCES sync_users (id),
  detail jsonb NOT NULL,
  at timestamptz NOT NULL
);

-- Device lists: immutable gzip objects by content hash.
CREATE TABLE sync_blobs (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  created_by bigint NOT NULL REFERENCES sync_users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
`;
