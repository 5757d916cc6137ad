// The spatial analyses (`cbec spatial <name> data.csv --w file --id column`, study type <name>
// with a [spatial] section), one file each, and the helpers they share: the periods of a panel,
// the weights subset to the units with a value in a period, and the options they have in common.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis moran_analysis();
Analysis geary_analysis();
Analysis general_g_analysis();
Analysis lisa_analysis();
Analysis gi_analysis();
Analysis gistar_analysis();
Analysis classify_analysis();
Analysis map_analysis();
Analysis weights_analysis();

// One period of the data on the weights: the units with a value of the variable (data order), their
// values, and the weights subset to those units, aligned and transformed as the setup says.
struct SpatialPeriod {
  std::string label;                   // the period's value, or "all" without a time column
  std::vector<std::string> ids;
  std::vector<double> x;
  SpatialWeights w;
  std::vector<std::string> dropped;    // units of the data without a row or a value in the period, left out of its weights
  std::vector<std::string> outside;    // units of the weights that are not in the data at all (W subset to the data's units)
  std::vector<std::string> islands_created;  // units with neighbours in W but none among the units analysed
};

// Rows of each period (one period "all" when `time` is empty), in the order of the periods.
std::vector<std::pair<std::string, std::vector<size_t>>> periods_of(const Frame& f, const std::string& time);
// The rows of the period a local statistic or map uses: `year` when given, else the last period
// (all rows without a time column). `label` receives the period.
std::vector<size_t> rows_of_year(const Frame& f, const std::string& time, const Options& o, std::string& label);
// Every unit of the data must be in the weights (a DataError lists the first of those that are not).
// Returns the units of the weights that are not in the data: the analysis uses W subset to the
// data's units (national weights with a city panel), and the tables say so.
std::vector<std::string> check_units(const Frame& f, const SpatialSetup& s, const std::string& data);
// The setup's weights among `ids` (all of them units of the weights), in that order, transformed;
// a DataError (its text starting with `where`, e.g. the data and period) when no pair of them is linked.
SpatialWeights weights_on(const SpatialSetup& s, const std::vector<std::string>& ids, const std::string& where = "");
SpatialPeriod spatial_period(const Frame& f, const SpatialSetup& s, const std::string& variable, const std::vector<size_t>& rows,
                             const std::string& label, const std::string& data);
// "row-standardized" for R, ...
std::string transform_label(const std::string& transform);
// Notes every spatial table carries: the weights' construction and notes, dropped units.
void add_weights_notes(Table& t, const SpatialSetup& s, const std::vector<SpatialPeriod>& periods);

// A global statistic (Moran, Geary, General G) in every period of the time column: `stat` gives a
// period's table row and JSON; each JSON gets "period", "n", "n_with_neighbours" (the n of the moments
// when some unit has no neighbour), "dropped" (a count), "dropped_units" and
// "islands_created" (units left without a neighbour among those with data) and is appended to
// `results`; the weights notes go under `t`.
using PeriodStatistic = std::function<std::pair<std::vector<std::string>, nlohmann::json>(const SpatialPeriod&)>;
void each_period(const Frame& frame, const SpatialSetup& s, const std::string& variable, const AnalysisContext& ctx, Table& t,
                 nlohmann::json& results, const PeriodStatistic& stat);

OptionSpec variable_option();
OptionSpec year_option();
OptionSpec permutations_option();
OptionSpec alpha_option();
OptionSpec adjust_option();

}  // namespace cbec
