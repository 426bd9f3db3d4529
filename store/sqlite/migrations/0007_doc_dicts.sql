-- doc_dicts holds the zstd dictionaries that ad_docs' records and extractions are compressed with.
-- A document of a kilobyte or two compressed alone finds little to refer back to; compressed
-- against a dictionary made from the store's first documents of its kind (their common keys,
-- markup and phrases) a record takes about a third of the bytes and an extraction a tenth. A frame
-- names its dictionary by id, so documents written with an older dictionary, or with none, stay
-- readable when another is added.
CREATE TABLE doc_dicts (
    id      INTEGER PRIMARY KEY, -- less dictIDBase, the dictionary id in each frame that uses it
    kind    TEXT    NOT NULL,    -- 'raw' (ad_docs.raw) or 'extraction' (ad_docs.extraction_z)
    dict    BLOB    NOT NULL,
    made_at TEXT    NOT NULL     -- UTC, RFC 3339
) STRICT;

-- extraction_z is the extraction JSON compressed; ad_docs.extraction is then ''. Ads stored before
-- keep their JSON in extraction until they are written again.
ALTER TABLE ad_docs ADD COLUMN extraction_z BLOB;
