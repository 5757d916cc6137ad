// cbec weights: build spatial weights from coordinates (k nearest neighbours, distance band,
// inverse distance, economic distance) or polygons (queen, rook), or read a weights file; report
// its structure and save it (GAL, GWT, CSV edge list or dense CSV matrix). A tool that makes the
// weights files the analyses read, not an analysis: the structure of the weights on the data's
// units is the analysis `weights` (`cbec spatial weights data.csv --w file --id column`), and the
// table and JSON here are the same (report/spatial_tables.hpp, report/spatial_json.hpp).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "cbec/estimate/spatial/distance_weights.hpp"
#include "cbec/io/read_table.hpp"
#include "cbec/io/weights_io.hpp"
#include "cbec/report/spatial_json.hpp"
#include "cbec/report/spatial_tables.hpp"
#include "commands.hpp"
#include "output.hpp"

namespace cbec::cli {

void add_weights(CLI::App& app) {
  struct Opts {
    std::string data, id, lon = "lon", lat = "lat", type = "knn", file, save, transform = "B", wkt = "wkt", edits, var;
    bool link_islands = false, matrix = false, symmetrize = false;
    double snap = 0;
    bool projected = false;
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
  cmd->add_option("--type", o->type, "knn | band | idw | econ | queen | rook (queen/rook: data = polygons, CSV with WKT or a GDAL vector file)");
  cmd->add_option("--k", o->k, "Neighbours for knn (default 4)");
  cmd->add_option("--threshold", o->threshold, "Distance band (km for lon/lat); for idw an optional cut-off");
  cmd->add_option("--power", o->power, "Inverse-distance power (1 or 2 are common)");
  cmd->add_option("--wkt", o->wkt, "queen/rook from a CSV: the WKT geometry column (default wkt)");
  cmd->add_option("--snap", o->snap, "queen/rook: snapping tolerance in the polygons' units");
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
    SpatialWeights w;
    std::vector<std::string> edit_report_pre;
    if (!o->file.empty()) {
      w = read_weights(o->file, o->matrix);
    } else if (o->data.empty() || o->id.empty()) {
      throw SpecError("give a data file and --id (or --file to read weights)");
    } else if (o->type == "queen" || o->type == "rook") {
      w = contiguity_weights(read_polygons(o->data, o->id, o->wkt), o->type == "queen", o->snap);
    } else if (o->type == "econ") {
      Frame f = read_table(o->data);
      std::vector<std::string> ids;
      for (size_t i = 0; i < f.nrows(); ++i) ids.push_back(f.get(o->id).text(i));
      if (o->var.empty()) throw SpecError("--type econ needs --var");
      w = economic_distance_weights(ids, f.numeric(o->var));
    } else {
      Frame f = read_table(o->data);
      Points p;
      for (size_t i = 0; i < f.nrows(); ++i) p.ids.push_back(f.get(o->id).text(i));
      p.x = f.numeric(o->lon);
      p.y = f.numeric(o->lat);
      p.lonlat = !o->projected;
      if (o->type == "knn") w = knn_weights(p, o->k);
      else if (o->type == "band") w = distance_band_weights(p, o->threshold);
      else if (o->type == "idw") w = inverse_distance_weights(p, o->power, o->threshold);
      else throw SpecError(fmt::format("--type '{}' is unknown; use knn, band, idw, econ, queen or rook", o->type));
      if (o->link_islands)
        for (const auto& l : link_islands(w, p)) edit_report_pre.push_back("island linked: " + l);
    }
    std::vector<std::string> edit_report = edit_report_pre;
    if (!o->edits.empty())
      for (const auto& e : apply_edits(w, read_link_edits(o->edits))) edit_report.push_back(e);
    if (o->symmetrize) w = symmetrize(w);
    const std::vector<std::string> audit = audit_notes(audit_weights(w), "--symmetrize");
    if (o->transform == "R") w = row_standardize(w);
    else if (o->transform == "S") w = variance_stabilize(w);
    else if (o->transform != "B") throw SpecError("--transform must be B, R or S");
    WeightsSummary s = summarize_weights(w);
    Table t = weights_table(fmt::format("Spatial weights: {}{}", w.construction, o->transform == "R" ? ", row-standardized" : o->transform == "S" ? ", variance-stabilized" : ""), s);
    for (const auto& e : edit_report) t.notes.push_back("Edit: " + e);
    for (const auto& a : audit) t.notes.push_back(a);
    if (!o->save.empty()) {
      write_weights(w, o->save, o->matrix);
      t.notes.push_back("Saved to " + o->save);
    }
    nlohmann::json j{{"cbec", CBEC_VERSION}, {"command", "weights"}, {"construction", w.construction}, {"transform", o->transform}};
    j.update(to_json(s));
    if (!audit.empty()) j["notes"] = audit;
    emit({t}, j, o->out);
  });
}

}  // namespace cbec::cli
