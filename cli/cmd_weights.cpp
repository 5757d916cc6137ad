// cbec weights: build spatial weights from coordinates (k nearest neighbours, distance band,
// inverse distance, economic distance) or polygons (queen, rook), or read a weights file; report
// its structure and save it (GAL, GWT, CSV edge list or dense CSV matrix). A tool that makes the
// weights files the analyses read, not an analysis: the structure of the weights on the data's
// units is the analysis `weights` (`cbec spatial weights data.csv --w file --id column`), and the
// table and JSON here are the same (report/spatial_tables.hpp, report/spatial_json.hpp). The building
// is analysis/weights_builder.hpp's, shared with Python's cbec.weights.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <functional>

#include "cbec/analysis/weights_builder.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "processes.hpp"

namespace cbec::cli {

void add_weights(CLI::App& app) {
  struct Opts {
    std::string data, id, lon = "lon", lat = "lat", type = "knn", file, save, transform = "B", wkt = "wkt", edits, var;
    bool link_islands = false, matrix = false, symmetrize = false;
    double snap = 0;
    bool projected = false, ellipsoid = false;
    int k = 4;
    double threshold = 0, power = 1;
    OutputOptions out;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("weights", "Spatial weights from coordinates (knn, band, idw) or a file; summary and export");
  cmd->add_option("data", o->data, "Data file with one row per unit and its coordinates");
  cmd->add_option("--id", o->id, "Unit id column");
  cmd->add_option("--x", o->lon, "Longitude (or projected x) column (default lon)");
  cmd->add_option("--y", o->lat, "Latitude (or projected y) column (default lat)");
  cmd->add_flag("--projected", o->projected, "Coordinates are projected (Euclidean distance), not lon/lat");
  cmd->add_flag("--ellipsoid", o->ellipsoid,
                "Lon/lat distances on the WGS-84 ellipsoid, as spdep's longlat = TRUE (default: the great circle on a 6371.0088 km sphere, as PySAL and GeoDa)");
  cmd->add_option("--type", o->type, "knn | band | idw | econ | queen | rook (queen/rook: data = polygons, CSV with WKT or a GDAL vector file)");
  cmd->add_option("--k", o->k, "Neighbours for knn (default 4)");
  cmd->add_option("--threshold", o->threshold, "Distance band (km for lon/lat); for idw an optional cut-off");
  cmd->add_option("--power", o->power, "Inverse-distance power (1 or 2 are common)");
  cmd->add_option("--wkt", o->wkt, "queen/rook from a CSV: the WKT geometry column (default wkt)");
  cmd->add_option("--snap", o->snap, "queen/rook: snapping tolerance in the polygons' units (rook: a shared boundary longer than 3 x snap; spdep's poly2nb asks two vertices within snap, so it may find a few more rook links)");
  cmd->add_option("--edits", o->edits, "CSV of link edits a,b,action (add/remove), applied after building");
  cmd->add_option("--var", o->var, "econ: the variable of the economic distance 1/|x_i - x_j|");
  cmd->add_flag("--link-islands", o->link_islands, "Link units without neighbours to their nearest unit (needs coordinates)");
  cmd->add_option("--file", o->file, "Read weights from this file (.gal, .gwt, .csv edge list, .matrix.csv dense matrix) instead of building them");
  cmd->add_option("--transform", o->transform, "B (as built), R (row-standardized) or S (variance-stabilizing)");
  cmd->add_option("--save", o->save, "Write the weights (.gal binary, .gwt, .csv edge list with weights, .matrix.csv dense matrix)");
  cmd->add_flag("--matrix", o->matrix, "A .csv --file or --save is a dense matrix (ids in the header row), not an edge list");
  cmd->add_flag("--symmetrize", o->symmetrize, "Make every link mutual (an edge list giving each pair once)");
  add_output_options(*cmd, o->out);
  cmd->callback([o] {
    require_one_process("cbec weights");
    StageTimer timer;  // --timing: the whole command is "other" but for the output
    WeightsRequest r{o->type, o->id, o->lon, o->lat, o->wkt, o->edits, o->var, o->file, o->transform,
                     o->projected, o->link_islands, o->matrix, o->symmetrize, o->ellipsoid, o->snap, o->threshold, o->power, o->k};
    std::function<Frame()> load;
    if (!o->data.empty()) load = [o] { return read_table(o->data); };
    BuiltWeights b = build_weights(r, o->data, load);
    if (!o->save.empty()) {
      for (const auto& w : write_weights(b.w, o->save, o->matrix)) b.table.notes.push_back("Warning: " + w);
      b.table.notes.push_back("Saved to " + o->save);
    }
    emit({b.table}, b.json, o->out, o->out.timing ? &timer : nullptr);
  });
}

}  // namespace cbec::cli
