// Spatial weights files: GAL (GeoDa/PySAL contiguity lists), GWT, CSV edge lists (from,to[,weight])
// and dense CSV matrices (header of unit ids, one row per unit; files named *.matrix.csv).
// Weights are joined to data by unit id; ids present on one side only are an error listing them.
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/spatial_weights.hpp"

namespace cbec {

SpatialWeights read_gal(const std::string& path);
SpatialWeights read_edge_list(const std::string& path);
// By extension: .gal, .gwt, .matrix.csv (dense matrix) or .csv (edge list); matrix = true reads
// any file not named .gal or .gwt as a dense matrix.
SpatialWeights read_weights(const std::string& path, bool matrix = false);
// Writes by extension like read_weights (.csv: edge list), or a dense matrix when matrix = true.
// Returns warnings: a .gwt cannot list units without neighbours (they are named).
std::vector<std::string> write_weights(const SpatialWeights& w, const std::string& path, bool matrix = false);
// GAL with GeoDa's header "0 n cbec id" (spdep's read.gal and libpysal refuse a two-field header).
void write_gal(const SpatialWeights& w, const std::string& path);
// CSV edge list from,to,weight (keeps the weights); a unit without neighbours is a line "id,,".
void write_edge_list(const SpatialWeights& w, const std::string& path);

// Reorders the weights to follow `ids` (the data's unit order).
SpatialWeights align_weights(const SpatialWeights& w, const std::vector<std::string>& ids, const std::string& source);

// Row-standardizes (transform "R"); rows without neighbours stay zero (islands).
SpatialWeights row_standardize(const SpatialWeights& w);
// Unit ids for a message: "a, b, c and 12 more" beyond `shown`, an empty id as "(empty)".
std::string unit_list(const std::vector<std::string>& ids, size_t shown = 10);
// Variance-stabilizing transform (Tiefelsdorf, Griffith and Boots 1999; spdep style "S"):
// w_ij / sqrt(sum_j w_ij^2), scaled so that all weights sum to n.
SpatialWeights variance_stabilize(const SpatialWeights& w);

// Dense CSV matrix (weights_matrix.cpp): a header row of ids, rows optionally led by their id
// (cell order follows the header either way); zeros are no link; any asymmetry is kept. Errors
// name the line and column of a bad cell, a non-square shape, and ids found on one side only.
// Writing always adds the id column and refuses more than kMaxDenseUnits units.
SpatialWeights read_weight_matrix(const std::string& path);
void write_weight_matrix(const SpatialWeights& w, const std::string& path);

// GWT (GeoDa): header "0 n name id" (or "0 n"), then lines "i j weight". Units without
// neighbours have no line: writing returns their ids, reading fails when the header counts more
// units than the lines name.
SpatialWeights read_gwt(const std::string& path);
std::vector<std::string> write_gwt(const SpatialWeights& w, const std::string& path);

}  // namespace cbec
