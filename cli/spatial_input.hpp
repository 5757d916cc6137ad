// Spatial weights on the command line: a weights file (--w), the data column holding its unit ids
// (--id) and the transform (--transform), turned into the SpatialSetup the spatial analyses use.
#pragma once
#include <CLI/CLI.hpp>

#include <string>

#include "cbec/analysis/analysis.hpp"

namespace cbec::cli {

struct SpatialInputArgs {
  std::string weights, id, transform = "R";
  bool matrix = false;
  bool symmetrize = false;
};

void add_spatial_input_options(CLI::App& cmd, SpatialInputArgs& args);
SpatialSetup spatial_setup_from_args(const SpatialInputArgs& args, const Frame& frame, const std::string& data);

}  // namespace cbec::cli
