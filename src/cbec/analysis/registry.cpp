#include "cbec/analysis/registry.hpp"

#include <fmt/format.h>

#include <map>

#include "cbec/analysis/did/did_analyses.hpp"
#include "cbec/core/error.hpp"

namespace cbec {

namespace {

// Subcommands with several analyses, and how the command line chooses among them.
CommandGroup group_of(const std::string& command) {
  static const std::map<std::string, CommandGroup> groups = {
      {"did", {"did", "Staggered difference-in-differences", "method", false, "twfe", {}}},
  };
  auto it = groups.find(command);
  if (it != groups.end()) return it->second;
  return CommandGroup{command, "", "", false, "", {}};
}

// Names earlier versions used in study files, for a helpful error.
const std::map<std::string, std::string>& renamed() {
  static const std::map<std::string, std::string> r = {{"twfe_did", "twfe"}, {"event_study", "event"}, {"sun_abraham", "sunab"},
                                                       {"callaway_santanna", "cs"}, {"wild_bootstrap", "wild"}};
  return r;
}

}  // namespace

const std::vector<Analysis>& all_analyses() {
  static const std::vector<Analysis> list = {
      twfe_analysis(), event_analysis(), sunab_analysis(), cs_analysis(), imputation_analysis(),
      didm_analysis(), bacon_analysis(), placebo_analysis(), wild_analysis(), mediation_analysis(),
  };
  return list;
}

std::vector<CommandGroup> command_groups() {
  std::vector<CommandGroup> out;
  for (const auto& a : all_analyses()) {
    auto it = std::find_if(out.begin(), out.end(), [&](const CommandGroup& g) { return g.name == a.command; });
    if (it == out.end()) {
      out.push_back(group_of(a.command));
      if (out.back().summary.empty()) out.back().summary = a.summary;
      it = out.end() - 1;
    }
    it->analyses.push_back(&a);
  }
  return out;
}

const Analysis& find_analysis(const std::string& name) {
  for (const auto& a : all_analyses())
    if (a.name == name) return a;
  if (auto r = renamed().find(name); r != renamed().end())
    throw SpecError(fmt::format("the analysis '{}' is now called '{}'", name, r->second));
  std::vector<std::string> names;
  for (const auto& a : all_analyses()) names.push_back(a.name);
  throw SpecError(fmt::format("unknown analysis '{}'; use one of {}", name, fmt::join(names, ", ")));
}

}  // namespace cbec
