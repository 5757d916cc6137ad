"""cbec.weights(...): spatial weights as `cbec weights` builds them, for the spatial analyses."""
from . import _engine
from ._checks import flag, number, text, whole_number
from ._frame import engine_data
from ._results import Table


class Weights:
    """Spatial weights: .ids, .n, .construction, .transform, .summary(), .to_json(), .save(path).
    Pass it to a spatial analysis as w=..., with id= the data column holding the units' ids."""

    def __init__(self, built):
        self._built = built

    ids = property(lambda self: list(self._built.ids))
    n = property(lambda self: self._built.n)
    construction = property(lambda self: self._built.construction)
    transform = property(lambda self: self._built.transform)

    @property
    def table(self):
        return Table(self._built.table)

    def summary(self, format="text"):
        """The table `cbec weights` prints."""
        return self.table.render(format)

    def to_json(self):
        """The JSON `cbec weights ... --json` prints."""
        return self._built.json_text

    def save(self, path, matrix=False):
        """Writes the weights: .gal, .gwt, .csv edge list, or a dense matrix (.matrix.csv or matrix=True)."""
        self._built.save(str(path), matrix)

    def __repr__(self):
        return self.summary()

    def _repr_html_(self):
        return self.summary("html")


def weights(data=None, id=None, type="knn", x="lon", y="lat", projected=False, k=4, threshold=0.0, power=1.0, wkt="wkt",
            snap=0.0, edits=None, var=None, link_islands=False, file=None, transform="B", matrix=False,
            symmetrize=False, ellipsoid=False):
    """Spatial weights from coordinates (type knn, band, idw), a variable (econ) or polygons (queen,
    rook: data is then the polygons' file, a CSV with WKT or a GDAL vector file), or read from a
    weights file (file=...), as `cbec weights` builds them; the same options with the same defaults.

    data: DataFrame (or file) with one row per unit; id: its unit id column; x, y: longitude and
    latitude (or projected coordinates with projected=True); k: neighbours for knn; threshold: the
    distance band (km for lon/lat), for idw an optional cut-off; power: the inverse-distance power;
    edits: a CSV of link edits a,b,action; var: econ's variable; link_islands: link units without
    neighbours to their nearest unit; symmetrize: make every link mutual (an edge list giving each
    pair once); transform: B (as built), R or S; ellipsoid: lon/lat distances on the WGS-84 ellipsoid
    (spdep's longlat = TRUE) instead of the great circle on a 6371.0088 km sphere (PySAL, GeoDa).
    """
    w = "weights"
    source = None if data is None else engine_data(data)
    built = _engine.weights(source, text(w, "type", type), text(w, "id", id, optional=True), text(w, "x", x), text(w, "y", y),
                            flag(w, "projected", projected), whole_number(w, "k", k, 1, 2**31 - 1), number(w, "threshold", threshold),
                            number(w, "power", power), text(w, "wkt", wkt), number(w, "snap", snap), text(w, "edits", edits, optional=True),
                            text(w, "var", var, optional=True), flag(w, "link_islands", link_islands), text(w, "file", file, optional=True),
                            text(w, "transform", transform), flag(w, "matrix", matrix), flag(w, "symmetrize", symmetrize),
                            flag(w, "ellipsoid", ellipsoid))
    return Weights(built)
