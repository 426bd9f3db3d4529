-- API keys the server accepts for writes: the secret's SHA-256 only, never the secret.
CREATE TABLE api_keys (
    id      text        NOT NULL PRIMARY KEY,
    name    text        NOT NULL,
    hash    bytea       NOT NULL,
    created timestamptz NOT NULL,
    revoked timestamptz
);
