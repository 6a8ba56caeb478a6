-- Ed25519 signing keys (issue 11). A district copy keeps its own key pair and every unit's public key;
-- a unit copy keeps its own key pair (from the enrolment file) and the district's public key.
-- A re-keyed unit's old key is kept, revoked, so its packages are refused by name rather than as unknown.
CREATE TABLE signing_key (
    key_id TEXT PRIMARY KEY,              -- first 16 hex digits of SHA-256 over the raw public key
    owner TEXT NOT NULL,                  -- a unit code, or 'district'
    public_key TEXT NOT NULL,             -- base64 of the 32-byte Ed25519 public key
    private_key TEXT,                     -- base64 of the 32-byte private key: only this copy's own key
    created_at TEXT NOT NULL,
    revoked_at TEXT,                      -- set when the district re-keys the unit
    revoked_by TEXT
);
CREATE UNIQUE INDEX signing_key_one_in_force ON signing_key(owner) WHERE revoked_at IS NULL;
