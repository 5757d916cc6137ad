#include "cbec/analysis/table_options.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/io/read_table.hpp"

namespace cbec {

std::map<std::string, std::string> read_labels(const std::string& path) {
  const Frame f = read_table(path);
  for (const char* c : {"name", "label"})
    if (!f.has(c)) throw DataError(fmt::format("labels file {}: no column '{}'; write a CSV with the header name,label", path, c));
  const Column& name = f.get("name");
  const Column& label = f.get("label");
  std::map<std::string, std::string> out;
  std::map<std::string, size_t> line_of;
  for (size_t i = 0; i < f.nrows(); ++i) {
    if (name.is_missing(i)) continue;
    const auto [it, fresh] = line_of.emplace(name.text(i), f.line(i));
    if (!fresh && label.text(i) != out[name.text(i)])
      throw DataError(fmt::format("labels file {}: '{}' is labelled on line {} and again, differently, on line {}; keep one", path, name.text(i),
                                  it->second, f.line(i)));
    out[name.text(i)] = label.text(i);
  }
  return out;
}

RegressionTableOptions table_options(const Options& o, const AnalysisContext& ctx) {
  RegressionTableOptions t;
  t.keep = o.list("keep");
  t.drop = o.list("drop");
  t.order = o.list("order");
  for (const auto& item : o.list("indicate")) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || trim(item.substr(0, eq)).empty() || split_trimmed(item.substr(eq + 1), ' ').empty())
      throw SpecError(fmt::format("indicate: '{}' must be \"Label = pattern ...\", e.g. \"Controls = x3 x4\"", item));
    t.indicate.emplace_back(trim(item.substr(0, eq)), split_trimmed(item.substr(eq + 1), ' '));
  }
  if (o.has("coefstat")) t.coef_stat = parse_coef_stat(o.text("coefstat"));
  t.stats = o.list("stats");
  t.labels = ctx.labels;
  if (o.has("labels"))
    for (auto& [k, v] : read_labels(o.text("labels"))) t.labels[k] = std::move(v);
  t.numbers = o.flag("numbers");
  return t;
}

}  // namespace cbec
