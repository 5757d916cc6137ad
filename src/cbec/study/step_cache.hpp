// Study steps cached by content: each step's result (tables, figures, JSON) is stored under the
// SHA-256 of everything it depends on (cbec's version and the checksum of its code, the checksums of the data, truth, polygon
// and edit files, the [data] and [spatial] settings, the seed, the step's own settings and those
// of earlier steps that add columns). Re-running after editing one step redoes only the steps
// whose inputs changed. The cache is a folder of JSON files beside the study file (.cbec-cache).
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "cbec/study/study_section.hpp"

namespace cbec {

class StepCache {
 public:
  explicit StepCache(std::string folder) : folder_(std::move(folder)) {}
  std::optional<StudySection> load(const std::string& key) const;
  void store(const std::string& key, const StudySection& section) const;

 private:
  std::string folder_;
};

// The SHA-256 of the code running: the shared object holding this function (the Python module) or
// the program it is linked into; "" when neither can be read. Part of every step's key, so results
// cached by one build are never reused by another (a development build keeps its version number).
// Computed once per process.
const std::string& code_identity();

// The cache key of a step from the JSON of its inputs.
std::string step_key(const nlohmann::json& inputs);

nlohmann::json to_json(const StudySection& s);
StudySection section_from_json(const nlohmann::json& j);

}  // namespace cbec
