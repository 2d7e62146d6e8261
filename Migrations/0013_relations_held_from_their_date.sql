-- `--related` follows a relation only on the days it held. Most relations hold during their dates
-- (`product-of amazon` 2019-09/2022-12-31); an acquisition's date is the day it began, and the
-- acquired entity is the acquirer's from then on. `holds_from_date` marks such types. `--related`
-- now follows `acquired-by` as well, from its date: One Medical's events since 22 Feb 2023 are
-- Amazon's, its earlier ones are not.
ALTER TABLE relation_types ADD COLUMN holds_from_date INTEGER NOT NULL DEFAULT 0 CHECK (holds_from_date IN (0, 1));

UPDATE relation_types SET transitive = 1, holds_from_date = 1 WHERE name = 'acquired-by';
