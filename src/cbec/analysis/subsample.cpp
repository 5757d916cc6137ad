#include "cbec/analysis/subsample.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include "cbec/analysis/table_options.hpp"
#include "cbec/core/error.hpp"
#include "cbec/estimate/group_equality.hpp"
#include "cbec/estimate/ols/demean_cache.hpp"
#include "cbec/frame/row_filter.hpp"
#include "cbec/report/regression_json.hpp"
#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

constexpr size_t kMaxGroups = 100;

// Runs the analysis on a frame of its own, with a cache of its own.
Outcome run_on(const Analysis& a, Frame& part, const Options& o, const AnalysisContext& ctx) {
  AnalysisContext local = ctx;
  DemeanCache cache;
  if (ctx.cache) local.cache = &cache;
  local.frame_disposable = true;
  return a.run(part, o, local);
}

// The error of one group, with the group named and its type kept.
template <class Fn>
Outcome in_group(const std::string& where, Fn&& fn) {
  try {
    return fn();
  } catch (const DataError& e) {
    throw DataError(fmt::format("{}: {}", where, e.what()));
  } catch (const FormulaError& e) {
    throw FormulaError(fmt::format("{}: {}", where, e.what()));
  } catch (const SpecError& e) {
    throw SpecError(fmt::format("{}: {}", where, e.what()));
  } catch (const NumericError& e) {
    throw NumericError(fmt::format("{}: {}", where, e.what()));
  }
}

struct Group {
  std::string label;
  std::vector<size_t> rows;
};

// The groups of `column` among `rows`; rows where it is missing are counted in `missing`.
std::vector<Group> groups_of(const Column& c, const std::vector<size_t>& rows, size_t& missing) {
  std::vector<Group> groups;
  if (c.is_numeric()) {
    std::vector<double> values;
    for (size_t r : rows)
      if (!std::isnan(c.values[r])) values.push_back(c.values[r]);
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    if (values.size() > kMaxGroups) throw SpecError(fmt::format("split_by: '{}' has {} distinct values; at most {} groups", c.name, values.size(), kMaxGroups));
    groups.resize(values.size());
    for (size_t r : rows) {
      if (std::isnan(c.values[r])) continue;
      const size_t g = static_cast<size_t>(std::lower_bound(values.begin(), values.end(), c.values[r]) - values.begin());
      if (groups[g].rows.empty()) groups[g].label = c.text(r);
      groups[g].rows.push_back(r);
    }
  } else {
    std::vector<Group> by_level(c.levels.size());
    for (size_t r : rows)
      if (c.codes[r] >= 0) by_level[static_cast<size_t>(c.codes[r])].rows.push_back(r);
    for (size_t l = 0; l < by_level.size(); ++l)
      if (!by_level[l].rows.empty()) {
        by_level[l].label = c.levels[l];
        groups.push_back(std::move(by_level[l]));
      }
    if (groups.size() > kMaxGroups) throw SpecError(fmt::format("split_by: '{}' has {} distinct values; at most {} groups", c.name, groups.size(), kMaxGroups));
  }
  size_t used = 0;
  for (const auto& g : groups) used += g.rows.size();
  missing = rows.size() - used;
  return groups;
}

// Slopes common to every group's model (the intercept is not tested).
std::vector<std::string> common_terms(const std::vector<RegressionResult>& models) {
  std::vector<std::string> out;
  for (const auto& t : models.front().terms)
    if (t != "(Intercept)" && std::all_of(models.begin(), models.end(), [&](const RegressionResult& r) { return r.find(t) >= 0; })) out.push_back(t);
  return out;
}

Outcome side_by_side(const Analysis& a, const Options& o, const AnalysisContext& ctx, const std::string& column, const std::vector<Group>& groups,
                     std::vector<Outcome>& parts, const std::vector<std::vector<RegressionResult>>& models) {
  const size_t n_models = models.front().size();
  RegressionTableOptions to = a.regression_tables ? table_options(o, ctx) : RegressionTableOptions{};
  to.extended_stats = a.regression_tables;
  const std::vector<std::string> names = a.regression_tables ? o.list("names") : std::vector<std::string>{};
  std::vector<RegressionResult> columns;
  to.model_names.clear();
  for (size_t m = 0; m < n_models; ++m)
    for (size_t g = 0; g < groups.size(); ++g) {
      columns.push_back(models[g][m]);
      to.model_names.push_back(n_models == 1 ? groups[g].label : fmt::format("{} {}", m < names.size() ? names[m] : fmt::format("({})", m + 1), groups[g].label));
    }
  const std::string title = parts.front().tables.empty() ? "" : parts.front().tables.front().title;
  to.title = fmt::format("{}{}by {}", title, title.empty() ? "" : ", ", column);
  Table t = regression_table(columns, to);
  nlohmann::json tests = nlohmann::json::array();
  for (size_t m = 0; m < n_models; ++m) {
    std::vector<RegressionResult> across;
    for (size_t g = 0; g < groups.size(); ++g) across.push_back(models[g][m]);
    const std::vector<std::string> terms = o.has("split_test") ? o.list("split_test") : common_terms(across);
    const TestResult w = equal_coefficients(across, terms);
    nlohmann::json j = to_json(w);
    j["model"] = m + 1;
    j["terms"] = terms;
    tests.push_back(j);
    t.notes.push_back(fmt::format("{}Equal coefficients of {} in all {} groups of {}: chi2({:g}) = {:.3f}, p = {:.4f}; F({:g}, {:g}) = {:.3f}, p = {:.4f}.",
                                  n_models > 1 ? fmt::format("Model ({}): ", m + 1) : "", fmt::join(terms, ", "), groups.size(), column, w.df1, w.stat,
                                  w.p_value, w.df1, w.values.at("F_df2"), w.values.at("F"), w.values.at("F_p_value")));
  }
  t.notes.push_back("Wald test for independent groups: block-diagonal variance of the groups' estimates, each with its own vcov (Stata's suest).");
  for (size_t g = 0; g < groups.size(); ++g)
    if (!parts[g].tables.empty())
      for (const auto& note : parts[g].tables.front().notes)
        if (std::find(t.notes.begin(), t.notes.end(), note) == t.notes.end() && note.rfind("Model ", 0) != 0 && note.rfind("Warning: ", 0) != 0 &&
            note.find("in parentheses") == std::string::npos)
          t.notes.push_back(fmt::format("{} = {}: {}", column, groups[g].label, note));
  Outcome out;
  out.tables.push_back(std::move(t));
  out.json["equality_tests"] = tests;
  return out;
}

// The columns an analysis that adds columns (`creates`) made in a part of the data, carried onto
// the same rows of the whole frame; rows outside every part stay missing.
class CreatedColumns {
 public:
  CreatedColumns(const Analysis& a, const Options& o, size_t nrows) : n_(nrows) {
    if (a.creates) names_ = a.creates(o);
  }
  void add(const Frame& part, const std::vector<size_t>& rows) {
    for (const auto& name : names_) {
      if (!part.has(name)) continue;
      const Column& made = part.get(name);
      auto it = std::find_if(whole_.begin(), whole_.end(), [&](const Column& c) { return c.name == name; });
      // A part where the column is missing throughout (a log of a group's negative values, a z score
      // of a one-row group) says nothing of its type: it adds no values, and the column takes its
      // type from the parts that have some (it was refused as "numbers in one group and text in another").
      const bool all_missing = made.is_numeric() ? std::all_of(made.values.begin(), made.values.end(), [](double v) { return std::isnan(v); })
                                                 : std::all_of(made.codes.begin(), made.codes.end(), [](int32_t c) { return c < 0; });
      if (all_missing) {
        if (it == whole_.end() && std::none_of(missing_only_.begin(), missing_only_.end(), [&](const Column& c) { return c.name == name; }))
          missing_only_.push_back(empty_like(made));
        continue;
      }
      if (it == whole_.end()) it = whole_.insert(whole_.end(), empty_like(made));
      if (it->type != made.type) throw DataError(fmt::format("'{}' was made as numbers in one group and as text in another", name));
      if (made.is_numeric()) {
        for (size_t j = 0; j < rows.size(); ++j) it->values[rows[j]] = made.values[j];
        continue;
      }
      for (size_t j = 0; j < rows.size(); ++j) {
        if (made.codes[j] < 0) continue;
        const std::string& text = made.levels[static_cast<size_t>(made.codes[j])];
        auto level = std::find(it->levels.begin(), it->levels.end(), text);
        if (level == it->levels.end()) level = it->levels.insert(it->levels.end(), text);
        it->codes[rows[j]] = static_cast<int32_t>(level - it->levels.begin());
      }
    }
  }
  void write(Frame& frame) {
    for (auto& c : missing_only_)   // missing in every part: missing everywhere
      if (std::none_of(whole_.begin(), whole_.end(), [&](const Column& w) { return w.name == c.name; })) whole_.push_back(std::move(c));
    for (auto& c : whole_) frame.set(std::move(c));
  }

 private:
  Column empty_like(const Column& made) const {
    Column c;
    c.name = made.name;
    c.type = made.type;
    if (made.is_numeric()) c.values.assign(n_, NAN);
    else c.codes.assign(n_, -1);
    return c;
  }
  size_t n_;
  std::vector<std::string> names_;
  std::vector<Column> whole_;
  std::vector<Column> missing_only_;   // columns seen so far only missing throughout a part
};

// A frame moved into a shared whole for its parts (Frame::part_of) and moved back when they are
// done (give_back), or when an error leaves.
struct LentFrame {
  Frame& owner;
  std::shared_ptr<Frame> whole;
  explicit LentFrame(Frame& f) : owner(f), whole(std::make_shared<Frame>(std::move(f))) {}
  LentFrame(const LentFrame&) = delete;
  LentFrame& operator=(const LentFrame&) = delete;
  ~LentFrame() { give_back(); }
  void give_back() {
    if (whole) owner = std::move(*whole);
    whole.reset();
  }
};

}  // namespace

Outcome run_sample(const Analysis& a, Frame& frame, const Options& o, const AnalysisContext& ctx) {
  std::vector<size_t> rows(frame.nrows());
  std::iota(rows.begin(), rows.end(), size_t{0});
  nlohmann::json sample = nlohmann::json::object();
  std::vector<std::string> notes;
  if (o.has("subset")) {
    const RowFilter filter(o.text("subset"));
    rows = filter.rows(frame);
    const size_t n = frame.nrows();
    sample["subset"] = {{"expression", filter.expression()}, {"rows", n}, {"rows_kept", rows.size()}, {"rows_removed", n - rows.size()}};
    notes.push_back(fmt::format("Subset {}: {} of {} rows kept, {} removed.", filter.expression(), rows.size(), n, n - rows.size()));
    if (rows.empty()) throw DataError(fmt::format("--if / subset \"{}\" keeps no row of {}", filter.expression(), ctx.data));
  }
  Outcome out;
  CreatedColumns created(a, o, frame.nrows());
  // The parts are taken from the whole (Frame::part_of: their lags read the periods they leave out),
  // which is lent to them while they run and given back before the new columns are written.
  LentFrame lent(frame);
  const std::shared_ptr<Frame>& whole = lent.whole;
  size_t analysed = rows.size();   // rows in some part
  if (!o.has("split_by")) {
    Frame part = Frame::part_of(whole, rows);
    out = run_on(a, part, o, ctx);
    created.add(part, rows);
    if (!out.json.is_object()) out.json = nlohmann::json{{"results", std::move(out.json)}};
  } else {
    const std::string column = o.text("split_by");
    size_t missing = 0;
    const std::vector<Group> groups = groups_of(whole->get(column), rows, missing);
    if (groups.empty()) throw DataError(fmt::format("split_by: '{}' has no value in the rows analysed", column));
    if (missing) notes.push_back(fmt::format("{} rows with {} missing are left out.", missing, column));
    analysed -= missing;
    std::vector<Outcome> parts;
    std::vector<std::vector<RegressionResult>> models;
    nlohmann::json jgroups = nlohmann::json::array();
    for (const auto& g : groups) {
      Frame part = Frame::part_of(whole, g.rows);
      parts.push_back(in_group(fmt::format("{} = {}", column, g.label), [&] { return run_on(a, part, o, ctx); }));
      created.add(part, g.rows);
      jgroups.push_back({{"group", g.label}, {"rows", g.rows.size()}, {"results", parts.back().json}});
      models.push_back(regression_models_of(parts.back().json));
    }
    const bool regressions = groups.size() > 1 && !models.front().empty() &&
                             std::all_of(models.begin(), models.end(), [&](const auto& m) { return m.size() == models.front().size(); });
    if (regressions) out = side_by_side(a, o, ctx, column, groups, parts, models);
    for (size_t g = 0; g < groups.size(); ++g) {
      for (size_t k = regressions ? 1 : 0; k < parts[g].tables.size(); ++k) {
        Table t = std::move(parts[g].tables[k]);
        t.title = fmt::format("{}{}({} = {})", t.title, t.title.empty() ? "" : " ", column, groups[g].label);
        out.tables.push_back(std::move(t));
      }
      for (auto& f : parts[g].figures) {
        f.title = fmt::format("{}{}({} = {})", f.title, f.title.empty() ? "" : " ", column, groups[g].label);
        out.figures.push_back(std::move(f));
      }
    }
    out.json["split_by"] = column;
    out.json["groups"] = jgroups;
    if (missing) out.json["split_missing"] = missing;
  }
  lent.give_back();
  created.write(frame);
  if (a.creates && analysed < frame.nrows())
    notes.push_back(fmt::format("New columns ({}) are missing on the {} rows not analysed.", fmt::join(a.creates(o), ", "), frame.nrows() - analysed));
  for (auto& [k, v] : sample.items()) out.json[k] = v;
  if (!out.tables.empty()) {
    auto& n = out.tables.front().notes;
    n.insert(n.begin(), notes.begin(), notes.end());
  }
  return out;
}

}  // namespace cbec
