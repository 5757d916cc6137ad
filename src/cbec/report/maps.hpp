// Choropleth maps as Vega-Lite specifications (geoshape marks on a Mercator projection) from
// GeoJSON features: each unit coloured by a category (a LISA cluster, a hot/cold spot, a
// natural-breaks class). Units without a value are drawn grey as "no data". The caption says where
// the boundaries come from and that they are approximate.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/report/figures.hpp"

namespace cbec {

struct MapLegend {
  std::string title;
  std::vector<std::string> categories;   // in legend order
  std::vector<std::string> colors;       // one per category
};

// A map of categories, with each unit's value (titled value_title) in the tooltip when value_of is
// not empty.
Figure choropleth(const std::string& title, const nlohmann::json& features, const std::map<std::string, std::string>& category_of,
                  const std::map<std::string, double>& value_of, const MapLegend& legend, const std::string& caption,
                  const std::string& value_title = "value");

// The caption of every map drawn from cbec's shipped city polygons.
extern const char* const kApproximateBoundaries;

}  // namespace cbec
