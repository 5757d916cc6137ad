// The reference numbers a script in tests/reference/ wrote to tests/reference/fixtures/ (the
// script's name is in the fixture's source_script), read by the tests that compare with them.
#pragma once
#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>
#include <string>

inline nlohmann::json reference_fixture(const std::string& name) {
  const std::string path = std::string(CBEC_FIXTURES) + "/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("reference fixture " + path + " cannot be read: it is written by its script in tests/reference/");
  return nlohmann::json::parse(in);
}
