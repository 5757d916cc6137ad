#include "cbec/frame/transform_specs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/frame/factor.hpp"
#include "cbec/frame/part_of_whole.hpp"

namespace cbec {

namespace {

double number(const std::string& s, const std::string& what) {
  try {
    size_t used = 0;
    const double v = std::stod(s, &used);
    if (used == s.size()) return v;
  } catch (...) {
  }
  throw SpecError(fmt::format("{}: '{}' is not a number", what, s));
}

// "by=var" at the end of a spec -> group codes.
std::optional<Factor> by_group(const Frame& f, const std::vector<std::string>& parts, size_t at) {
  if (parts.size() <= at) return std::nullopt;
  if (parts[at].rfind("by=", 0) != 0) throw SpecError(fmt::format("expected by=variable, got '{}'", parts[at]));
  return make_factor(f, {parts[at].substr(3)});
}

// The k of "x:k" for lags, leads and differences: a whole number from 1 (a lead is a lead, not a
// lag of -1; a fraction is no period).
int lag_order(const std::vector<std::string>& parts, const std::string& spec) {
  if (parts.size() < 2) return 1;
  const double k = number(parts[1], spec);
  if (!(k >= 1 && k <= 1000 && k == std::floor(k)))
    throw SpecError(fmt::format("{}: the order '{}' must be a whole number of periods from 1 (use lead for the periods after)", spec, parts[1]));
  return static_cast<int>(k);
}

// The ':'-separated parts of a spec written as `form`, at least `at_least` and at most `at_most` of
// them (a part too many was ignored: x:5:95:by=g:by=year winsorized by g alone).
struct SpecForm {
  size_t at_least, at_most;
  const char* form;
};
constexpr SpecForm kShiftForm{1, 2, "x[:k], e.g. gdp:2"};
constexpr SpecForm kWinsorForm{3, 4, "x:lower:upper[:by=group], e.g. gdp:1:99:by=year (one by= column)"};
constexpr SpecForm kStdForm{2, 3, "x:method[:by=group], e.g. gdp:z:by=year (one by= column)"};

std::vector<std::string> checked_parts(const std::string& spec, const SpecForm& f) {
  auto parts = split_trimmed(spec, ':');
  if (parts.size() < f.at_least) throw SpecError(fmt::format("'{}' needs {}", spec, f.form));
  if (parts.size() > f.at_most)
    throw SpecError(fmt::format("'{}': '{}' is a part too many; write {}", spec, parts[f.at_most], f.form));
  return parts;
}

}  // namespace

std::vector<std::string> transform_inputs(const TransformSpecs& o) {
  std::vector<std::string> in;
  for (const auto* list : {&o.log, &o.lag, &o.lead, &o.diff, &o.growth, &o.interpolate, &o.winsor, &o.std})
    for (const auto& spec : *list) in.push_back(spec.substr(0, spec.find(':')));
  return in;
}

std::vector<std::string> transform_outputs(const TransformSpecs& o) {
  std::vector<std::string> out;
  for (const auto& x : o.log) out.push_back("log_" + x);
  for (auto [specs, prefix] : {std::pair{&o.lag, "l"}, {&o.lead, "f"}, {&o.diff, "d"}})
    for (const auto& s : *specs) {
      const auto parts = checked_parts(s, kShiftForm);
      out.push_back(fmt::format("{}{}_{}", prefix, lag_order(parts, s), parts[0]));
    }
  for (const auto& x : o.growth) out.push_back("g_" + x);
  for (const auto& x : o.interpolate) out.push_back("i_" + x);
  for (const auto& s : o.winsor) out.push_back("w_" + checked_parts(s, kWinsorForm)[0]);
  for (const auto& s : o.std) {
    const auto parts = checked_parts(s, kStdForm);
    out.push_back((parts[1] == "z" ? "z_" : "mm_") + parts[0]);
  }
  for (size_t a = 0; a < out.size(); ++a)
    if (std::find(out.begin() + static_cast<long>(a) + 1, out.end(), out[a]) != out.end())
      throw SpecError(fmt::format("two transforms create the column '{}' (the second would overwrite the first): run them one at a time, "
                                  "renaming the first output, or keep one", out[a]));
  return out;
}

std::vector<TransformReport> apply_transforms(Frame& f, const TransformSpecs& o) {
  std::optional<Panel> panel;
  auto need_panel = [&]() -> const Panel& {
    if (o.unit.empty() || o.time.empty()) throw SpecError("lags, leads, differences, growth and interpolation need the panel's unit and time");
    if (!panel) panel = declare_panel(f, o.unit, o.time);
    return *panel;
  };
  // x (or, with `ones`, a column of ones: whether the period is observed) `shift` periods before
  // (after, negative) each row. A part of a whole (Frame::part_of: --if, --split-by) whose x, unit
  // and time are the whole's reads the periods it leaves out, as Stata's `generate lx = L.x if ...`;
  // interpolation stays within the rows kept, as Stata's `ipolate ... if`.
  std::optional<Panel> whole_panel;
  bool whole_not_a_panel = false;
  auto shifted = [&](const std::string& x, bool ones, int shift) {
    if (!whole_not_a_panel && same_in_whole(f, {x, o.unit, o.time})) {
      const Frame& whole = *f.origin();
      try {
        if (!whole_panel) whole_panel = declare_panel(whole, o.unit, o.time);
        return at_part_rows(f, panel_shift(*whole_panel, ones ? std::vector<double>(whole.nrows(), 1.0) : whole.numeric(x), shift));
      } catch (const DataError&) {   // a unit twice in a period of the whole: the part's own periods
        whole_not_a_panel = true;
      }
    }
    return panel_shift(need_panel(), ones ? std::vector<double>(f.nrows(), 1.0) : f.numeric(x), shift);
  };
  const std::vector<std::string> names = transform_outputs(o);
  std::vector<TransformReport> reports;
  auto add = [&](std::vector<double> v, TransformReport rep, const std::string& what) {
    rep.column = names[reports.size()];
    rep.description = what;
    f.set(Column::numeric(rep.column, std::move(v)));
    reports.push_back(rep);
  };
  for (const auto& x : o.log) {
    TransformReport r;
    auto v = log_values(f.numeric(x), r);
    add(std::move(v), r, fmt::format("log({})", x));
  }
  for (auto [specs, sign, prefix] : {std::tuple{&o.lag, 1, "l"}, {&o.lead, -1, "f"}, {&o.diff, 0, "d"}}) {
    for (const auto& s : *specs) {
      const auto parts = checked_parts(s, kShiftForm);
      const int k = lag_order(parts, s);
      const auto& x = f.numeric(parts[0]);
      TransformReport r;
      std::vector<double> v;
      if (sign == 0) v = difference(x, shifted(parts[0], false, k), r);
      else {
        v = shifted(parts[0], false, sign * k);
        // Whether the period t - k (t + k) is observed at all: the shift of a column of ones.
        const std::vector<double> observed = shifted(parts[0], true, sign * k);
        for (size_t i = 0; i < v.size(); ++i) {
          if (std::isnan(observed[i])) ++r.invalid;        // the period is not observed
          else if (std::isnan(v[i])) ++r.missing_input;    // observed, its value missing
          else ++r.computed;
        }
      }
      add(std::move(v), r, fmt::format("{}({}, {})", prefix, parts[0], k));
    }
  }
  for (const auto& x : o.growth) {
    TransformReport r;
    auto v = growth(f.numeric(x), shifted(x, false, 1), r);
    add(std::move(v), r, fmt::format("growth of {}", x));
  }
  for (const auto& x : o.interpolate) {
    TransformReport r;
    auto v = interpolate(need_panel(), f.numeric(x), o.extrapolate, r);
    add(std::move(v), r, fmt::format("linear {} of {}", o.extrapolate ? "interpolation and extrapolation" : "interpolation", x));
  }
  for (const auto& s : o.winsor) {
    const auto parts = checked_parts(s, kWinsorForm);
    const auto g = by_group(f, parts, 3);
    TransformReport r;
    auto v = winsorize(f.numeric(parts[0]), number(parts[1], s), number(parts[2], s), g ? &g->codes : nullptr, r);
    add(std::move(v), r, fmt::format("winsorized at {}/{} percentiles{}", parts[1], parts[2], g ? " by " + g->name : ""));
  }
  for (const auto& s : o.std) {
    const auto parts = checked_parts(s, kStdForm);
    const auto g = by_group(f, parts, 2);
    TransformReport r;
    auto v = standardize(f.numeric(parts[0]), parts[1], g ? &g->codes : nullptr, r);
    add(std::move(v), r, fmt::format("{} standardization{}", parts[1], g ? " by " + g->name : ""));
  }
  return reports;
}

}  // namespace cbec
