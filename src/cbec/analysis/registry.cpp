#include "cbec/analysis/registry.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "cbec/analysis/common_options.hpp"
#include "cbec/core/error.hpp"

namespace cbec {

namespace {

const std::vector<Family>& families() {
  static const std::vector<Family> list = {did_family(), spatial_family(), index_family(), convergence_family(), panel_family(),
                                           spreg_family(), ts_family(), zones_family()};
  return list;
}

}  // namespace

const std::vector<Analysis>& all_analyses() {
  static const std::vector<Analysis> list = [] {
    std::vector<Analysis> all;
    for (const auto& f : families()) all.insert(all.end(), f.analyses.begin(), f.analyses.end());
    for (auto& a : all) add_common_options(a);
    return all;
  }();
  return list;
}

std::vector<CommandGroup> command_groups() {
  std::vector<CommandGroup> out;
  for (const auto& a : all_analyses()) {
    auto it = std::find_if(out.begin(), out.end(), [&](const CommandGroup& g) { return g.name == a.command; });
    if (it == out.end()) {
      CommandGroup g{a.command, a.summary, "", false, "", {}};
      for (const auto& f : families())
        for (const auto& declared : f.groups)
          if (declared.name == a.command) g = declared;
      out.push_back(g);
      it = out.end() - 1;
    }
    it->analyses.push_back(&a);
  }
  return out;
}

const Analysis& find_analysis(const std::string& name) {
  for (const auto& a : all_analyses())
    if (a.name == name) return a;
  for (const auto& f : families())
    if (auto r = f.renamed.find(name); r != f.renamed.end()) throw SpecError(fmt::format("the analysis '{}' is now called '{}'", name, r->second));
  std::vector<std::string> names;
  for (const auto& a : all_analyses()) names.push_back(a.name);
  throw SpecError(fmt::format("unknown analysis '{}'; use one of {}", name, fmt::join(names, ", ")));
}

}  // namespace cbec
