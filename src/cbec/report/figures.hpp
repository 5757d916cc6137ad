// Figures as Vega-Lite specifications (JSON), rendered in the report page by the bundled Vega and
// Vega-Lite libraries and to SVG files by web/render_figures.mjs. Each builder takes plain numbers;
// user-given labels go into the JSON data, which the page escapes as it embeds it.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cbec {

struct Figure {
  std::string name;       // file stem, e.g. "03_event_study"
  std::string title;
  nlohmann::json spec;    // Vega-Lite
};

// The frame every figure starts from: title (text, or an object with a subtitle), size and the
// CJK-capable font.
nlohmann::json figure_spec_base(const nlohmann::json& title, int width, int height);

struct CoefficientPoint {
  double x = 0, estimate = 0, low = 0, high = 0;
  std::optional<double> truth;
};

// Event-study coefficient plot: estimates with confidence intervals by period relative to
// treatment, a zero line, a dashed line before period 0, and the known truth when given.
Figure coefficient_plot(const std::string& name, const std::string& title, const std::string& x_title,
                        const std::vector<CoefficientPoint>& points);

// Histogram of placebo estimates with the real estimate marked.
Figure placebo_histogram(const std::string& name, const std::string& title, const std::vector<double>& draws, double estimate);

// Lines of y over x by series (e.g. the sigma-convergence SD by year, one line per group).
struct LinePoint {
  double x = 0, y = 0;
  std::string series;
};
Figure line_chart(const std::string& name, const std::string& title, const std::string& x_title, const std::string& y_title,
                  const std::vector<LinePoint>& points);

// Bars of values by label (e.g. entropy weights by indicator).
Figure bar_chart(const std::string& name, const std::string& title, const std::string& y_title,
                 const std::vector<std::pair<std::string, double>>& bars);

// Moran scatterplot: standardized value against its spatial lag, with the slope I.
Figure moran_scatter(const std::string& name, const std::string& title, const std::vector<std::string>& labels,
                     const std::vector<double>& z, const std::vector<double>& lag, double slope);

}  // namespace cbec
