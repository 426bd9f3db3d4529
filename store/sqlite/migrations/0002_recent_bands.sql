-- ad_bands_recent takes the band rows of the latest batches; Apply moves them into ad_bands in one
-- ordered pass once it holds about sqrt(rows of ad_bands × rows of a batch) rows. Band keys are
-- random, so a batch's rows written straight into ad_bands would each land on a different page of
-- the whole index, and every batch would rewrite most of it through the WAL: the cost of a batch
-- would grow with the store. Into a small table they dirty few pages, and the merge writes each
-- page of ad_bands once. Candidates reads both tables; a row is in exactly one of them.
CREATE TABLE ad_bands_recent (
    band  INTEGER NOT NULL,
    ad_id INTEGER NOT NULL, -- ads.id
    PRIMARY KEY (band, ad_id)
) STRICT, WITHOUT ROWID;
