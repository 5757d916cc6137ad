// The registry as data: each analysis's name, command, needs and option schema as JSON, for
// `cbec analyses --json`, the parity tests and the Python module's generated functions.
#pragma once
#include <nlohmann/json.hpp>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

nlohmann::json schema_json(const Analysis& a);

}  // namespace cbec
