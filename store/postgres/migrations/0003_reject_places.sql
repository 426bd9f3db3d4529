-- A reject is identified by where it was read (file, line, position among the records of that line)
-- and by its text's digest, so that several bad records on one line, or two streams read from
-- standard input, keep an entry each.
ALTER TABLE rejects ADD COLUMN pos bigint NOT NULL DEFAULT 0;
ALTER TABLE rejects ADD COLUMN digest text NOT NULL DEFAULT '';
ALTER TABLE rejects DROP CONSTRAINT rejects_pkey;
ALTER TABLE rejects ADD PRIMARY KEY (file, line, pos, digest);
