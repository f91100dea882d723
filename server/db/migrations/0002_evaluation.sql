-- 亩均效益综合评价: events that veto or protect, method documents, immutable runs and their results.

-- Safety/environment accidents, standard failures and the like, as reported by departments.
CREATE TABLE enterprise_event (
  id             serial PRIMARY KEY,
  enterprise_id  integer NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
  year           integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  kind           text NOT NULL,      -- 安全事故 | 环保事故 | 能耗超标 | 亩产数据不实 | …
  note           text,
  source         text NOT NULL,
  UNIQUE (enterprise_id, year, kind)
);

-- A county's 评价办法, versioned; a document is never edited, a change is a new version.
CREATE TABLE evaluation_method (
  id          text NOT NULL,
  version     text NOT NULL,
  name        text NOT NULL,
  document    jsonb NOT NULL,
  preset      text,                  -- the preset it was created from, if any
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE evaluation_run (
  id              serial PRIMARY KEY,
  method_id       text NOT NULL,
  method_version  text NOT NULL,
  year            integer NOT NULL,
  as_of_date      date NOT NULL,
  data_version    text NOT NULL,     -- the ledger it read: import batch token at run time
  created_at      timestamptz NOT NULL DEFAULT now(),
  summary         jsonb NOT NULL,
  out_of_scope    jsonb NOT NULL DEFAULT '[]',
  FOREIGN KEY (method_id, method_version) REFERENCES evaluation_method (id, version)
);
CREATE INDEX evaluation_run_year_idx ON evaluation_run (year, id);

CREATE TABLE evaluation_result (
  run_id              integer NOT NULL REFERENCES evaluation_run (id),
  unit_id             text NOT NULL,     -- uscc, or parcel:<code> for a merged multi-tenant parcel
  kind                text NOT NULL CHECK (kind IN ('enterprise', 'mergedParcel')),
  members             text[] NOT NULL,
  name                text NOT NULL,
  grp                 text NOT NULL CHECK (grp IN ('above', 'below')),
  pool                text NOT NULL,
  industry_code       text NOT NULL,
  grade               text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D', 'T')),
  base_grade          text,
  total               double precision,
  rank                integer,
  rank_of             integer,
  land_area_m2        double precision NOT NULL,
  shared_result_from  text,
  region_codes        text[] NOT NULL,   -- regions of its main parcel at run time, every level
  detail              jsonb NOT NULL,    -- the engine's whole UnitResult: items, reasons, toNextGrade
  PRIMARY KEY (run_id, unit_id)
);
CREATE INDEX evaluation_result_members_idx ON evaluation_result USING gin (members);

-- The grade each parcel shows on the map for a run: its merged unit's, else its main occupant's.
CREATE TABLE evaluation_parcel (
  run_id     integer NOT NULL REFERENCES evaluation_run (id),
  parcel_id  integer NOT NULL REFERENCES parcel (id),
  unit_id    text NOT NULL,
  grade      text NOT NULL,
  PRIMARY KEY (run_id, parcel_id)
);

-- Runs are records: once stored, neither a run nor its results change.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 不可修改：评价运行一经保存即不可变，更正数据请重新运行', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER evaluation_run_immutable BEFORE UPDATE OR DELETE ON evaluation_run
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER evaluation_result_immutable BEFORE UPDATE OR DELETE ON evaluation_result
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
