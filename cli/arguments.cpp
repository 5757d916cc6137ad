#include "arguments.hpp"

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"

namespace cbec::cli {

std::pair<std::string, std::string> parse_panel(const std::string& text) {
  auto parts = split_trimmed(text, ',');
  if (parts.size() != 2)
    throw SpecError(fmt::format("--panel '{}' must name the unit and time variables as unit,time", text));
  return {parts[0], parts[1]};
}

}  // namespace cbec::cli
