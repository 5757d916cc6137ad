// Queen and rook contiguity with GEOS predicates through OGR (estimate/spatial/contiguity.hpp):
// candidate pairs from a bounding-box sweep over x, so only nearby polygons are tested.
#include <ogr_api.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "cbec/gdal/functions.hpp"

namespace cbec::gdal {

// An invalid polygon (a self-intersecting ring, as coordinates rounded too far leave) makes GEOS's
// predicates throw, which read as "not contiguous" would drop true borders: it is repaired by GEOS
// MakeValid (as sf's st_make_valid), and the repaired units are said in the status message of a
// successful run; a polygon it cannot repair, or a pair whose test still fails, is an error.
GdalStatus contiguity(const Polygons& p, bool queen, double snap, std::vector<std::pair<size_t, size_t>>& links) {
  GdalStatus status;
  const size_t n = p.ids.size();
  std::vector<Geom> geoms;
  std::vector<OGREnvelope> env(n);
  std::vector<std::string> repaired;
  for (size_t i = 0; i < n; ++i) {
    geoms.push_back(from_wkt(p.wkt[i], p.ids[i], status));
    if (!geoms.back()) return status;
    if (!geoms.back()->IsValid()) {
      Geom fixed(geoms.back()->MakeValid());
      if (!fixed || !fixed->IsValid()) {
        status = {GdalStatus::Data, fmt::format("the polygon of unit '{}' is not a valid polygon (e.g. a ring crossing itself) and GEOS could not repair "
                                                "it: repair the file's geometry (ogr2ogr -makevalid, QGIS 'Fix geometries')", p.ids[i])};
        return status;
      }
      geoms.back() = std::move(fixed);
      repaired.push_back(p.ids[i]);
    }
    geoms.back()->getEnvelope(&env[i]);
  }
  auto failed = [&](size_t i, size_t j) {
    return GdalStatus{GdalStatus::Data, fmt::format("GEOS could not test whether the polygons of units '{}' and '{}' touch: repair the file's "
                                                    "geometry (ogr2ogr -makevalid, QGIS 'Fix geometries')", p.ids[i], p.ids[j])};
  };
  // Sweep over x: pairs whose (snap-widened) envelopes overlap.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return env[a].MinX < env[b].MinX; });
  for (size_t a = 0; a < n; ++a) {
    const size_t i = order[a];
    for (size_t b = a + 1; b < n && env[order[b]].MinX <= env[i].MaxX + snap; ++b) {
      const size_t j = order[b];
      if (env[j].MinY > env[i].MaxY + snap || env[j].MaxY < env[i].MinY - snap) continue;
      bool linked;
      if (snap > 0 && !queen) {
        Geom bi(geoms[i]->Boundary()), bj(geoms[j]->Boundary());
        if (!bi || !bj) return failed(i, j);
        Geom zone(bi->Buffer(snap));
        if (!zone) return failed(i, j);
        Geom shared(zone->Intersection(bj.get()));
        if (!shared) return failed(i, j);
        linked = !shared->IsEmpty() && shared->getDimension() >= 1;
        // Polygons meeting at a corner leave up to 2 snap of boundary in the buffer (one snap
        // along each edge from the corner, more at acute corners); a shared edge leaves its length
        // plus that: rook needs more than 3 snap (an edge longer than the snap itself).
        if (linked) linked = OGR_G_Length(OGRGeometry::ToHandle(shared.get())) > 3 * snap;
      } else if (snap > 0) {
        linked = geoms[i]->Distance(geoms[j].get()) <= snap;
      } else if (!geoms[i]->Intersects(geoms[j].get())) {
        linked = false;
      } else if (queen) {
        linked = true;
      } else {
        Geom shared(geoms[i]->Intersection(geoms[j].get()));
        if (!shared) return failed(i, j);
        linked = shared->getDimension() >= 1 && !shared->IsEmpty();
      }
      if (linked) links.emplace_back(i, j);
    }
  }
  if (!repaired.empty()) {
    const size_t shown = std::min<size_t>(repaired.size(), 10);
    status.message = fmt::format("{} invalid polygon{} repaired by GEOS MakeValid before the test: {}{}", repaired.size(), repaired.size() == 1 ? "" : "s",
                                 fmt::join(repaired.begin(), repaired.begin() + static_cast<long>(shown), ", "), repaired.size() > shown ? ", ..." : "");
  }
  return status;
}

}  // namespace cbec::gdal
