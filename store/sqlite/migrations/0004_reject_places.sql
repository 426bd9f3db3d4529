-- A reject is identified by where it was read (file, line, position among the records of that line)
-- and by its text's digest, so that several bad records on one line, or two streams read from
-- standard input, keep an entry each.
CREATE TABLE rejects_new (
    file   TEXT    NOT NULL,
    line   INTEGER NOT NULL,
    pos    INTEGER NOT NULL DEFAULT 0,
    digest TEXT    NOT NULL DEFAULT '',
    reason TEXT    NOT NULL,
    record TEXT    NOT NULL,
    at     TEXT    NOT NULL,
    PRIMARY KEY (file, line, pos, digest)
) STRICT;
INSERT INTO rejects_new (file, line, pos, digest, reason, record, at)
    SELECT file, line, 0, '', reason, record, at FROM rejects;
DROP TABLE rejects;
ALTER TABLE rejects_new RENAME TO rejects;
CREATE INDEX rejects_at ON rejects (at);
