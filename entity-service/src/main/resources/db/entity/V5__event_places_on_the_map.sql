-- Places resolved to the embedded GeoNames gazetteer: coordinates (event.lat and event.lon exist
-- since V1), the first-level division, the GeoNames id and how fine the point is. Each event
-- mention keeps its own resolution; the canonical event takes the one its reports agree on.

ALTER TABLE event_mention
    ADD COLUMN lat             double precision,
    ADD COLUMN lon             double precision,
    ADD COLUMN admin1          text,              -- name of the first-level division
    ADD COLUMN admin1_code     text,              -- its GeoNames code, 'LB.09'
    ADD COLUMN geonames_id     bigint,
    ADD COLUMN place_precision text CHECK (place_precision IN ('SITE', 'CITY', 'REGION', 'COUNTRY'));

ALTER TABLE event
    ADD COLUMN admin1          text,
    ADD COLUMN admin1_code     text,
    ADD COLUMN geonames_id     bigint,
    ADD COLUMN place_precision text CHECK (place_precision IN ('SITE', 'CITY', 'REGION', 'COUNTRY'));

-- query-service filters listed events by division and by a bounding box
CREATE INDEX event_admin1_idx ON event (admin1_code) WHERE merged_into IS NULL;
CREATE INDEX event_lat_lon_idx ON event (lat, lon) WHERE merged_into IS NULL AND lat IS NOT NULL;
