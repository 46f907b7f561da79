-- The near-duplicate lookup searches the MinHash bands index for every batch chunk (and every
-- single article) while articles keep arriving. With GIN's fast update, new entries wait in a
-- pending list that every search scans in full: under a steady ingest that scan was most of the
-- database's time. Written straight into the index instead, each insert costs a little more and
-- each search only descends the tree.
ALTER INDEX article_minhash_bands_idx SET (fastupdate = off);
