#include "cbec/report/figures.hpp"

#include "cbec/report/regression_json.hpp"

#include <cmath>

namespace cbec {

namespace {

using nlohmann::json;

json base(const std::string& title) { return figure_spec_base(title, 560, 300); }

}  // namespace

nlohmann::json figure_spec_base(const nlohmann::json& title, int width, int height) {
  // No "$schema" URL: the page must not reference anything online (Vega-Lite v5 is implied).
  return {{"title", title}, {"width", width}, {"height", height}, {"config", {{"font", "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}}}};
}

Figure coefficient_plot(const std::string& name, const std::string& title, const std::string& x_title,
                        const std::vector<CoefficientPoint>& points) {
  json values = json::array();
  bool any_truth = false;
  for (const auto& p : points) {
    json v = {{"x", p.x}, {"estimate", json_number(p.estimate)}, {"low", json_number(p.low)}, {"high", json_number(p.high)}};
    if (p.truth) {
      v["truth"] = *p.truth;
      any_truth = true;
    }
    values.push_back(v);
  }
  json x = {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}, {"axis", {{"tickMinStep", 1}, {"format", "d"}}}};
  json layers = json::array();
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#999"}}}, {"encoding", {{"y", {{"datum", 0}, {"type", "quantitative"}}}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#999"}, {"strokeDash", {4, 4}}}}, {"encoding", {{"x", {{"datum", -0.5}, {"type", "quantitative"}}}}}});
  layers.push_back({{"mark", {{"type", "rule"}, {"color", "#1f5fa8"}}},
                    {"encoding", {{"x", x}, {"y", {{"field", "low"}, {"type", "quantitative"}, {"title", "Estimate and 95% CI"}}}, {"y2", {{"field", "high"}}}}}});
  layers.push_back({{"mark", {{"type", "point"}, {"filled", true}, {"color", "#1f5fa8"}, {"size", 50}}},
                    {"encoding", {{"x", x}, {"y", {{"field", "estimate"}, {"type", "quantitative"}}},
                                  {"tooltip", json::array({{{"field", "x"}}, {{"field", "estimate"}, {"format", ".4f"}}, {{"field", "low"}, {"format", ".4f"}}, {{"field", "high"}, {"format", ".4f"}}})}}}});
  if (any_truth)
    layers.push_back({{"mark", {{"type", "line"}, {"color", "#d95f02"}, {"strokeDash", {6, 3}}, {"point", true}}},
                      {"encoding", {{"x", x}, {"y", {{"field", "truth"}, {"type", "quantitative"}}}}}});
  json spec = base(title);
  spec["data"] = {{"values", values}};
  spec["layer"] = layers;
  if (any_truth) spec["description"] = "Blue: estimates with 95% confidence intervals; orange dashed: the known true effect of the simulated data.";
  return {name, title, spec};
}

Figure placebo_histogram(const std::string& name, const std::string& title, const std::vector<double>& draws, double estimate) {
  json values = json::array();
  for (double d : draws)
    if (std::isfinite(d)) values.push_back({{"estimate", d}});
  json spec = base(title);
  spec["layer"] = json::array(
      {{{"data", {{"values", values}}},
        {"mark", {{"type", "bar"}, {"color", "#8da0cb"}}},
        {"encoding", {{"x", {{"field", "estimate"}, {"bin", {{"maxbins", 40}}}, {"type", "quantitative"}, {"title", "Placebo estimate"}}},
                      {"y", {{"aggregate", "count"}, {"type", "quantitative"}, {"title", "Draws"}}}}}},
       {{"data", {{"values", json::array({{{"real", estimate}}})}}},
        {"mark", {{"type", "rule"}, {"color", "#d62728"}, {"size", 2}}},
        {"encoding", {{"x", {{"field", "real"}, {"type", "quantitative"}}}}}}});
  spec["description"] = "Red line: the real estimate.";
  return {name, title, spec};
}

Figure line_chart(const std::string& name, const std::string& title, const std::string& x_title, const std::string& y_title,
                  const std::vector<LinePoint>& points) {
  json values = json::array();
  for (const auto& p : points) values.push_back({{"x", p.x}, {"y", json_number(p.y)}, {"series", p.series}});
  json spec = base(title);
  spec["data"] = {{"values", values}};
  spec["mark"] = {{"type", "line"}, {"point", true}};
  spec["encoding"] = {{"x", {{"field", "x"}, {"type", "quantitative"}, {"title", x_title}, {"axis", {{"format", "d"}}}, {"scale", {{"zero", false}}}}},
                      {"y", {{"field", "y"}, {"type", "quantitative"}, {"title", y_title}, {"scale", {{"zero", false}}}}},
                      {"color", {{"field", "series"}, {"type", "nominal"}, {"title", ""}}}};
  return {name, title, spec};
}

Figure bar_chart(const std::string& name, const std::string& title, const std::string& y_title,
                 const std::vector<std::pair<std::string, double>>& bars) {
  json values = json::array();
  for (const auto& [label, v] : bars) values.push_back({{"label", label}, {"value", json_number(v)}});
  json spec = base(title);
  spec["data"] = {{"values", values}};
  spec["mark"] = {{"type", "bar"}, {"color", "#4c78a8"}};
  spec["encoding"] = {{"x", {{"field", "label"}, {"type", "nominal"}, {"sort", nullptr}, {"title", ""}}},
                      {"y", {{"field", "value"}, {"type", "quantitative"}, {"title", y_title}}}};
  return {name, title, spec};
}

Figure moran_scatter(const std::string& name, const std::string& title, const std::vector<std::string>& labels,
                     const std::vector<double>& z, const std::vector<double>& lag, double slope) {
  json values = json::array();
  double lo = 0, hi = 0;
  for (size_t i = 0; i < z.size(); ++i) {
    values.push_back({{"unit", labels[i]}, {"z", z[i]}, {"lag", lag[i]}});
    lo = std::min(lo, z[i]);
    hi = std::max(hi, z[i]);
  }
  json spec = base(title);
  spec["layer"] = json::array(
      {{{"data", {{"values", values}}},
        {"mark", {{"type", "point"}, {"filled", true}, {"color", "#1f5fa8"}}},
        {"encoding", {{"x", {{"field", "z"}, {"type", "quantitative"}, {"title", "Standardized value"}}},
                      {"y", {{"field", "lag"}, {"type", "quantitative"}, {"title", "Spatial lag"}}},
                      {"tooltip", json::array({{{"field", "unit"}}, {{"field", "z"}, {"format", ".3f"}}, {{"field", "lag"}, {"format", ".3f"}}})}}}},
       {{"data", {{"values", json::array({{{"z", lo}, {"lag", slope * lo}}, {{"z", hi}, {"lag", slope * hi}}})}}},
        {"mark", {{"type", "line"}, {"color", "#d62728"}}},
        {"encoding", {{"x", {{"field", "z"}, {"type", "quantitative"}}}, {"y", {{"field", "lag"}, {"type", "quantitative"}}}}}}});
  return {name, title, spec};
}

}  // namespace cbec
