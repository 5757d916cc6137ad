// libcbec_gdal.so's entry point: the table of its functions (frame/gdal_module.hpp). Nothing
// thrown inside crosses the dlopen boundary: an exception becomes a failed status.
#include <exception>
#include <new>

#include "cbec/gdal/functions.hpp"

namespace {

template <auto F, class... A>
cbec::GdalStatus guarded(A&... args) {
  try {
    return F(args...);
  } catch (const std::bad_alloc&) {
    return {cbec::GdalStatus::Numeric, "out of memory while handling polygons"};
  } catch (const std::exception& e) {
    return {cbec::GdalStatus::Data, e.what()};
  }
}

const cbec::GdalModule kModule{
    cbec::kGdalModuleVersion,
    [](const std::string& path, const std::string& id_field, cbec::Polygons& out) { return guarded<cbec::gdal::read_layer>(path, id_field, out); },
    [](const cbec::Polygons& p, const std::vector<size_t>& group, size_t groups, std::vector<std::string>& wkt) {
      return guarded<cbec::gdal::dissolve>(p, group, groups, wkt);
    },
    [](const cbec::Polygons& p, bool queen, double snap, std::vector<std::pair<size_t, size_t>>& links) {
      return guarded<cbec::gdal::contiguity>(p, queen, snap, links);
    },
    [](const cbec::Polygons& p, std::vector<double>& x, std::vector<double>& y) { return guarded<cbec::gdal::centroids>(p, x, y); },
    [](const cbec::Polygons& p, double tolerance, std::vector<std::string>& geometry) { return guarded<cbec::gdal::geojson>(p, tolerance, geometry); },
};

}  // namespace

extern "C" __attribute__((visibility("default"))) const cbec::GdalModule* cbec_gdal_module() { return &kModule; }
