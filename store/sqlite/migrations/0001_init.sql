-- ads holds one row per ad key: what the statistics and duplicate detection read. Large documents
-- (the raw record, the extraction JSON, the signature) live in ad_docs so that scans of ads stay small.
CREATE TABLE ads (
    id           INTEGER PRIMARY KEY,
    source       TEXT    NOT NULL,
    ext_id       TEXT    NOT NULL,
    content_hash INTEGER NOT NULL,
    dup_of       INTEGER REFERENCES ads (id) DEFERRABLE INITIALLY DEFERRED, -- the first copy; NULL for a first copy
    company      TEXT    NOT NULL DEFAULT '',
    title_raw    TEXT    NOT NULL DEFAULT '',
    title_norm   TEXT    NOT NULL DEFAULT '',
    seniority    TEXT    NOT NULL DEFAULT '',
    emp_type     TEXT    NOT NULL DEFAULT '',
    hours        TEXT    NOT NULL DEFAULT '',
    ir35         TEXT    NOT NULL DEFAULT '',
    work_mode    TEXT    NOT NULL DEFAULT '',
    salary_min   REAL,
    salary_max   REAL,
    currency     TEXT    NOT NULL DEFAULT '',
    period       TEXT    NOT NULL DEFAULT '',
    annual       REAL,
    salary_text  TEXT    NOT NULL DEFAULT '',
    country      TEXT    NOT NULL DEFAULT '',
    nation       TEXT    NOT NULL DEFAULT '',
    region       TEXT    NOT NULL DEFAULT '',
    county       TEXT    NOT NULL DEFAULT '',
    place        TEXT    NOT NULL DEFAULT '',
    remote       INTEGER NOT NULL DEFAULT 0,
    location_raw TEXT    NOT NULL DEFAULT '',
    posted_at    TEXT, -- YYYY-MM-DD
    closed_at    TEXT, -- YYYY-MM-DD
    url          TEXT    NOT NULL DEFAULT '',
    UNIQUE (source, ext_id)
) STRICT;

CREATE INDEX ads_posted_at ON ads (posted_at);
CREATE INDEX ads_dup_of ON ads (dup_of) WHERE dup_of IS NOT NULL;

-- ad_docs.term_ids and ad_docs.bands list, as JSON arrays, the ad's rows in ad_terms and ad_bands,
-- so that replacing an ad can remove them without an index on ad_id in those tables (which would
-- slow every insert). Anything that deletes ads must delete those rows first, by the same lists.
CREATE TABLE ad_docs (
    ad_id      INTEGER PRIMARY KEY REFERENCES ads (id),
    term_ids   TEXT NOT NULL, -- [terms.id, ...]
    bands      TEXT NOT NULL, -- [band, ...]
    signature  BLOB,
    extraction TEXT NOT NULL, -- jobscope.Extraction as JSON
    raw        BLOB           -- the record as read
) STRICT;

-- terms holds every term an ad cites: skills (with their category), normalised titles, locations
-- (any of country, nation, region, place), and, as kind 'county', a county that is none of the
-- ad's other location values (found by Facts, not listed by Terms). ads is the number of
-- canonical ads citing the term, kept exact by Apply so that listing terms reads one small table.
CREATE TABLE terms (
    id       INTEGER PRIMARY KEY,
    kind     TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    category TEXT    NOT NULL,
    ads      INTEGER NOT NULL DEFAULT 0,
    UNIQUE (kind, name, category)
) STRICT;

-- ad_terms says which ads cite which term; ordered by term, it answers "the ads citing X" with one
-- range read. Rows are two integers, so it stays small and quick to write.
CREATE TABLE ad_terms (
    term_id INTEGER NOT NULL, -- terms.id
    ad_id   INTEGER NOT NULL, -- ads.id
    PRIMARY KEY (term_id, ad_id)
) STRICT, WITHOUT ROWID;

-- ad_bands indexes the ads' LSH band keys for duplicate candidates.
CREATE TABLE ad_bands (
    band  INTEGER NOT NULL,
    ad_id INTEGER NOT NULL, -- ads.id
    PRIMARY KEY (band, ad_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE rejects (
    file   TEXT    NOT NULL,
    line   INTEGER NOT NULL,
    reason TEXT    NOT NULL,
    record TEXT    NOT NULL,
    at     TEXT    NOT NULL, -- UTC, fixed-width RFC 3339 with nanoseconds, so that text order is time order
    PRIMARY KEY (file, line)
) STRICT;

CREATE INDEX rejects_at ON rejects (at);
