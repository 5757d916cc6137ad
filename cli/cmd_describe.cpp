// cbec describe: summary statistics like Stata's summarize, optionally by group.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

#include "cbec/estimate/describe/summarize.hpp"
#include "cbec/io/read_table.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_describe(CLI::App& app) {
  struct Opts {
    std::string data, by;
    std::vector<std::string> vars;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("describe", "Summary statistics (N, mean, SD, min, max), optionally by group");
  cmd->add_option("data", o->data, "Data file (.csv, .dta)")->required();
  cmd->add_option("vars", o->vars, "Variables (default: every numeric column)");
  cmd->add_option("--by", o->by, "Summarize within the levels of this variable");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    Frame frame = read_table(o->data);
    auto rows = summarize(frame, o->vars, o->by);
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "describe"}, {"data", o->data}, {"nobs", frame.nrows()}};
    for (const auto& r : rows) {
      nlohmann::json s{{"variable", r.variable}, {"n", r.n}, {"missing", r.missing}, {"mean", r.mean},
                       {"sd", r.sd}, {"min", r.min}, {"max", r.max}};
      if (!o->by.empty()) s["group"] = r.group;
      j["summary"].push_back(s);
    }
    emit({summary_table(rows)}, j, o->out);
  });
}

}  // namespace cbec::cli
