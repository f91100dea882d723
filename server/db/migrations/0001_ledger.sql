-- The land–enterprise ledger (一码关联). Geometry is lon/lat EPSG:4326; areas in m², money in 万元.

CREATE TABLE region (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  -- district 区县, zone 片区, cluster 组团, town 镇街, park 园区
  level       text NOT NULL CHECK (level IN ('district', 'zone', 'cluster', 'town', 'park')),
  parent_id   integer REFERENCES region (id),
  geom        geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX region_geom_idx ON region USING gist (geom);

CREATE TABLE road (
  id          serial PRIMARY KEY,
  name        text NOT NULL,
  road_class  text NOT NULL CHECK (road_class IN ('arterial', 'secondary', 'branch')),
  geom        geometry(MultiLineString, 4326) NOT NULL
);
CREATE INDEX road_geom_idx ON road USING gist (geom);

CREATE TABLE land_use (
  code        text PRIMARY KEY,   -- GB/T 21010-2017
  name        text NOT NULL,
  industrial  boolean NOT NULL
);
INSERT INTO land_use (code, name, industrial) VALUES
  ('06',   '工矿仓储用地', true),
  ('0601', '工业用地', true),
  ('0602', '采矿用地', true),
  ('0603', '盐田', true),
  ('0604', '仓储用地', true),
  ('05',   '商服用地', false),
  ('07',   '住宅用地', false),
  ('08',   '公共管理与公共服务用地', false),
  ('09',   '特殊用地', false),
  ('10',   '交通运输用地', false),
  ('12',   '其他土地', false);

CREATE TABLE enterprise (
  id                     serial PRIMARY KEY,
  uscc                   text NOT NULL UNIQUE CHECK (length(uscc) = 18),  -- 统一社会信用代码, normalised
  uscc_warnings          text[] NOT NULL DEFAULT '{}',
  name                   text NOT NULL,
  industry_code          text NOT NULL,    -- GB/T 4754-2017 class: section letter + 4 digits, e.g. C3670
  scale                  text NOT NULL CHECK (scale IN ('above', 'below')),   -- 规上 / 规下
  tags                   text[] NOT NULL DEFAULT '{}',
  is_utility             boolean NOT NULL DEFAULT false,
  production_start_date  date,
  in_major_construction  boolean NOT NULL DEFAULT false
);

CREATE TABLE parcel (
  id                      serial PRIMARY KEY,
  unit_code               text NOT NULL UNIQUE CHECK (length(unit_code) = 28),  -- 不动产单元代码, normalised
  parcel_code             text GENERATED ALWAYS AS (left(unit_code, 19)) STORED, -- 宗地代码
  geom                    geometry(MultiPolygon, 4326) NOT NULL,
  area_m2                 double precision NOT NULL,   -- geodesic, from geom
  registry_area_m2        double precision,            -- as written in the registry
  land_use                text NOT NULL REFERENCES land_use (code),
  far                     double precision,            -- 容积率
  floor_area_m2           double precision,
  holder_enterprise_id    integer REFERENCES enterprise (id),
  holder_uscc             text,                         -- as registered, even when not (yet) in the enterprise list
  approval_date           date,
  supply_date             date,
  supply_method           text CHECK (supply_method IN ('出让', '划拨', '租赁')),
  start_deadline          date,                         -- 约定开工日期
  actual_start_date       date,
  completion_date         date,
  land_price_wan          double precision,
  dev_status              text CHECK (dev_status IN ('未供', '未开工', '在建', '停建', '已竣工', '已投产')),
  developed_area_m2       double precision,
  invested_wan            double precision,             -- land price excluded
  halted_date             date
);
CREATE INDEX parcel_geom_idx ON parcel USING gist (geom);
CREATE INDEX parcel_parcel_code_idx ON parcel (parcel_code);

-- Which regions (of every level) a parcel lies in, by its point on surface; filled on import.
CREATE TABLE parcel_region (
  parcel_id  integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  region_id  integer NOT NULL REFERENCES region (id) ON DELETE CASCADE,
  PRIMARY KEY (parcel_id, region_id)
);
CREATE INDEX parcel_region_region_idx ON parcel_region (region_id);

CREATE TABLE standard_land (
  parcel_id                 integer PRIMARY KEY REFERENCES parcel (id) ON DELETE CASCADE,
  investment_wan_per_mu     double precision,   -- 固定资产投资强度
  far_min                   double precision,
  far_max                   double precision,
  tax_per_mu_wan            double precision,   -- 亩均税收
  va_per_tce_wan            double precision,   -- 单位能耗增加值
  rd_ratio_pct              double precision,   -- 研发经费占比 %
  target_date               date                -- 达产日期: commitments are checked after it
);

-- 一地一企, 一企多地, 一地多企: who uses which parcel, as owner or tenant, and how much land.
CREATE TABLE occupancy (
  enterprise_id  integer NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
  parcel_id      integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  role           text NOT NULL CHECK (role IN ('owner', 'tenant')),
  area_used_m2   double precision NOT NULL CHECK (area_used_m2 > 0),
  PRIMARY KEY (enterprise_id, parcel_id)
);
CREATE INDEX occupancy_parcel_idx ON occupancy (parcel_id);

CREATE TABLE metric_definition (
  key             text PRIMARY KEY,
  name            text NOT NULL,
  unit            text NOT NULL,
  default_source  text NOT NULL
);
INSERT INTO metric_definition (key, name, unit, default_source) VALUES
  ('revenue_wan',         '营业收入',         '万元',     '统计局'),
  ('value_added_wan',     '工业增加值',       '万元',     '统计局'),
  ('tax_wan',             '实缴税收',         '万元',     '税务局'),
  ('energy_tce',          '综合能耗',         '吨标准煤', '统计局'),
  ('electricity_wan_kwh', '用电量',           '万千瓦时', '供电公司'),
  ('emission_t',          '主要污染物排放量', '吨',       '生态环境局'),
  ('rd_wan',              '研发经费',         '万元',     '统计局'),
  ('employees',           '年平均职工人数',   '人',       '统计局');

-- One value per enterprise, year and metric, with the department that sent it.
CREATE TABLE enterprise_metric (
  enterprise_id  integer NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
  year           integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  metric         text NOT NULL REFERENCES metric_definition (key),
  value          double precision NOT NULL,
  source         text NOT NULL,
  PRIMARY KEY (enterprise_id, year, metric)
);
CREATE INDEX enterprise_metric_year_idx ON enterprise_metric (year, metric);

CREATE TABLE building (
  id                    serial PRIMARY KEY,
  parcel_id             integer NOT NULL REFERENCES parcel (id) ON DELETE CASCADE,
  name                  text NOT NULL,
  floor_area_m2         double precision,
  floors                integer,
  vacant_floor_area_m2  double precision
);
CREATE INDEX building_parcel_idx ON building (parcel_id);

-- Every accepted delivery: what it was, what it held, what was repaired or warned about.
CREATE TABLE import_batch (
  id            serial PRIMARY KEY,
  name          text NOT NULL,
  content_hash  text NOT NULL,
  imported_at   timestamptz NOT NULL DEFAULT now(),
  counts        jsonb NOT NULL,
  warnings      jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX import_batch_hash_idx ON import_batch (content_hash);

-- Per parcel, its enterprises and the latest year's tax attributed to it: an enterprise's tax is
-- shared among its parcels in proportion to the land it uses on each. Refreshed after each import.
CREATE MATERIALIZED VIEW parcel_summary AS
WITH latest AS (
  SELECT max(year) AS year FROM enterprise_metric WHERE metric = 'tax_wan'
), used AS (
  SELECT o.enterprise_id, o.parcel_id, o.area_used_m2,
         o.area_used_m2 / sum(o.area_used_m2) OVER (PARTITION BY o.enterprise_id) AS share
  FROM occupancy o
), tax AS (
  SELECT u.parcel_id, sum(m.value * u.share) AS tax_wan
  FROM used u
  JOIN enterprise_metric m ON m.enterprise_id = u.enterprise_id AND m.metric = 'tax_wan'
  JOIN latest l ON m.year = l.year
  GROUP BY u.parcel_id
), names AS (
  SELECT o.parcel_id, count(*)::int AS enterprise_count,
         array_agg(e.name ORDER BY o.role = 'owner' DESC, o.area_used_m2 DESC, e.uscc) AS enterprise_names
  FROM occupancy o JOIN enterprise e ON e.id = o.enterprise_id
  GROUP BY o.parcel_id
)
SELECT p.id AS parcel_id,
       (SELECT year FROM latest) AS year,
       coalesce(n.enterprise_count, 0) AS enterprise_count,
       coalesce(n.enterprise_names, '{}') AS enterprise_names,
       t.tax_wan,
       t.tax_wan / (p.area_m2 / (10000.0 / 15)) AS tax_per_mu_wan
FROM parcel p
LEFT JOIN names n ON n.parcel_id = p.id
LEFT JOIN tax t ON t.parcel_id = p.id;
CREATE UNIQUE INDEX parcel_summary_pk ON parcel_summary (parcel_id);
