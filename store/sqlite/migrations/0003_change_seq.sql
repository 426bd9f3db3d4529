-- store_state numbers the batches that write ads: Apply adds one to change_seq and stamps every ads
-- row it writes with the new number, so that a copy of the ads taken at number N (the statistics
-- engine's snapshot) catches up by reading the rows stamped after N. instance is drawn once, when
-- the store is created, so that such a copy is never taken for a copy of another store.
ALTER TABLE ads ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ads_change_seq ON ads (change_seq);
CREATE TABLE store_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    instance   TEXT    NOT NULL,
    change_seq INTEGER NOT NULL
) STRICT;
INSERT INTO store_state (id, instance, change_seq) VALUES (1, lower(hex(randomblob(16))), 0);
