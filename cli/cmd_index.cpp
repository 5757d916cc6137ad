// cbec index: composite indices (entropy weights, optionally hierarchical) and VIF screening.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "cbec/core/error.hpp"
#include "cbec/estimate/index/alternative_weights.hpp"
#include "cbec/estimate/index/entropy_by_group.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/estimate/index/structure.hpp"
#include "cbec/estimate/index/vif.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/report/index_tables.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

namespace {
Eigen::MatrixXd columns_of(const Frame& f, const std::vector<std::string>& names) {
  Eigen::MatrixXd X(static_cast<long>(f.nrows()), static_cast<long>(names.size()));
  for (size_t j = 0; j < names.size(); ++j) {
    const auto& v = f.numeric(names[j]);
    for (size_t i = 0; i < v.size(); ++i) X(static_cast<long>(i), static_cast<long>(j)) = v[i];
  }
  return X;
}
// --scope per-year / time-varying: one row of weights per group.
void emit_entropy_by_group(Frame& f, const Eigen::MatrixXd& X, const std::vector<std::string>& indicators, const std::string& by, const std::string& scope,
                           const EntropyOptions& eo, const std::string& save, const std::string& name, const OutputOptions& out) {
  GroupedEntropyResult r = entropy_weights_by_group(X, indicators, f.get(by), scope, eo);
  Table t = entropy_by_group_table(r, indicators, by);
  if (!save.empty()) {
    f.set(Column::numeric(name, std::vector<double>(r.scores.data(), r.scores.data() + r.scores.size())));
    write_csv(f, save);
    t.notes.push_back(fmt::format("Scores written to {} as '{}'.", save, name));
  }
  emit({t}, to_json(r, by), out);
}
}  // namespace

void add_index(CLI::App& app) {
  struct Opts {
    std::string data, method = "entropy", save, name = "index", standardize = "minmax";
    std::vector<std::string> indicators, negative, groups, outputs, labour;
    std::string tertiary, secondary, region, industry, value, group, matrix, topsis_weights = "entropy", by, scope = "pooled";
    double shift = 0, threshold = 10;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("index", "Indices: entropy weights, VIF screening, industrial structure (ser, deviation, theil), location quotient (lq)");
  cmd->add_option("data", o->data, "Data file (.csv, .dta); not needed for ahp");
  cmd->add_option("--method", o->method, "entropy | cv | topsis | ahp | vif | ser | deviation | theil | lq");
  cmd->add_option("--indicators", o->indicators, "Indicator variables (entropy, vif)");
  cmd->add_option("--matrix", o->matrix, "ahp: CSV file with the square pairwise-comparison matrix (header = criteria)");
  cmd->add_option("--topsis-weights", o->topsis_weights, "topsis: entropy (default) or cv weights");
  cmd->add_option("--tertiary", o->tertiary, "ser: tertiary output column");
  cmd->add_option("--secondary", o->secondary, "ser: secondary output column");
  cmd->add_option("--outputs", o->outputs, "deviation, theil: output columns by sector");
  cmd->add_option("--labour", o->labour, "deviation, theil: employment columns by sector (same order)");
  cmd->add_option("--region", o->region, "lq: region column");
  cmd->add_option("--industry", o->industry, "lq: industry column");
  cmd->add_option("--value", o->value, "lq: value column (output or employment)");
  cmd->add_option("--group", o->group, "lq: compute within the levels of this column (e.g. year)");
  cmd->add_option("--negative", o->negative, "Indicators where less is better");
  cmd->add_option("--groups", o->groups, "First-level group of each indicator (hierarchical index)");
  cmd->add_option("--standardize", o->standardize, "minmax | z");
  cmd->add_option("--by", o->by, "entropy: the grouping column of --scope per-year or time-varying (e.g. year)");
  cmd->add_option("--scope", o->scope, "entropy: pooled (default; n = units x years) | per-year (standardize and weight within each --by group) | time-varying (standardize pooled, weight within each group)");
  cmd->add_option("--shift", o->shift, "Added to the standardized values before the shares (e.g. 0.0001)");
  cmd->add_option("--threshold", o->threshold, "VIF screening threshold (default 10)");
  cmd->add_option("--name", o->name, "Name of the score column");
  cmd->add_option("--save", o->save, "Write the data with the score column here (.csv)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    if (o->method == "ahp") {
      if (o->matrix.empty()) throw SpecError("--method ahp needs --matrix pairwise.csv");
      Frame m = read_table(o->matrix);
      Eigen::MatrixXd A = columns_of(m, [&] {
        std::vector<std::string> n;
        for (const auto& c : m.columns()) n.push_back(c.name);
        return n;
      }());
      AhpResult r = ahp(A);
      Table t;
      t.title = fmt::format("AHP weights: lambda_max = {}, CI = {}, CR = {} ({})", format_fixed(r.lambda_max), format_fixed(r.ci), format_fixed(r.cr), r.consistent ? "consistent, CR < 0.1" : "NOT consistent: revise the judgements");
      t.header = {"Criterion", "Weight"};
      for (size_t j = 0; j < m.ncols(); ++j) t.rows.push_back({m.columns()[j].name, format_fixed(r.w[static_cast<long>(j)])});
      emit({t}, nlohmann::json{{"cbec", CBEC_VERSION}, {"command", "index"}, {"method", "ahp"}, {"lambda_max", r.lambda_max}, {"ci", r.ci}, {"cr", r.cr},
                               {"weights", std::vector<double>(r.w.data(), r.w.data() + r.w.size())}}, o->out);
      return;
    }
    if (o->data.empty()) throw SpecError("a data file is needed");
    Frame f = read_table(o->data);
    if (o->method == "ser" || o->method == "deviation" || o->method == "theil" || o->method == "lq") {
      std::vector<double> v = o->method == "ser"         ? structure_advancement(f, o->tertiary, o->secondary)
                              : o->method == "deviation" ? structural_deviation(f, o->outputs, o->labour)
                              : o->method == "theil"     ? theil_rationalization(f, o->outputs, o->labour)
                                                         : location_quotient(f, o->region, o->industry, o->value, o->group);
      const std::string name = o->name == "index" ? o->method : o->name;
      size_t missing = 0;
      for (double x : v) missing += std::isnan(x);
      f.set(Column::numeric(name, v));
      Table t;
      t.title = fmt::format("{}: {} values, {} not computable (missing or non-positive inputs)", name, v.size() - missing, missing);
      t.header = {"Statistic", "Value"};
      double sum = 0;
      for (double x : v)
        if (!std::isnan(x)) sum += x;
      t.rows.push_back({"Mean", format_fixed(sum / static_cast<double>(v.size() - missing))});
      if (!o->save.empty()) {
        write_csv(f, o->save);
        t.notes.push_back(fmt::format("Written to {} as '{}'.", o->save, name));
      }
      emit({t}, nlohmann::json{{"cbec", CBEC_VERSION}, {"command", "index"}, {"method", o->method}, {"values", v}}, o->out);
      return;
    }
    if (o->indicators.empty()) throw SpecError("--indicators are needed for entropy and vif");
    Eigen::MatrixXd X = columns_of(f, o->indicators);
    if (o->method == "vif") {
      auto steps = vif_screen(X, o->indicators, o->threshold);
      const std::vector<Table> tables = vif_tables(steps);
      emit(tables, to_json(steps), o->out);
      return;
    }
    if (o->method == "cv" || o->method == "topsis") {
      std::vector<bool> neg;
      for (const auto& name : o->indicators) neg.push_back(std::find(o->negative.begin(), o->negative.end(), name) != o->negative.end());
      EntropyOptions eo;
      eo.negative = neg;
      Eigen::VectorXd w = o->method == "cv" || o->topsis_weights == "cv" ? cv_weights(X) : entropy_weights(X, o->indicators, eo).w;
      Table t;
      t.title = o->method == "cv" ? "Coefficient-of-variation weights" : fmt::format("TOPSIS with {} weights", o->topsis_weights);
      t.header = {"Indicator", "Weight"};
      for (size_t j = 0; j < o->indicators.size(); ++j) t.rows.push_back({o->indicators[j], format_fixed(w[static_cast<long>(j)])});
      nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "index"}, {"method", o->method}, {"weights", std::vector<double>(w.data(), w.data() + w.size())}};
      if (o->method == "topsis") {
        Eigen::VectorXd c = topsis(X, w, neg);
        f.set(Column::numeric(o->name, std::vector<double>(c.data(), c.data() + c.size())));
        j["closeness"] = std::vector<double>(c.data(), c.data() + c.size());
        if (!o->save.empty()) {
          write_csv(f, o->save);
          t.notes.push_back(fmt::format("Closeness written to {} as '{}'.", o->save, o->name));
        }
      }
      emit({t}, j, o->out);
      return;
    }
    if (o->method != "entropy") throw SpecError(fmt::format("--method '{}' is unknown; use entropy, cv, topsis, ahp, vif, ser, deviation, theil or lq", o->method));
    EntropyOptions eo;
    eo.standardize = o->standardize;
    eo.shift = o->shift;
    eo.groups = o->groups;
    for (const auto& name : o->indicators)
      eo.negative.push_back(std::find(o->negative.begin(), o->negative.end(), name) != o->negative.end());
    for (const auto& name : o->negative)
      if (std::find(o->indicators.begin(), o->indicators.end(), name) == o->indicators.end())
        throw SpecError(fmt::format("--negative names '{}', which is not among --indicators", name));
    if (o->scope != "pooled") {
      if (o->by.empty()) throw SpecError(fmt::format("--scope {} needs --by (e.g. --by year)", o->scope));
      emit_entropy_by_group(f, X, o->indicators, o->by, o->scope, eo, o->save, o->name, o->out);
      return;
    }
    if (!o->by.empty()) throw SpecError("--by needs --scope per-year or time-varying");
    EntropyResult r = entropy_weights(X, o->indicators, eo);
    Table t = entropy_table(r, eo);
    if (!o->save.empty()) {
      f.set(Column::numeric(o->name, std::vector<double>(r.scores.data(), r.scores.data() + r.scores.size())));
      write_csv(f, o->save);
      t.notes.push_back(fmt::format("Scores written to {} as '{}'.", o->save, o->name));
    }
    emit({t}, to_json(r), o->out);
  });
}

}  // namespace cbec::cli
