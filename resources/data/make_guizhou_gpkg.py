#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Data preparation for dvdash: build the Guizhou GeoPackage layers.

Normally run through build-guizhou-gpkg.sh, which packages the result with
ogr2ogr and checks it.  Two sub-commands:

  make_guizhou_gpkg.py build --src SHARED_DATA_DIR --out STAGING.gpkg
      Reads the raw county boundaries (GeoJSON) and the division tables (CSV),
      writes the layers `counties`, `prefectures` and `sites` (sites are
      generated SAMPLE DATA, fixed seed) into a staging GeoPackage.

  make_guizhou_gpkg.py check --gpkg guizhou.gpkg [--src SHARED_DATA_DIR]
      Validates a finished GeoPackage (counts, codes, renamings, every site
      strictly inside the county whose code it carries, ...).  Exit code 1 on
      any failure.

Needs the GDAL Python bindings (Debian: python3-gdal); run with /usr/bin/python3.
Deterministic: same inputs -> same output, no dependence on time or locale.
"""

import argparse
import csv
import glob
import json
import math
import os
import random
import sys

from osgeo import gdal, ogr, osr

gdal.UseExceptions()
ogr.UseExceptions()

SEED = 20261122
EPSG = 4490                 # CGCS2000 geographic, lon/lat
BORDER_MARGIN = 0.003       # degrees (~300 m) kept between a site and its county border
HOLE_MIN_AREA = 0.0005      # deg^2; smaller interior holes of a prefecture union are slivers
PART_MIN_AREA = 0.0005      # deg^2; smaller outer parts of a prefecture union are slivers
COUNTY_SLIVER_AREA = 2e-6   # deg^2 (~2 quantisation cells, ~0.02 km^2); smaller county parts/holes
                            # are artefacts of repairing self-touching rings
COORD_DIGITS = 6            # sites / label points are rounded to 1e-6 degree

# Boundary names that predate a renaming (boundary name -> current code).
# The boundary files carry the old codes for these (520222, 520221, 520522, 522322),
# which are no longer in counties.csv, so the join falls back to this table.
ALIASES = {
    "盘县": "520281",    # 盘州市 (2017, former code 520222)
    "水城县": "520204",  # 水城区 (2020, former code 520221)
    "黔西县": "520581",  # 黔西市 (2021, former code 520522)
    "兴仁县": "522302",  # 兴仁市 (2018, former code 522322)
}

# ---------------------------------------------------------------- sample data
# Real tea counties of Guizhou, with the number of sample tea gardens and the
# cultivars drawn for them (plausible, not a survey).
TEA_COUNTIES = [
    # (name as in counties.csv, gardens, varieties)
    ("湄潭县", 10, ["湄潭苔茶", "福鼎大白茶", "黔湄601", "黔湄809", "龙井43"]),
    ("凤冈县", 7, ["福鼎大白茶", "龙井43", "安吉白茶", "黔湄601"]),
    ("正安县", 6, ["安吉白茶", "黄金芽", "福鼎大白茶"]),
    ("都匀市", 7, ["都匀毛尖群体种", "福鼎大白茶", "黔湄601"]),
    ("石阡县", 5, ["石阡苔茶", "福鼎大白茶", "龙井43"]),
    ("雷山县", 5, ["鸠坑种", "福鼎大白茶", "黔湄809"]),
    ("普安县", 4, ["福鼎大白茶", "黔湄601", "鸠坑种"]),
    ("余庆县", 4, ["福鼎大白茶", "龙井43", "湄潭苔茶"]),
    ("贵定县", 4, ["鸠坑种", "福鼎大白茶", "黔湄809"]),
    ("瓮安县", 4, ["福鼎大白茶", "黄金芽", "安吉白茶"]),
    ("印江土家族苗族自治县", 4, ["福鼎大白茶", "龙井43", "黔湄601"]),
    ("思南县", 4, ["福鼎大白茶", "黔湄809", "鸠坑种"]),
    ("纳雍县", 4, ["福鼎大白茶", "龙井43", "黔湄601"]),
    ("开阳县", 4, ["福鼎大白茶", "黄金芽", "龙井43"]),
]

PIG_TOTAL = 96
# Fixed numbers of pig farms in Guizhou's main pig-raising counties (Weining,
# the Zunyi counties, Qianxinan, Bijie, Liupanshui); the rest of PIG_TOTAL goes
# one each to other, randomly drawn counties.  Central urban districts get none.
PIG_FIXED_BY_NAME = {
    "威宁彝族回族苗族自治县": 8,
    "播州区": 3, "桐梓县": 3, "绥阳县": 3, "正安县": 3, "凤冈县": 3, "湄潭县": 3, "习水县": 3,
    "道真仡佬族苗族自治县": 2, "务川仡佬族苗族自治县": 2, "余庆县": 2, "仁怀市": 2, "赤水市": 2,
    "兴仁市": 3, "贞丰县": 3, "安龙县": 3, "兴义市": 2, "普安县": 2, "晴隆县": 2, "望谟县": 2,
    "册亨县": 2,
    "赫章县": 3, "纳雍县": 2, "织金县": 2, "大方县": 2, "黔西市": 2, "金沙县": 2,
    "盘州市": 2, "水城区": 2,
}
PIG_URBAN_NAMES = {"南明区", "云岩区", "观山湖区", "钟山区", "红花岗区", "碧江区"}

CLINICS_PER_COUNTY = (2, 4)          # inclusive
TELEMEDICINE_SHARE = 0.70
DOCTOR_WEIGHTS = [(1, 35), (2, 40), (3, 18), (4, 7)]

# Village-name stems (common Guizhou village names); combined with a real
# township name they give fictitious but plausible site names.
VILLAGE_STEMS = [
    "龙凤", "新寨", "青山", "团结", "红岩", "石板", "大坪", "水井", "桃源", "茶山",
    "杨柳", "双河", "松林", "花桥", "中坝", "金星", "高峰", "太平", "新华", "河坝",
    "凉风", "核桃", "白果", "马鞍", "田坝", "岩脚", "大寨", "新场", "龙井", "竹林",
    "黄泥", "长坡", "银杏", "凤凰", "油坊", "板桥", "茅坪", "三合", "五星", "和平",
    "光明", "永安", "新民", "平寨", "沙坝", "龙塘", "坪上", "清水", "落水", "观音",
    "桂花", "小河", "营盘", "石门", "枫香", "青杠", "大田", "湾里", "鱼塘", "堰塘",
]
TEA_STEMS = VILLAGE_STEMS + ["云雾", "翠芽", "雀舌", "毛峰", "春芽", "兰馨", "明前", "高山"]
PIG_STEMS = ["兴旺", "鑫源", "丰泰", "旺达", "康牧", "黔丰", "顺发", "金穗", "绿野", "宏盛",
             "福临", "祥和", "农丰", "瑞丰", "永兴", "家旺", "山泉", "生态"] + VILLAGE_STEMS


# ------------------------------------------------------------------ helpers
def srs4490():
    s = osr.SpatialReference()
    s.ImportFromEPSG(EPSG)
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return s


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def dedupe_coords(geojson_geom):
    """Drop consecutive duplicate vertices (common in the source) and
    degenerate rings; returns a GeoJSON MultiPolygon dict."""
    polys = geojson_geom["coordinates"]
    if geojson_geom["type"] == "Polygon":
        polys = [polys]
    out = []
    for poly in polys:
        rings = []
        for ring in poly:
            r = []
            for pt in ring:
                pt = [pt[0], pt[1]]
                if not r or r[-1] != pt:
                    r.append(pt)
            if r[0] != r[-1]:
                r.append(r[0])
            if len(r) >= 4:
                rings.append(r)
        if rings:
            out.append(rings)
    return {"type": "MultiPolygon", "coordinates": out}


def polygonal_parts(geom):
    """Return the polygonal content of geom as a MultiPolygon."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)

    def walk(g):
        t = ogr.GT_Flatten(g.GetGeometryType())
        if t == ogr.wkbPolygon:
            if g.GetArea() > 0:
                out.AddGeometry(g)
        elif t in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
            for i in range(g.GetGeometryCount()):
                walk(g.GetGeometryRef(i))
    walk(geom)
    return out


def make_valid_multipolygon(geom):
    if not geom.IsValid():
        geom = geom.MakeValid()
    mp = polygonal_parts(geom)
    if not mp.IsValid():
        mp = polygonal_parts(mp.Buffer(0))
    return mp


def clean_union(mp, hole_min, part_min):
    """Remove interior rings smaller than hole_min and outer parts smaller than
    part_min (slivers left by mis-matched county borders)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    dropped_holes = dropped_parts = 0
    for i in range(mp.GetGeometryCount()):
        poly = mp.GetGeometryRef(i)
        outer = poly.GetGeometryRef(0)
        shell = ogr.Geometry(ogr.wkbPolygon)
        shell.AddGeometry(outer)
        if shell.GetArea() < part_min:
            dropped_parts += 1
            continue
        newp = ogr.Geometry(ogr.wkbPolygon)
        newp.AddGeometry(outer)
        for j in range(1, poly.GetGeometryCount()):
            ring = poly.GetGeometryRef(j)
            hp = ogr.Geometry(ogr.wkbPolygon)
            hp.AddGeometry(ring)
            if hp.GetArea() < hole_min:
                dropped_holes += 1
            else:
                newp.AddGeometry(ring)
        out.AddGeometry(newp)
    return out, dropped_holes, dropped_parts


def point(lon, lat):
    p = ogr.Geometry(ogr.wkbPoint)
    p.AddPoint_2D(lon, lat)
    return p


def log(*a):
    print(*a, file=sys.stderr)


# ------------------------------------------------------------------ loading
def load_inputs(src):
    counties_csv = read_csv(os.path.join(src, "counties.csv"))
    prefs_csv = read_csv(os.path.join(src, "prefectures.csv"))
    towns_csv = read_csv(os.path.join(src, "townships.csv"))
    county_by_code = {r["code"]: r for r in counties_csv}
    code_by_name = {r["name"]: r["code"] for r in counties_csv}
    pref_name = {r["code"]: r["name"] for r in prefs_csv}

    files = sorted(glob.glob(os.path.join(src, "county-boundaries", "*.geojson")))
    if len(files) != 9:
        raise SystemExit("expected 9 boundary files, found %d" % len(files))

    counties = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            fc = json.load(f)
        for ft in fc["features"]:
            props = ft.get("properties") or {}
            bname = props.get("name")
            fid = str(ft.get("id")) if ft.get("id") is not None else None
            # 1) by id, if the id is a current code and the names agree
            code = None
            if fid in county_by_code and (county_by_code[fid]["name"] == bname
                                          or ALIASES.get(bname) == fid):
                code = fid
            # 2) by current name, 3) by the alias table of former names
            elif bname in code_by_name:
                code = code_by_name[bname]
            elif bname in ALIASES:
                code = ALIASES[bname]
            if code is None or code not in county_by_code:
                raise SystemExit("cannot join boundary %r (id %r, %s)" % (bname, fid, path))
            if code in counties:
                raise SystemExit("duplicate boundary for %s (%s)" % (code, bname))
            if fid != code:
                log("  join: boundary %s id=%s -> %s %s" % (bname, fid, code, county_by_code[code]["name"]))
            geom = ogr.CreateGeometryFromJson(json.dumps(dedupe_coords(ft["geometry"])))
            geom = make_valid_multipolygon(geom)
            geom, nh, npart = clean_union(geom, COUNTY_SLIVER_AREA, COUNTY_SLIVER_AREA)
            if not geom.IsValid():
                geom = make_valid_multipolygon(geom)
            if nh or npart:
                log("  county %s %s: dropped %d sliver holes, %d sliver parts" % (code, bname, nh, npart))
            cur = county_by_code[code]
            counties[code] = {
                "code": code,
                "name": cur["name"],
                "former_name": bname if bname != cur["name"] else None,
                "former_id": fid if fid != code else None,
                "prefecture_code": cur["cityCode"],
                "prefecture_name": pref_name[cur["cityCode"]],
                "cp": props.get("cp"),
                "geom": geom,
            }
    missing = sorted(set(county_by_code) - set(counties))
    if missing:
        raise SystemExit("no boundary for counties %s" % missing)

    towns = {}
    for r in towns_csv:
        towns.setdefault(r["areaCode"], []).append(r["name"])
    return counties, pref_name, towns, code_by_name


# ------------------------------------------------------------------ layers
def label_point(c):
    g = c["geom"]
    cp = c["cp"]
    if cp and len(cp) >= 2:
        p = point(float(cp[0]), float(cp[1]))
        if p.Within(g):
            return round(float(cp[0]), COORD_DIGITS), round(float(cp[1]), COORD_DIGITS)
        log("  label: cp of %s %s outside polygon, using point on surface" % (c["code"], c["name"]))
    else:
        log("  label: no cp for %s %s, using point on surface" % (c["code"], c["name"]))
    s = g.PointOnSurface()
    lon, lat = round(s.GetX(), COORD_DIGITS), round(s.GetY(), COORD_DIGITS)
    if not point(lon, lat).Within(g):     # rounding pushed it out: use the unrounded point
        lon, lat = s.GetX(), s.GetY()
    return lon, lat


def build_prefectures(counties, pref_name):
    out = []
    for pcode in sorted(pref_name):
        members = [counties[k]["geom"] for k in sorted(counties) if k[:4] == pcode]
        coll = ogr.Geometry(ogr.wkbMultiPolygon)
        for g in members:
            for i in range(g.GetGeometryCount()):
                coll.AddGeometry(g.GetGeometryRef(i))
        u = polygonal_parts(coll.UnionCascaded())
        cleaned, nh, npart = clean_union(u, HOLE_MIN_AREA, PART_MIN_AREA)
        if not cleaned.IsValid():
            cleaned = make_valid_multipolygon(cleaned)
        log("  prefecture %s %s: %d counties, %d parts, dropped %d sliver holes, %d sliver parts"
            % (pcode, pref_name[pcode], len(members), cleaned.GetGeometryCount(), nh, npart))
        out.append({"code": pcode, "name": pref_name[pcode], "geom": cleaned})
    return out


class SiteMaker:
    def __init__(self, counties):
        self.rng = random.Random(SEED)
        self.counties = counties
        self.inner = {}
        self.env = {k: c["geom"].GetEnvelope() for k, c in counties.items()}
        self.names = set()
        self.points = set()

    def inner_geom(self, code):
        if code not in self.inner:
            g = self.counties[code]["geom"].Buffer(-BORDER_MARGIN, 8)
            self.inner[code] = g
        return self.inner[code]

    def random_point(self, code):
        inner = self.inner_geom(code)
        if inner.IsEmpty():
            raise SystemExit("county %s too small for the border margin" % code)
        minx, maxx, miny, maxy = inner.GetEnvelope()
        for _ in range(10000):
            lon = round(self.rng.uniform(minx, maxx), COORD_DIGITS)
            lat = round(self.rng.uniform(miny, maxy), COORD_DIGITS)
            if (lon, lat) in self.points:
                continue
            p = point(lon, lat)
            if not p.Within(inner):
                continue
            # must not fall into a neighbour's polygon where borders overlap
            clash = False
            for k, (x0, x1, y0, y1) in self.env.items():
                if k != code and x0 <= lon <= x1 and y0 <= lat <= y1 \
                        and p.Intersects(self.counties[k]["geom"]):
                    clash = True
                    break
            if clash:
                continue
            self.points.add((lon, lat))
            return lon, lat
        raise SystemExit("could not place a point in county %s" % code)

    def township(self, code):
        names = self.towns_rural.get(code) or self.towns_all.get(code)
        return self.rng.choice(names)

    def unique_name(self, code, stems, suffix):
        for _ in range(1000):
            t = self.township(code)
            n = t + self.rng.choice(stems) + suffix
            if n not in self.names:
                self.names.add(n)
                return t, n
        raise SystemExit("could not find a unique name in %s" % code)


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def build_sites(counties, towns, code_by_name):
    sm = SiteMaker(counties)
    sm.towns_all = towns
    sm.towns_rural = {k: [n for n in v if not n.endswith("街道")] for k, v in towns.items()}
    sm.towns_rural = {k: v for k, v in sm.towns_rural.items() if len(v) >= 2}
    rng = sm.rng
    sites = []

    def base(sid, typ, code, town, name, lon, lat):
        return {"site_id": sid, "type": typ, "name": name, "county_code": code,
                "county_name": counties[code]["name"], "township": town,
                "area_mu": None, "variety": None, "sow_count": None,
                "doctors": None, "telemedicine": None, "sample": 1,
                "lon": lon, "lat": lat}

    # tea gardens
    n = 0
    for cname, count, varieties in TEA_COUNTIES:
        code = code_by_name.get(cname)
        if code is None:
            raise SystemExit("tea county %s not in counties.csv" % cname)
        for _ in range(count):
            n += 1
            town, name = sm.unique_name(code, TEA_STEMS, "茶园")
            lon, lat = sm.random_point(code)
            s = base("T%04d" % n, "tea_garden", code, town, name, lon, lat)
            area = log_uniform(rng, 50, 3000)
            s["area_mu"] = float(min(3000, max(50, round(area / 10.0) * 10)))
            s["variety"] = rng.choice(varieties)
            sites.append(s)

    # pig farms
    codes = sorted(counties)
    for nm in list(PIG_FIXED_BY_NAME) + list(PIG_URBAN_NAMES):
        if nm not in code_by_name:
            raise SystemExit("pig county %s not in counties.csv" % nm)
    drawn = []
    for nm, k in PIG_FIXED_BY_NAME.items():
        drawn += [code_by_name[nm]] * k
    others = [c for c in codes if counties[c]["name"] not in PIG_FIXED_BY_NAME
              and counties[c]["name"] not in PIG_URBAN_NAMES]
    rest = PIG_TOTAL - len(drawn)
    if not 0 <= rest <= len(others):
        raise SystemExit("PIG_TOTAL inconsistent with PIG_FIXED_BY_NAME")
    drawn += rng.sample(others, rest)
    drawn.sort()                      # ids run county by county
    for i, code in enumerate(drawn, 1):
        town, name = sm.unique_name(code, PIG_STEMS, "生猪养殖场")
        lon, lat = sm.random_point(code)
        s = base("P%04d" % i, "pig_farm", code, town, name, lon, lat)
        s["sow_count"] = int(min(1500, max(30, round(log_uniform(rng, 30, 1500)))))
        sites.append(s)

    # village clinics: every county
    n = 0
    dvals = [d for d, _ in DOCTOR_WEIGHTS]
    dw = [w for _, w in DOCTOR_WEIGHTS]
    for code in codes:
        for _ in range(rng.randint(*CLINICS_PER_COUNTY)):
            n += 1
            town, name = sm.unique_name(code, VILLAGE_STEMS, "村卫生室")
            lon, lat = sm.random_point(code)
            s = base("C%04d" % n, "clinic", code, town, name, lon, lat)
            s["doctors"] = rng.choices(dvals, weights=dw)[0]
            s["telemedicine"] = 1 if rng.random() < TELEMEDICINE_SHARE else 0
            sites.append(s)
    return sites


# ------------------------------------------------------------------ writing
def write_layers(out_path, counties, prefectures, sites):
    if os.path.exists(out_path):
        os.remove(out_path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(out_path)
    srs = srs4490()

    def mk(name, gtype, fields):
        lyr = ds.CreateLayer(name, srs, gtype, options=["SPATIAL_INDEX=NO"])
        for fname, ftype, width in fields:
            fd = ogr.FieldDefn(fname, ftype)
            if width:
                fd.SetWidth(width)
            lyr.CreateField(fd)
        return lyr

    S, R, I = ogr.OFTString, ogr.OFTReal, ogr.OFTInteger

    ds.StartTransaction()
    lyr = mk("counties", ogr.wkbMultiPolygon, [
        ("code", S, 6), ("name", S, 0), ("former_name", S, 0),
        ("prefecture_code", S, 4), ("prefecture_name", S, 0),
        ("label_lon", R, 0), ("label_lat", R, 0)])
    for code in sorted(counties):
        c = counties[code]
        f = ogr.Feature(lyr.GetLayerDefn())
        for k in ("code", "name", "prefecture_code", "prefecture_name"):
            f.SetField(k, c[k])
        if c["former_name"]:
            f.SetField("former_name", c["former_name"])
        else:
            f.SetFieldNull("former_name")
        lon, lat = label_point(c)
        f.SetField("label_lon", lon)
        f.SetField("label_lat", lat)
        f.SetGeometry(c["geom"])
        lyr.CreateFeature(f)

    lyr = mk("prefectures", ogr.wkbMultiPolygon, [("code", S, 4), ("name", S, 0)])
    for p in prefectures:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("code", p["code"])
        f.SetField("name", p["name"])
        f.SetGeometry(p["geom"])
        lyr.CreateFeature(f)

    lyr = mk("sites", ogr.wkbPoint, [
        ("site_id", S, 5), ("type", S, 10), ("name", S, 0), ("county_code", S, 6),
        ("county_name", S, 0), ("township", S, 0), ("area_mu", R, 0), ("variety", S, 0),
        ("sow_count", I, 0), ("doctors", I, 0), ("telemedicine", I, 0), ("sample", I, 0)])
    for s in sites:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k in ("site_id", "type", "name", "county_code", "county_name", "township",
                  "area_mu", "variety", "sow_count", "doctors", "telemedicine", "sample"):
            if s[k] is None:
                f.SetFieldNull(k)
            else:
                f.SetField(k, s[k])
        f.SetGeometry(point(s["lon"], s["lat"]))
        lyr.CreateFeature(f)
    ds.CommitTransaction()
    ds = None


def cmd_build(args):
    log("reading %s" % args.src)
    counties, pref_name, towns, code_by_name = load_inputs(args.src)
    log("  %d county boundaries joined" % len(counties))
    prefectures = build_prefectures(counties, pref_name)
    sites = build_sites(counties, towns, code_by_name)
    by_type = {}
    for s in sites:
        by_type[s["type"]] = by_type.get(s["type"], 0) + 1
    log("  sites (SAMPLE DATA, seed %d): %s" % (SEED, by_type))
    write_layers(args.out, counties, prefectures, sites)
    log("wrote staging %s" % args.out)


# ------------------------------------------------------------------ checking
def cmd_check(args):
    errors = []

    def err(msg):
        errors.append(msg)
        log("FAIL: " + msg)

    ds = ogr.Open(args.gpkg)
    want = {"counties", "prefectures", "sites"}
    have = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    if not want <= have:
        err("layers missing: %s" % (want - have))
        return 1
    for name in sorted(want):
        lyr = ds.GetLayerByName(name)
        srs = lyr.GetSpatialRef()
        if srs is None or srs.GetAuthorityCode(None) != str(EPSG):
            err("%s: CRS is not EPSG:%d" % (name, EPSG))

    counties = {}
    lyr = ds.GetLayerByName("counties")
    prev = ""
    for f in lyr:
        code = f.GetField("code")
        if code <= prev:
            err("counties not ordered by code at %s" % code)
        prev = code
        g = f.GetGeometryRef().Clone()
        if ogr.GT_Flatten(g.GetGeometryType()) != ogr.wkbMultiPolygon:
            err("county %s is not a MultiPolygon" % code)
        if not g.IsValid():
            err("county %s geometry invalid" % code)
        lp = point(f.GetField("label_lon"), f.GetField("label_lat"))
        if not lp.Within(g):
            err("county %s label point outside polygon" % code)
        if f.GetField("prefecture_code") != code[:4]:
            err("county %s prefecture_code mismatch" % code)
        counties[code] = {"name": f.GetField("name"), "former": f.GetField("former_name"),
                          "geom": g, "boundary": g.Boundary()}
    if len(counties) != 88:
        err("counties: %d features, want 88" % len(counties))
    expect_former = {"520281": "盘县", "520204": "水城县", "520581": "黔西县", "522302": "兴仁县"}
    for code, former in expect_former.items():
        if counties.get(code, {}).get("former") != former:
            err("county %s former_name %r, want %r" % (code, counties.get(code, {}).get("former"), former))
    others = sorted(k for k, v in counties.items() if v["former"] and k not in expect_former)
    if others:
        err("unexpected former_name on %s" % others)

    if args.src:
        csv_codes = {r["code"]: r["name"] for r in read_csv(os.path.join(args.src, "counties.csv"))}
        if csv_codes != {k: v["name"] for k, v in counties.items()}:
            err("county codes/names differ from counties.csv")
        towns = {}
        for r in read_csv(os.path.join(args.src, "townships.csv")):
            towns.setdefault(r["areaCode"], set()).add(r["name"])
    else:
        towns = None

    lyr = ds.GetLayerByName("prefectures")
    pcount = 0
    for f in lyr:
        pcount += 1
        g = f.GetGeometryRef()
        if not g.IsValid():
            err("prefecture %s geometry invalid" % f.GetField("code"))
        for i in range(g.GetGeometryCount()):
            poly = g.GetGeometryRef(i)
            for j in range(1, poly.GetGeometryCount()):
                hp = ogr.Geometry(ogr.wkbPolygon)
                hp.AddGeometry(poly.GetGeometryRef(j))
                if hp.GetArea() < HOLE_MIN_AREA:
                    err("prefecture %s has a sliver hole" % f.GetField("code"))
    if pcount != 9:
        err("prefectures: %d features, want 9" % pcount)

    lyr = ds.GetLayerByName("sites")
    by_type = {}
    clinics_per_county = {}
    ids, names = set(), set()
    for f in lyr:
        sid, typ, code = f.GetField("site_id"), f.GetField("type"), f.GetField("county_code")
        by_type[typ] = by_type.get(typ, 0) + 1
        if sid in ids:
            err("duplicate site_id %s" % sid)
        ids.add(sid)
        if f.GetField("name") in names:
            err("duplicate site name %s" % f.GetField("name"))
        names.add(f.GetField("name"))
        if code not in counties:
            err("site %s: unknown county %s" % (sid, code))
            continue
        if f.GetField("county_name") != counties[code]["name"]:
            err("site %s: county_name mismatch" % sid)
        g = f.GetGeometryRef()
        if not g.Within(counties[code]["geom"]):
            err("site %s not within county %s" % (sid, code))
        elif g.Distance(counties[code]["boundary"]) < BORDER_MARGIN * 0.99:
            err("site %s closer than %.3f deg to the border of %s" % (sid, BORDER_MARGIN, code))
        for k, v in counties.items():
            if k != code and g.Intersects(v["geom"]):
                err("site %s also inside county %s" % (sid, k))
        if towns is not None and f.GetField("township") not in towns.get(code, ()):
            err("site %s: township %s not in county %s" % (sid, f.GetField("township"), code))
        if f.GetField("sample") != 1:
            err("site %s: sample != 1" % sid)
        prefix = {"tea_garden": "T", "pig_farm": "P", "clinic": "C"}.get(typ)
        if prefix is None or not sid.startswith(prefix):
            err("site %s: bad type %s" % (sid, typ))
        tea, pig, cli = typ == "tea_garden", typ == "pig_farm", typ == "clinic"
        for fld, on in (("area_mu", tea), ("variety", tea), ("sow_count", pig),
                        ("doctors", cli), ("telemedicine", cli)):
            if f.IsFieldNull(fld) == on:
                err("site %s: field %s null-ness wrong" % (sid, fld))
        if tea and not 50 <= f.GetField("area_mu") <= 3000:
            err("site %s: area_mu out of range" % sid)
        if pig and not 30 <= f.GetField("sow_count") <= 1500:
            err("site %s: sow_count out of range" % sid)
        if cli:
            clinics_per_county[code] = clinics_per_county.get(code, 0) + 1
            if not 1 <= f.GetField("doctors") <= 4 or f.GetField("telemedicine") not in (0, 1):
                err("site %s: clinic attributes out of range" % sid)
    if by_type.get("tea_garden", 0) < 60:
        err("only %d tea gardens" % by_type.get("tea_garden", 0))
    if by_type.get("pig_farm", 0) < 80:
        err("only %d pig farms" % by_type.get("pig_farm", 0))
    if by_type.get("clinic", 0) < 200:
        err("only %d clinics" % by_type.get("clinic", 0))
    no_clinic = sorted(set(counties) - set(clinics_per_county))
    if no_clinic:
        err("counties without clinic: %s" % no_clinic)

    print("counties=%d prefectures=%d sites=%s counties_with_clinic=%d"
          % (len(counties), pcount, dict(sorted(by_type.items())), len(clinics_per_county)))
    if errors:
        print("CHECK FAILED (%d problems)" % len(errors))
        return 1
    print("CHECK OK")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--src", required=True)
    b.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--gpkg", required=True)
    c.add_argument("--src")
    args = ap.parse_args()
    # GEOS validity warnings ("Ring Self-intersection at ...") are expected for the
    # raw input and are handled by MakeValid; keep the log readable.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    if args.cmd == "build":
        cmd_build(args)
        return 0
    return cmd_check(args)


if __name__ == "__main__":
    sys.exit(main())
