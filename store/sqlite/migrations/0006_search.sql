-- ad_text is the full-text index of job search: each ad's title, company and plain text, under
-- the ad's id. It is contentless (the text is in ad_docs.raw already, so the index stores no second
-- copy) and allows deletes, so that Apply can replace an ad's entry. '#' and '+' are word
-- characters, so that "C#" and "C++" are words of their own.
CREATE VIRTUAL TABLE ad_text USING fts5(
    title, company, body,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 2 tokenchars '#+'"
);

-- Ads stored before this index are entered from their records' description field (HTML and all):
-- an ad ingested again, or re-extracted after an extraction change, is entered from its plain text.
INSERT INTO ad_text (rowid, title, company, body)
SELECT a.id, a.title_raw, a.company,
       CASE WHEN json_valid(CAST(d.raw AS TEXT)) THEN coalesce(json_extract(CAST(d.raw AS TEXT), '$.description'), '') ELSE '' END
FROM ads AS a JOIN ad_docs AS d ON d.ad_id = a.id;
