-- Land status (闲置土地, 五未, 低效用地, 标准地履约), exit and consolidation candidates. Everything but
-- land_rules is derived data, recomputed as a whole by server/land/refresh.ts in one transaction.

-- The thresholds, versioned like evaluation methods: a document is never edited, a change is a new version.
CREATE TABLE land_rules (
  id          text NOT NULL,
  version     integer NOT NULL,
  name        text NOT NULL,
  document    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- What the derived tables were computed from: one row, replaced by each refresh.
CREATE TABLE land_refresh (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  rules_id       text NOT NULL,
  rules_version  integer NOT NULL,
  data_version   text NOT NULL,      -- i<import batch>.e<evaluation run> it read
  years          integer[] NOT NULL,
  latest_year    integer,
  computed_at    timestamptz NOT NULL DEFAULT now(),
  summary        jsonb NOT NULL,
  FOREIGN KEY (rules_id, rules_version) REFERENCES land_rules (id, version)
);

-- A parcel's status at the end of each metrics year. detail holds the parts of the domain's
-- ParcelStatus that change by year — measures, flags, 标准地 review, notes — with rule citations
-- stripped of their source texts, which the rules document holds (server/land/citations.ts).
CREATE TABLE parcel_status (
  year           integer NOT NULL,
  parcel_id      integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  rules_id       text NOT NULL,
  rules_version  integer NOT NULL,
  data_version   text NOT NULL,
  stage          text NOT NULL,
  flags          text[] NOT NULL,
  grade          text,               -- the parcel's grade in the year's latest evaluation run
  consolidation_basis text[] NOT NULL DEFAULT '{}',  -- why it may join a cluster; empty: it may not
  detail         jsonb NOT NULL,
  PRIMARY KEY (year, parcel_id)
);
CREATE INDEX parcel_status_parcel_idx ON parcel_status (parcel_id, year);
CREATE INDEX parcel_status_flags_idx ON parcel_status USING gin (flags);

-- Exit candidates (土地退出路径) for the latest year, and those kept off (exempt or protected).
CREATE TABLE exit_candidate (
  id                serial PRIMARY KEY,
  year              integer NOT NULL,
  path              text NOT NULL CHECK (path IN ('依规回收', '倒逼退出', '引导退还', '规范转让')),
  subject           text NOT NULL,   -- parcel:<不动产单元代码> | enterprise:<统一社会信用代码>
  kept_off          boolean NOT NULL,
  affected_area_mu  double precision NOT NULL,
  land_released_mu  double precision NOT NULL,
  unit_codes        text[] NOT NULL,
  usccs             text[] NOT NULL,
  region_codes      text[] NOT NULL, -- regions (every level) of its parcels
  detail            jsonb NOT NULL,  -- the domain's ExitCandidate or KeptOff
  UNIQUE (year, path, subject)
);
CREATE INDEX exit_candidate_regions_idx ON exit_candidate USING gin (region_codes);

-- Which parcels each exit candidate concerns: the map colours parcels by path from here.
CREATE TABLE exit_candidate_parcel (
  candidate_id  integer NOT NULL REFERENCES exit_candidate (id) ON DELETE CASCADE,
  parcel_id     integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  path          text NOT NULL,
  kept_off      boolean NOT NULL,
  PRIMARY KEY (candidate_id, parcel_id)
);
CREATE INDEX exit_candidate_parcel_parcel_idx ON exit_candidate_parcel (parcel_id);

-- Consolidation clusters (连片开发) for the latest year: ids 1..n ordered by smallest member code.
-- Owners and reasons are assembled when read (server/land/clusters-view.ts) from the members.
CREATE TABLE consolidation_cluster (
  id                   integer PRIMARY KEY,
  key                  text NOT NULL UNIQUE,  -- the smallest member code
  year                 integer,
  parcel_count         integer NOT NULL,
  unit_codes           text[] NOT NULL,
  area_m2              double precision NOT NULL,  -- Σ member parcels
  footprint_area_m2    double precision NOT NULL,  -- the merged site, gaps closed (geodesic)
  current_tax_wan      double precision NOT NULL,  -- Σ members' attributed tax (parcel_summary), missing as 0
  potential_tax_wan    double precision NOT NULL,  -- target tax per mu × area in mu
  uplift_wan           double precision NOT NULL,
  region_codes         text[] NOT NULL,
  geom                 geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX consolidation_cluster_geom_idx ON consolidation_cluster USING gist (geom);
CREATE INDEX consolidation_cluster_regions_idx ON consolidation_cluster USING gin (region_codes);

CREATE TABLE consolidation_member (
  cluster_id  integer NOT NULL REFERENCES consolidation_cluster (id) ON DELETE CASCADE,
  parcel_id   integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  basis       text[] NOT NULL,
  PRIMARY KEY (cluster_id, parcel_id)
);
CREATE INDEX consolidation_member_parcel_idx ON consolidation_member (parcel_id);
