// Parsing of option values shared by several subcommands.
#pragma once
#include <string>
#include <utility>

namespace cbec::cli {

// "--panel unit,time" -> {unit, time}; a SpecError explains the form otherwise.
std::pair<std::string, std::string> parse_panel(const std::string& text);

}  // namespace cbec::cli
