#!/usr/bin/env python3
"""Simplify source/440300_full.json (DataV.GeoAtlas districts of Shenzhen) to the small outline
the app draws: shenzhen-districts.geojson.

Borders shared by two districts are simplified once (same arc, same result on both sides), so
neighbouring districts still meet exactly. Douglas-Peucker with tolerance EPS degrees; islands
smaller than MIN_AREA square degrees are dropped. Coordinates are rounded to 4 decimals (~10 m).

Run from this directory: python3 simplify.py
"""
import json
import math

EPS = 0.003  # degrees, about 300 m: a few dozen points per district
MIN_AREA = 0.0003  # square degrees, about 3.5 km^2

# Official English names (Hanyu Pinyin romanisation, as used by the Shenzhen government).
EN = {
    "罗湖区": "Luohu",
    "福田区": "Futian",
    "南山区": "Nanshan",
    "宝安区": "Bao'an",
    "龙岗区": "Longgang",
    "盐田区": "Yantian",
    "龙华区": "Longhua",
    "坪山区": "Pingshan",
    "光明区": "Guangming",
}


def dp(points, eps):
    """Douglas-Peucker on an open polyline; keeps both ends."""
    if len(points) < 3:
        return list(points)
    (x0, y0), (x1, y1) = points[0], points[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy)
    best, best_i = -1.0, 0
    for i in range(1, len(points) - 1):
        px, py = points[i]
        if norm == 0:
            d = math.hypot(px - x0, py - y0)
        else:
            d = abs(dy * (px - x0) - dx * (py - y0)) / norm
        if d > best:
            best, best_i = d, i
    if best <= eps:
        return [points[0], points[-1]]
    left = dp(points[: best_i + 1], eps)
    right = dp(points[best_i:], eps)
    return left[:-1] + right


def area(ring):
    return 0.5 * abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])))


def main():
    src = json.load(open("source/440300_full.json", encoding="utf-8"))
    feats = src["features"]
    # Which districts each vertex belongs to: runs with the same membership are one arc.
    member = {}
    for k, f in enumerate(feats):
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                for p in ring:
                    member.setdefault(tuple(p), set()).add(k)
    cache = {}

    def simplify_arc(arc):
        key = tuple(arc)
        rev = tuple(reversed(arc))
        canon = min(key, rev)
        if canon not in cache:
            cache[canon] = dp(list(canon), EPS)
        out = cache[canon]
        return out if canon == key else list(reversed(out))

    out_feats = []
    for f in feats:
        polys = []
        for poly in f["geometry"]["coordinates"]:
            ring = [tuple(p) for p in poly[0]][:-1]
            if area(ring + [ring[0]]) < MIN_AREA:
                continue
            n = len(ring)
            key = [frozenset(member[p]) for p in ring]
            fixed = [key[i] != key[i - 1] or key[i] != key[(i + 1) % n] for i in range(n)]
            if not any(fixed):
                fixed[0] = True
                # An island: split it in two so DP has a chord to measure from.
                fixed[n // 2] = True
            start = fixed.index(True)
            order = ring[start:] + ring[:start]
            fx = fixed[start:] + fixed[:start]
            out = []
            arc = [order[0]]
            for p, is_fixed in zip(order[1:] + [order[0]], fx[1:] + [True]):
                arc.append(p)
                if is_fixed:
                    out.extend(simplify_arc(arc)[:-1])
                    arc = [p]
            out.append(out[0])
            polys.append([[[round(x, 4), round(y, 4)] for x, y in out]])
        props = f["properties"]
        out_feats.append(
            {
                "type": "Feature",
                "properties": {
                    "adcode": props["adcode"],
                    "name": props["name"],
                    "name_en": EN[props["name"]],
                    "centroid": props["centroid"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polys},
            }
        )
        print(props["name"], [len(p[0]) for p in polys])
    fc = {"type": "FeatureCollection", "features": out_feats}
    with open("shenzhen-districts.geojson", "w", encoding="utf-8") as w:
        w.write("{\"type\":\"FeatureCollection\",\"features\":[\n")
        w.write(",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in fc["features"]))
        w.write("\n]}\n")


if __name__ == "__main__":
    main()
