#include "cbec/estimate/spatial/contiguity.hpp"

#include <fmt/format.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "cbec/core/error.hpp"

namespace cbec {

namespace {
struct GeomDeleter {
  void operator()(OGRGeometry* g) const { OGRGeometryFactory::destroyGeometry(g); }
};
using Geom = std::unique_ptr<OGRGeometry, GeomDeleter>;

Geom from_wkt(const std::string& wkt, const std::string& id) {
  OGRGeometry* g = nullptr;
  if (OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g) != OGRERR_NONE || !g)
    throw DataError(fmt::format("polygon of '{}' is not valid WKT", id));
  return Geom(g);
}
}  // namespace

Polygons dissolve(const Polygons& p, const std::vector<std::string>& group) {
  if (group.size() != p.ids.size()) throw SpecError("one group label per polygon is needed");
  Polygons out;
  std::unordered_map<std::string, size_t> index;
  std::vector<std::unique_ptr<OGRGeometryCollection>> parts;
  for (size_t i = 0; i < p.ids.size(); ++i) {
    auto [it, inserted] = index.emplace(group[i], out.ids.size());
    if (inserted) {
      out.ids.push_back(group[i]);
      parts.push_back(std::make_unique<OGRMultiPolygon>());
    }
    Geom g = from_wkt(p.wkt[i], p.ids[i]);
    OGRGeometry* flat = g.release();
    if (wkbFlatten(flat->getGeometryType()) == wkbMultiPolygon) {
      for (auto* poly : *flat->toMultiPolygon()) parts[it->second]->addGeometry(poly);
      OGRGeometryFactory::destroyGeometry(flat);
    } else {
      parts[it->second]->addGeometryDirectly(flat);
    }
  }
  for (auto& part : parts) {
    Geom u(part->UnionCascaded());
    if (!u) throw NumericError("the union of polygons failed (invalid geometries?)");
    out.wkt.push_back(u->exportToWkt());
  }
  return out;
}

SpatialWeights contiguity_weights(const Polygons& p, bool queen, double snap) {
  const size_t n = p.ids.size();
  std::vector<Geom> geoms;
  std::vector<OGREnvelope> env(n);
  for (size_t i = 0; i < n; ++i) {
    geoms.push_back(from_wkt(p.wkt[i], p.ids[i]));
    geoms.back()->getEnvelope(&env[i]);
  }
  // Sweep over x: pairs whose (snap-widened) envelopes overlap.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return env[a].MinX < env[b].MinX; });
  std::vector<Eigen::Triplet<double>> t;
  for (size_t a = 0; a < n; ++a) {
    const size_t i = order[a];
    for (size_t b = a + 1; b < n && env[order[b]].MinX <= env[i].MaxX + snap; ++b) {
      const size_t j = order[b];
      if (env[j].MinY > env[i].MaxY + snap || env[j].MaxY < env[i].MinY - snap) continue;
      bool linked;
      if (snap > 0 && !queen) {
        Geom bi(geoms[i]->Boundary()), bj(geoms[j]->Boundary());
        Geom zone(bi->Buffer(snap));
        Geom shared(zone->Intersection(bj.get()));
        linked = shared && !shared->IsEmpty() && shared->getDimension() >= 1;
        if (linked) linked = OGR_G_Length(OGRGeometry::ToHandle(shared.get())) > snap;
      } else if (snap > 0) {
        linked = geoms[i]->Distance(geoms[j].get()) <= snap;
      } else if (!geoms[i]->Intersects(geoms[j].get())) {
        linked = false;
      } else if (queen) {
        linked = true;
      } else {
        Geom shared(geoms[i]->Intersection(geoms[j].get()));
        linked = shared && shared->getDimension() >= 1 && !shared->IsEmpty();
      }
      if (linked) {
        t.emplace_back(static_cast<int>(i), static_cast<int>(j), 1.0);
        t.emplace_back(static_cast<int>(j), static_cast<int>(i), 1.0);
      }
    }
  }
  SpatialWeights w;
  w.ids = p.ids;
  w.W.resize(static_cast<long>(n), static_cast<long>(n));
  w.W.setFromTriplets(t.begin(), t.end());
  w.construction = fmt::format("{} contiguity{}", queen ? "queen" : "rook", snap > 0 ? fmt::format(" (snap {:g})", snap) : "");
  return w;
}

std::vector<std::string> apply_edits(SpatialWeights& w, const std::vector<LinkEdit>& edits) {
  std::unordered_map<std::string, int> pos;
  for (size_t i = 0; i < w.ids.size(); ++i) pos[w.ids[i]] = static_cast<int>(i);
  std::vector<std::string> report;
  for (const auto& e : edits) {
    if (!pos.count(e.a) || !pos.count(e.b)) throw DataError(fmt::format("{}: unit '{}' is not in the weights", e.where, pos.count(e.a) ? e.b : e.a));
    const int i = pos[e.a], j = pos[e.b];
    const bool had = w.W.coeff(i, j) != 0;
    w.W.coeffRef(i, j) = e.add ? 1 : 0;
    w.W.coeffRef(j, i) = e.add ? 1 : 0;
    w.W.prune(0.0);
    report.push_back(fmt::format("{} {}-{}: {}", e.add ? "add" : "remove", e.a, e.b, had == e.add ? "no change (already so)" : "done"));
  }
  return report;
}

}  // namespace cbec
