// cbec analyses: every analysis of the registry with its command, needs and options.
#include <fmt/format.h>

#include "cbec/analysis/registry.hpp"
#include "cbec/analysis/schema_json.hpp"
#include "cbec/analysis/variance_support.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_analyses(CLI::App& app) {
  auto out = std::make_shared<OutputOptions>();
  auto* cmd = app.add_subcommand("analyses", "List every analysis: its name (the study file's type), command and options");
  add_output_options(*cmd, *out);
  cmd->callback([out] {
    StageTimer timer;
    Table t;
    t.title = "Analyses (study file: type = name; command line: cbec <command> --method name)";
    t.header = {"Name", "Command", "Options", "What it does"};
    nlohmann::json j = {{"cbec", CBEC_VERSION}, {"analyses", nlohmann::json::array()}};
    for (const auto& a : all_analyses()) {
      std::vector<std::string> keys;
      for (const auto& o : a.options) keys.push_back(o.required ? o.key + "*" : o.key);
      t.rows.push_back({a.name, a.command, fmt::format("{}", fmt::join(keys, ", ")), a.summary});
      j["analyses"].push_back(schema_json(a));
    }
    j["variance_support"] = variance_support_json();
    for (const auto& v : variance_support())
      t.notes.push_back(fmt::format("vcov of {}: {}{}", v.estimator, fmt::join(v.supported, ", "), v.note.empty() ? "" : " (" + v.note + ")"));
    j["commands"] = nlohmann::json::array();
    for (const auto& g : command_groups())
      j["commands"].push_back({{"name", g.name}, {"selector", g.selector}, {"selector_positional", g.selector_positional}});
    t.notes.push_back("* required. `cbec <command> --help` shows each option's meaning, default and choices.");
    emit({t}, j, *out, out->timing ? &timer : nullptr);
  });
}

}  // namespace cbec::cli
