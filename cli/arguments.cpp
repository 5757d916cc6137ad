#include "arguments.hpp"

#include <charconv>

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

uint64_t parse_seed(const std::string& text, const std::string& option) {
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw SpecError(fmt::format("{} must be a whole number from 0 to 18446744073709551615, not '{}'", option, text));
  return v;
}

}  // namespace cbec::cli
