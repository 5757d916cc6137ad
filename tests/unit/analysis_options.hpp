// An analysis's options written as a JSON object {key: value}, validated as the study file's and
// Python's are (analysis/options.hpp), for the tests that run an analysis through run_analysis; a
// SpecError names the first problem.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cbec/analysis/registry.hpp"
#include "cbec/core/error.hpp"

namespace cbec::testing {

inline Options analysis_options(const Analysis& a, const nlohmann::json& options) {
  std::vector<RawOption> raw;
  for (const auto& [k, v] : options.items()) raw.push_back({k, v, k, false});
  std::vector<std::string> problems;
  Options o = validate_options(a.options, raw, a.name, problems);
  if (!problems.empty()) throw SpecError(problems.front());
  return o;
}

}  // namespace cbec::testing
