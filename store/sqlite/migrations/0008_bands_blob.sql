-- bands_b holds an ad's LSH band keys as 8-byte big-endian integers, one after another: 96 bytes
-- for the usual 12 bands where their JSON took about 250. ad_docs.bands is then ''. Ads stored
-- before keep their JSON in bands until they are written again. (term_ids stays JSON: the SQL
-- reference statistics read it with json_each.)
ALTER TABLE ad_docs ADD COLUMN bands_b BLOB;
