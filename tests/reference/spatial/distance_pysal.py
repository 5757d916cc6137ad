"""Reference for cbec's default lon/lat distances (the great circle on a sphere) from libpysal: on the
31 provincial capitals of data/china_provinces.csv, the 4 nearest neighbours by arc distance
(libpysal.weights.KNN) and Moran's I of x_i = lat_i / 10 + cos(i) under row-standardized inverse
arc-distance weights (libpysal.weights.DistanceBand, binary=False, alpha=-1; its Earth radius,
6371.0 km, cancels in row-standardized weights), I = n / S0 z'Wz / z'z (Moran 1950; esda's formula).
Run from the repository root with Debian's python3-libpysal: /usr/bin/python3 tests/reference/spatial/distance_pysal.py"""
import json

import libpysal
import numpy as np
import pandas as pd

p = pd.read_csv("data/china_provinces.csv")
xy = np.column_stack([p.capital_lon, p.capital_lat])
knn = libpysal.weights.KNN.from_array(xy, k=4, distance_metric="arc", radius=libpysal.cg.RADIUS_EARTH_KM)
idw = libpysal.weights.DistanceBand(xy, threshold=5000.0, binary=False, alpha=-1.0, distance_metric="arc",
                                    radius=libpysal.cg.RADIUS_EARTH_KM, silence_warnings=True)
idw.transform = "r"
x = p.capital_lat.to_numpy() / 10 + np.cos(np.arange(1, len(p) + 1))
z = x - x.mean()
W = idw.full()[0]
out = {"source_script": "tests/reference/spatial/distance_pysal.py", "libpysal": libpysal.__version__,
       "knn4": [sorted(int(j) for j in knn.neighbors[i]) for i in range(len(p))], "x": x.tolist(),
       "moran_i": float(len(x) / W.sum() * (z @ W @ z) / (z @ z))}
with open("tests/reference/fixtures/spatial_distance_pysal.json", "w") as f:
    json.dump(out, f, indent=1)
