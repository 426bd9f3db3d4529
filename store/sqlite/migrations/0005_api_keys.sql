-- API keys the server accepts for writes: the secret's SHA-256 only, never the secret.
CREATE TABLE api_keys (
    id      TEXT NOT NULL PRIMARY KEY,
    name    TEXT NOT NULL,
    hash    BLOB NOT NULL,
    created TEXT NOT NULL,
    revoked TEXT
) STRICT;
