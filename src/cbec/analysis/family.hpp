// A family of analyses (did, spatial, index, ...): its analyses and the command-line subcommands
// that group them. Each family folder defines one `<family>_family()`; registry.cpp lists them.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

// A command-line subcommand and the analyses it groups (`cbec did --method cs`).
struct CommandGroup {
  std::string name, summary;
  std::string selector = "method";     // the option choosing the analysis; "" when the group has one
  bool selector_positional = false;    // `cbec spatial moran data.csv` instead of --method moran
  std::string default_analysis;        // when the selector is omitted ("" = required)
  std::vector<const Analysis*> analyses;   // filled by the registry
};

struct Family {
  std::vector<Analysis> analyses;
  std::vector<CommandGroup> groups;    // subcommands of several analyses; a lone analysis is its own
  std::map<std::string, std::string> renamed;   // old study-file names -> the analysis's name
};

Family did_family();
Family spatial_family();
Family index_family();
Family convergence_family();
Family panel_family();
Family spreg_family();
Family ts_family();
Family zones_family();

}  // namespace cbec
