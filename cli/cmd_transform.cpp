// cbec transform: add transformed columns to a data file and report what each transform did;
// cbec panel: report the panel structure (units, periods, balance, gaps, duplicates).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <tuple>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/frame/transforms.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "arguments.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

namespace {

double number(const std::string& s, const std::string& what) {
  try {
    size_t used = 0;
    double v = std::stod(s, &used);
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

}  // namespace

void add_transform(CLI::App& app) {
  struct Opts {
    std::string data, panel, out;
    std::vector<std::string> log, lag, lead, diff, growth, interpolate, winsor, std;
    bool extrapolate = false;
    OutputOptions output;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("transform", "Add transformed variables (log, lags, growth, interpolation, winsorizing, standardization)");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--panel", o->panel, "unit,time (needed for lags, differences, growth, interpolation)");
  cmd->add_option("--log", o->log, "x -> log_x (values <= 0 become missing, counted)");
  cmd->add_option("--lag", o->lag, "x[:k] -> l<k>_x (gap-aware)");
  cmd->add_option("--lead", o->lead, "x[:k] -> f<k>_x");
  cmd->add_option("--diff", o->diff, "x[:k] -> d<k>_x");
  cmd->add_option("--growth", o->growth, "x -> g_x = x_t / x_{t-1} - 1");
  cmd->add_option("--interpolate", o->interpolate, "x -> i_x, linear within unit over time");
  cmd->add_flag("--extrapolate", o->extrapolate, "Also extrapolate linearly beyond the first and last observations");
  cmd->add_option("--winsor", o->winsor, "x:lower:upper[:by=g] -> w_x (percentiles as Stata winsor2)");
  cmd->add_option("--std", o->std, "x:z|minmax|minmax_neg[:by=g] -> z_x / mm_x");
  cmd->add_option("--save", o->out, "Write the data with the new columns here (.csv)")->required();
  add_output_options(*cmd, o->output);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    std::optional<Panel> panel;
    auto need_panel = [&]() -> const Panel& {
      if (!panel) {
        auto [unit, time] = parse_panel(o->panel);
        panel = declare_panel(f, unit, time);
      }
      return *panel;
    };
    std::vector<TransformReport> reports;
    auto add = [&](const std::string& name, std::vector<double> v, TransformReport rep, const std::string& what) {
      rep.column = name;
      rep.description = what;
      f.set(Column::numeric(name, std::move(v)));
      reports.push_back(rep);
    };
    for (const auto& x : o->log) {
      TransformReport r;
      auto v = log_values(f.numeric(x), r);
      add("log_" + x, std::move(v), r, fmt::format("log({})", x));
    }
    for (auto [specs, sign, prefix] : {std::tuple{&o->lag, 1, "l"}, {&o->lead, -1, "f"}, {&o->diff, 0, "d"}}) {
      for (const auto& s : *specs) {
        auto parts = split_trimmed(s, ':');
        const int k = parts.size() > 1 ? static_cast<int>(number(parts[1], s)) : 1;
        TransformReport r;
        std::vector<double> v;
        if (sign == 0) v = panel_diff(need_panel(), f.numeric(parts[0]), k, r);
        else {
          v = panel_shift(need_panel(), f.numeric(parts[0]), sign * k);
          for (size_t i = 0; i < v.size(); ++i) {
            if (std::isnan(f.numeric(parts[0])[i])) ++r.missing_input;
            r.computed += !std::isnan(v[i]);
          }
          r.invalid = v.size() - r.computed;
        }
        const std::string name = fmt::format("{}{}_{}", prefix, k, parts[0]);
        add(name, std::move(v), r, fmt::format("{}({}, {})", prefix, parts[0], k));
      }
    }
    for (const auto& x : o->growth) {
      TransformReport r;
      auto v = panel_growth(need_panel(), f.numeric(x), r);
      add("g_" + x, std::move(v), r, fmt::format("growth of {}", x));
    }
    for (const auto& x : o->interpolate) {
      TransformReport r;
      auto v = interpolate(need_panel(), f.numeric(x), o->extrapolate, r);
      add("i_" + x, std::move(v), r,
          fmt::format("linear {} of {}", o->extrapolate ? "interpolation and extrapolation" : "interpolation", x));
    }
    for (const auto& s : o->winsor) {
      auto parts = split_trimmed(s, ':');
      if (parts.size() < 3) throw SpecError(fmt::format("--winsor '{}' needs x:lower:upper, e.g. gdp:1:99", s));
      auto g = by_group(f, parts, 3);
      TransformReport r;
      auto v = winsorize(f.numeric(parts[0]), number(parts[1], s), number(parts[2], s), g ? &g->codes : nullptr, r);
      add("w_" + parts[0], std::move(v), r,
          fmt::format("winsorized at {}/{} percentiles{}", parts[1], parts[2], g ? " by " + g->name : ""));
    }
    for (const auto& s : o->std) {
      auto parts = split_trimmed(s, ':');
      if (parts.size() < 2) throw SpecError(fmt::format("--std '{}' needs x:method, e.g. gdp:z", s));
      auto g = by_group(f, parts, 2);
      TransformReport r;
      auto v = standardize(f.numeric(parts[0]), parts[1], g ? &g->codes : nullptr, r);
      add((parts[1] == "z" ? "z_" : "mm_") + parts[0], std::move(v), r,
          fmt::format("{} standardization{}", parts[1], g ? " by " + g->name : ""));
    }
    write_csv(f, o->out);
    Table t;
    t.title = fmt::format("Transforms written to {}", o->out);
    t.header = {"New column", "Transform", "Computed", "Missing input", "Not computable", "Changed"};
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "transform"}, {"out", o->out}, {"transforms", nlohmann::json::array()}};
    for (const auto& r : reports) {
      t.rows.push_back({r.column, r.description, std::to_string(r.computed), std::to_string(r.missing_input), std::to_string(r.invalid), std::to_string(r.changed)});
      j["transforms"].push_back({{"column", r.column}, {"transform", r.description}, {"computed", r.computed},
                                 {"missing_input", r.missing_input}, {"not_computable", r.invalid}, {"changed", r.changed}});
    }
    t.notes.push_back("Not computable: log of values <= 0, lags/leads of periods not observed, growth from zero, constant groups.");
    emit({t}, j, o->output);
  });
}

void add_panel(CLI::App& app) {
  struct Opts {
    std::string data, unit, time;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("panel", "Report the panel structure: units, periods, balance, gaps, duplicates");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("--unit", o->unit, "Unit identifier")->required();
  cmd->add_option("--time", o->time, "Time period")->required();
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame f = read_table(o->data);
    Panel p = declare_panel(f, o->unit, o->time);
    Table t;
    t.title = fmt::format("Panel structure of {}", o->data);
    t.header = {"Item", "Value"};
    t.rows = {{"Units", std::to_string(p.n_units)},
              {"Periods", fmt::format("{} ({}..{})", p.n_periods(), p.times.empty() ? 0 : p.times.front(), p.times.empty() ? 0 : p.times.back())},
              {"Observations", std::to_string(p.order.size())},
              {"Balanced", p.balanced ? "yes" : "no"},
              {"Gaps (missing periods inside a unit's span)", fmt::format("{} in {} units", p.n_gaps, p.units_with_gaps)},
              {"Rows with missing unit or time", std::to_string(p.rows_missing_id)}};
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "panel"}, {"units", p.n_units}, {"periods", p.n_periods()},
                     {"observations", p.order.size()}, {"balanced", p.balanced}, {"gaps", p.n_gaps}, {"units_with_gaps", p.units_with_gaps},
                     {"rows_missing_id", p.rows_missing_id}, {"summary", p.summary()}};
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
