// Parsing of option values shared by several subcommands.
#pragma once
#include <cstdint>
#include <string>
#include <utility>

namespace cbec::cli {

// "--panel unit,time" -> {unit, time}; a SpecError explains the form otherwise.
std::pair<std::string, std::string> parse_panel(const std::string& text);

// A random seed: a whole number from 0 to 2^64 - 1, never clamped or wrapped; a SpecError names `option`.
uint64_t parse_seed(const std::string& text, const std::string& option);

}  // namespace cbec::cli
