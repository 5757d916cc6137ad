#include "cbec/analysis/analysis.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "cbec/analysis/subsample.hpp"
#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/estimate/ols/vcov.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/frame/row_filter.hpp"
#include "cbec/frame/panel.hpp"

namespace cbec {

namespace {

// An option's values: the one text of a text option, the list of a list option.
std::vector<std::string> option_values(const OptionSpec& spec, const Options& options) {
  return spec.kind == OptionKind::Text ? std::vector<std::string>{options.text(spec.key)} : options.list(spec.key);
}

// Every staggered estimator takes a unit without any first-treatment value as never treated (as
// Stata's did_imputation and eventstudyinteract; R's did and fixest drop such rows), so the count of
// those units is said once for all of them: `cbec treat` leaves the units it cannot place missing.
// Only the rows a subset keeps count: a unit the subset leaves out is in no estimate.
void warn_missing_first_treat(const Frame& frame, const Options& options, const AnalysisContext& ctx, Outcome& out) {
  if (!frame.has(ctx.first_treat) || !frame.has(ctx.unit)) return;
  const auto& g = frame.numeric(ctx.first_treat);
  const Column& unit = frame.get(ctx.unit);
  std::unordered_map<int64_t, std::pair<bool, size_t>> by_unit;   // unit -> (some row gives its first treatment, a row)
  auto visit = [&](size_t i) {
    if (!unit.is_missing(i)) by_unit.try_emplace(unit.row_key(i), false, i).first->second.first |= !std::isnan(g[i]);
  };
  if (options.has("subset"))
    for (size_t i : RowFilter(options.text("subset")).rows(frame)) visit(i);
  else
    for (size_t i = 0; i < frame.nrows(); ++i) visit(i);
  std::vector<std::string> without;
  for (const auto& [key, seen] : by_unit)
    if (!seen.first) without.push_back(unit.text(seen.second));
  if (without.empty()) return;
  std::sort(without.begin(), without.end());
  const std::string warning = fmt::format(
      "{} unit{} without a '{}' value ({}) {} taken as never treated (R's did and fixest drop such rows): give 0 for "
      "never-treated units, or leave those units out (--if \"{} >= 0\")",
      without.size(), without.size() == 1 ? "" : "s", ctx.first_treat, first_names(without), without.size() == 1 ? "is" : "are", ctx.first_treat);
  if (!out.tables.empty()) out.tables.front().notes.push_back("Warning: " + warning + ".");
  if (out.json.is_object()) {
    if (!out.json.contains("warnings") || !out.json["warnings"].is_array()) out.json["warnings"] = nlohmann::json::array();
    out.json["warnings"].push_back(warning);
    out.json["units_without_first_treat"] = without.size();
  }
}

// A column option naming no column of the data is refused by the option's name before anything runs
// (it surfaced as an unknown variable of a formula the user never wrote: `yy ~ did | id + year`).
// The columns the analysis makes are not looked for.
void check_column_options(const Analysis& a, const Frame& frame, const Options& options, const AnalysisContext& ctx) {
  const std::vector<std::string> made = a.creates ? a.creates(options) : std::vector<std::string>{};
  for (const auto& spec : a.options) {
    if (!spec.column || !options.has(spec.key)) continue;
    for (const auto& c : option_values(spec, options))
      if (!frame.has(c) && std::find(made.begin(), made.end(), c) == made.end())
        throw DataError(fmt::format("option {}: no column '{}' in {}{}", spec.key, c, ctx.data.empty() ? (frame.source().empty() ? "the data" : frame.source()) : ctx.data,
                                    did_you_mean(frame.suggest(c))));
  }
}

}  // namespace

Outcome run_analysis(const Analysis& a, Frame& frame, const Options& options, const AnalysisContext& ctx) {
  if (a.needs.panel == PanelNeed::Required && (ctx.unit.empty() || ctx.time.empty()))
    throw SpecError(fmt::format("'{}' needs the panel: the unit and time columns (--unit U --time T, or [data] unit and time)", a.name));
  if (a.needs.treatment && ctx.first_treat.empty())
    throw SpecError(fmt::format("'{}' needs the first treatment period of each unit (--first-treat G, or [data] first_treat)", a.name));
  if (a.needs.spatial && !ctx.spatial)
    throw SpecError(fmt::format("'{}' needs spatial weights (--w file and --id, or a [spatial] section)", a.name));
  // A declared panel holds each unit once per period: a duplicate (unit, time) is refused with
  // both data lines, whichever analysis runs (declare_panel throws). An analysis that reads the
  // panel itself (needs.panel_view) gets this one declaration when it runs on all the rows.
  check_column_options(a, frame, options, ctx);
  const bool declared = !ctx.unit.empty() && !ctx.time.empty();
  const bool sample = options.has("subset") || options.has("split_by");
  std::optional<Panel> panel;
  if (declared && ((a.needs.panel != PanelNeed::None && !ctx.panel_checked) || (a.needs.panel_view && !sample)))
    panel = declare_panel(frame, ctx.unit, ctx.time);
  AnalysisContext with_panel = ctx;
  if (a.needs.panel_view && !sample && panel) with_panel.panel = &*panel;
  else panel.reset();   // only the check was wanted: the memory goes back before the analysis runs
  Outcome out = sample ? run_sample(a, frame, options, ctx) : a.run(frame, options, with_panel);
  if (a.needs.treatment) warn_missing_first_treat(frame, options, ctx, out);
  nlohmann::json stamped = {{"cbec", CBEC_VERSION}, {"analysis", a.name}};
  if (out.json.is_object())
    for (auto& [k, v] : out.json.items())
      if (k != "cbec") stamped[k] = std::move(v);
  if (!out.json.is_object() && !out.json.is_null()) stamped["results"] = std::move(out.json);
  if (ctx.report_input_notes && !frame.notes().empty()) {
    stamped["input_notes"] = frame.notes();
    if (!out.tables.empty()) {
      auto& notes = out.tables.front().notes;
      notes.insert(notes.begin(), frame.notes().begin(), frame.notes().end());
    }
  }
  out.json = std::move(stamped);
  return out;
}

std::vector<std::string> columns_named(const std::vector<std::string>& header, const std::vector<std::string>& texts) {
  std::vector<std::string> out;
  for (const auto& name : header)
    if (!name.empty() && std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.find(name) != std::string::npos; }))
      out.push_back(name);
  return out;
}

std::vector<std::string> columns_read(const Analysis& a, const Options& options) {
  std::vector<std::string> cols;
  for (const auto& spec : a.options) {
    if (!options.has(spec.key)) continue;
    if (spec.key == "formula" || spec.key == "formulas") {
      // A formula this parser does not read (gmm's pgmm form) is checked by its analysis when it runs.
      for (const auto& f : option_values(spec, options)) try {
          for (const auto& v : parse_formula(f).variables()) cols.push_back(v);
        } catch (const FormulaError&) {
        }
      continue;
    }
    if (spec.key == "vcov" && spec.kind == OptionKind::Text && spec.choices.empty()) {   // cluster:var[+var2], checked as written
      for (const auto& c : VcovSpec::parse(options.text(spec.key), "time").cluster) cols.push_back(c);
      continue;
    }
    if (spec.kind == OptionKind::Terms) {
      for (const auto& term : options.list(spec.key))
        for (const auto& v : expression_variables(term)) cols.push_back(v);
      continue;
    }
    if (!spec.column) continue;
    for (const auto& c : option_values(spec, options)) cols.push_back(c);
  }
  if (a.reads)
    for (const auto& c : a.reads(options)) cols.push_back(c);
  if (options.has("subset"))
    for (const auto& c : RowFilter(options.text("subset")).columns()) cols.push_back(c);
  return cols;
}

}  // namespace cbec
