#include "cbec/report/maps.hpp"

#include "cbec/report/regression_json.hpp"

namespace cbec {

const char* const kApproximateBoundaries =
    "Boundaries are approximate (prefecture polygons of github.com/leiii/census, Lei Dong 2022, MIT; simplified); a working map, not an official map of China.";

Figure choropleth(const std::string& title, const nlohmann::json& features, const std::map<std::string, std::string>& category_of,
                  const std::map<std::string, double>& value_of, const MapLegend& legend, const std::string& caption,
                  const std::string& value_title) {
  using nlohmann::json;
  json values = json::array();
  for (json f : features) {
    const std::string id = f["id"].get<std::string>();
    const auto c = category_of.find(id);
    f["properties"]["category"] = c == category_of.end() ? "no data" : c->second;
    if (!value_of.empty()) {
      const auto v = value_of.find(id);
      f["properties"]["value"] = v == value_of.end() ? json(nullptr) : json_number(v->second);
    }
    values.push_back(std::move(f));
  }
  std::vector<std::string> domain = legend.categories, range = legend.colors;
  domain.push_back("no data");
  range.push_back("#dddddd");
  json spec = figure_spec_base({{"text", title}, {"subtitle", caption}, {"subtitleFontSize", 9}}, 520, 420);
  spec["description"] = caption;
  spec["data"] = {{"values", values}, {"format", {{"type", "json"}}}};
  spec["projection"] = {{"type", "mercator"}};
  spec["mark"] = {{"type", "geoshape"}, {"stroke", "white"}, {"strokeWidth", 0.6}};
  json tooltip = json::array({{{"field", "properties.id"}, {"title", "unit"}}, {{"field", "properties.category"}, {"title", legend.title}}});
  if (!value_of.empty()) tooltip.push_back({{"field", "properties.value"}, {"title", value_title}, {"format", ".4f"}});
  spec["encoding"] = {{"color", {{"field", "properties.category"}, {"type", "nominal"}, {"title", legend.title}, {"scale", {{"domain", domain}, {"range", range}}}}},
                      {"tooltip", tooltip}};
  return {"", title, spec};
}

}  // namespace cbec
