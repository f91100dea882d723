-- GCJ-02 for display over Amap/Tencent-style basemaps (server/domain/gcj02.ts is the reference; a
-- test checks the two agree). Stored geometry stays WGS 84: these only shift what a tile draws.

-- The shift [Δlng, Δlat] in degrees at a WGS 84 point; [0, 0] outside China.
CREATE FUNCTION mujun_gcj02_offset(lng float8, lat float8) RETURNS float8[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN lng < 72.004 OR lng > 137.8347 OR lat < 0.8293 OR lat > 55.8271 THEN ARRAY[0, 0]::float8[]
    ELSE ARRAY[
      t.tlng * 180 / ((6378245.0 / sqrt(t.m)) * cos(t.r) * pi()),
      t.tlat * 180 / ((6378245.0 * (1 - 0.00669342162296594323) / (t.m * sqrt(t.m))) * pi())
    ] END
  FROM (
    SELECT radians(lat) AS r,
           1 - 0.00669342162296594323 * sin(radians(lat)) ^ 2 AS m,
           -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt(abs(x))
             + (20 * sin(6 * x * pi()) + 20 * sin(2 * x * pi())) * 2 / 3
             + (20 * sin(y * pi()) + 40 * sin(y / 3 * pi())) * 2 / 3
             + (160 * sin(y / 12 * pi()) + 320 * sin(y * pi() / 30)) * 2 / 3 AS tlat,
           300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt(abs(x))
             + (20 * sin(6 * x * pi()) + 20 * sin(2 * x * pi())) * 2 / 3
             + (20 * sin(x * pi()) + 40 * sin(x / 3 * pi())) * 2 / 3
             + (150 * sin(x / 12 * pi()) + 300 * sin(x / 30 * pi())) * 2 / 3 AS tlng
    FROM (SELECT lng - 105 AS x, lat - 35 AS y) AS c
  ) AS t
$$;

-- A geometry moved as a whole by the shift at the centre of its bounding box: the shift changes by
-- under 2 m across a 300 m parcel (a pixel at zoom 16), so a parcel keeps its exact shape.
CREATE FUNCTION mujun_gcj02_shift(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT ST_Translate(g, s.o[1], s.o[2])
  FROM (SELECT mujun_gcj02_offset((ST_XMin(g) + ST_XMax(g)) / 2, (ST_YMin(g) + ST_YMax(g)) / 2) AS o) AS s
$$;
