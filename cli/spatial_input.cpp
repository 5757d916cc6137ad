#include "spatial_input.hpp"

#include "cbec/analysis/spatial_setup.hpp"
#include "cbec/core/error.hpp"
#include "cbec/io/weights_io.hpp"

namespace cbec::cli {

void add_spatial_input_options(CLI::App& cmd, SpatialInputArgs& args) {
  cmd.add_option("--w", args.weights, "Weights file (.gal, .gwt, .csv edge list from,to[,weight] or .matrix.csv dense matrix)");
  cmd.add_option("--id", args.id, "Unit id column matching the weights");
  cmd.add_option("--transform", args.transform, "R (row-standardized, default), B (binary) or S (variance-stabilizing)")->check(CLI::IsMember({"R", "B", "S"}));
  cmd.add_flag("--matrix", args.matrix, "Read a .csv weights file as a dense matrix");
  cmd.add_flag("--symmetrize", args.symmetrize, "Make every link mutual (an edge list giving each pair once)");
}

SpatialSetup spatial_setup_from_args(const SpatialInputArgs& args, const Frame& frame, const std::string& data) {
  if (args.weights.empty()) throw SpecError("this analysis needs a weights file: --w file.gal (or a .csv edge list)");
  if (args.id.empty()) throw SpecError("name the data column holding the weights' unit ids: --id column");
  if (!frame.has(args.id)) throw DataError("no column '" + args.id + "' in " + data + " (--id)");
  return given_weights_setup(read_weights(args.weights, args.matrix), args.id, args.transform, args.symmetrize);
}

}  // namespace cbec::cli
