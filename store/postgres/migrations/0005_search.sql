-- ad_docs.search is the full-text index of job search: each ad's title, company and plain text as
-- a tsvector of the 'simple' configuration (no stemming and no stop words, so that "Go" and "R"
-- are words like any other). ads_search_order serves search's order, newest first and undated last.
ALTER TABLE ad_docs ADD COLUMN search tsvector;
CREATE INDEX ad_docs_search ON ad_docs USING gin (search);
CREATE INDEX ads_search_order ON ads (posted_at DESC NULLS LAST, id DESC) WHERE dup_of IS NULL;

-- Ads stored before this index are entered from their records' description field (HTML and all):
-- an ad ingested again, or re-extracted after an extraction change, is entered from its plain text.
CREATE FUNCTION pg_temp.description_of(raw bytea) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    RETURN coalesce(convert_from(raw, 'UTF8')::json ->> 'description', '');
EXCEPTION WHEN others THEN
    RETURN '';
END $$;
UPDATE ad_docs AS d SET search = to_tsvector('simple', a.title_raw || ' ' || a.company || ' ' || pg_temp.description_of(d.raw))
FROM ads AS a WHERE a.id = d.ad_id;
