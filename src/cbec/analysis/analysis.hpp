// An analysis, declared once: its name, its options, what it needs from the data, and how it runs.
//
// The command line (cli/analysis_commands.cpp), the study runner (study/run_study.cpp) and the
// Python module only dispatch through the registry (registry.hpp); none of them restates an
// option, a default or a table. Adding an analysis: see docs/ARCHITECTURE.md.
//
// Interface contract of `run`: it reads the frame (and may add columns only when `creates` is
// set), uses `ctx` for the panel declaration, seeds, threads and weights, never prints, never
// reads files other than through `ctx`, and returns its tables, figures and JSON. The JSON is the
// same whoever called it: the parity tests (tests/parity/) hold the CLI and the study to that.
#pragma once
#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "cbec/analysis/options.hpp"
#include "cbec/core/stage_timer.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/frame/frame.hpp"
#include "cbec/report/figures.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

class DemeanCache;
struct Panel;

// What an analysis needs besides its options.
enum class PanelNeed { None, Optional, Required };
struct Needs {
  PanelNeed panel = PanelNeed::None;   // unit and time columns
  bool treatment = false;              // first treatment period per unit (staggered adoption)
  bool resampling = false;             // a seed and threads (bootstrap, permutations, placebo draws)
  bool spatial = false;                // spatial weights on the units
  bool panel_view = false;             // run reads ctx.panel, declared once by run_analysis
};

// Spatial weights on the data's units, and where they came from.
struct SpatialSetup {
  SpatialWeights w;                    // as read or built, untransformed
  std::string key;                     // the data column holding the weights' unit ids
  std::string transform = "R";         // R, B or S: applied after aligning w to the units analysed
  nlohmann::json features;             // GeoJSON of the units' polygons for maps (null when none)
  std::vector<std::string> notes;      // construction, edits, islands
};

// Random draws, shared by every replication procedure: the same seed gives the same numbers
// whatever the thread count (stats/replicate.hpp).
struct Resampling {
  static constexpr int kMaxThreads = 1024;  // the most a run may ask for: the command line's and Python's bound
  uint64_t seed = 12345;
  int threads = 0;                     // 0: all cores
};

struct AnalysisContext {
  std::string data;                    // the data file, for messages
  std::string unit, time, first_treat; // the panel declaration (empty when not declared)
  Resampling resampling;
  nlohmann::json truth;                // known true effects of simulated data (study only), else null
  DemeanCache* cache = nullptr;        // shares demeaned columns between models of one run
  StageTimer* timer = nullptr;         // stage times for --timing (null: not asked)
  bool frame_disposable = false;       // the caller no longer needs the frame: it may be consumed
  std::function<const SpatialSetup&(const Frame&)> spatial;  // weights on the units (needs.spatial)
  // Put the reader's notes on the data (frame.notes()) into the outcome; a study reports them once
  // in its data summary instead.
  bool report_input_notes = true;
  bool panel_checked = false;          // the caller has declared the panel (duplicates refused) already
  // The frame's panel as run_analysis declared it, for an analysis with needs.panel_view run on all
  // the rows; null otherwise (then the analysis declares it on the rows it is given).
  const Panel* panel = nullptr;
  // Not empty: the frame holds this process's share of the rows, every row of some levels of this
  // variable (read in shares under mpirun, Analysis::shares_by); empty: all rows.
  std::string rows_split_by;
  // Labels of variables and terms for tables (a study's [labels]); a `labels` file adds to them.
  std::map<std::string, std::string> labels;
};

struct Outcome {
  std::vector<Table> tables;
  std::vector<Figure> figures;
  nlohmann::json json;                 // the results (the analysis layer adds "cbec" and "analysis")
};

struct Analysis {
  std::string name;                    // one name everywhere: CLI method, study type, Python function
  std::string command;                 // the CLI subcommand it belongs to ("did": cbec did --method name)
  std::string summary;                 // one line for --help and the README's table
  std::vector<OptionSpec> options;
  Needs needs;
  // Prints regression tables (reg, xtreg, twfe): takes the table options of table_options.hpp
  // (keep, drop, order, indicate, coefstat, stats, labels, numbers) and builds its tables with them.
  bool regression_tables = false;
  // Columns the analysis adds to the frame (later study steps may read them); null when none.
  std::function<std::vector<std::string>(const Options&)> creates;
  // Columns read that no column option names (e.g. transform's "x:1"), checked before anything runs; may be null.
  std::function<std::vector<std::string>(const Options&)> reads;
  // True when every column the analysis reads is named somewhere in its options (formulas, column
  // options, vcov, subset) or the context (unit, time, first treatment): the command line then
  // parses only the columns of a CSV so named (columns_named). Null: every column is read.
  std::function<bool(const Options&)> names_every_column;
  // Under several processes: the one-variable fixed effects by whose levels the analysis can take
  // its rows in shares (each process reading part of the file, io/csv_share.hpp), for these
  // options; empty when every process needs every row. Null: never.
  std::function<std::vector<std::string>(const Options&, const AnalysisContext&)> shares_by;
  std::function<Outcome(Frame&, const Options&, const AnalysisContext&)> run;
};

// Runs an analysis on validated options: checks the context it needs, runs it (on the rows of
// `subset`, in each group of `split_by`: analysis/subsample.hpp) and stamps the JSON with the
// version and the analysis name. Errors keep their type; the caller adds its place.
Outcome run_analysis(const Analysis& a, Frame& frame, const Options& options, const AnalysisContext& ctx);

// The columns named by an analysis's options: column options, the variables of a formula, of
// control terms and of a cluster vcov, the subset's columns, and what the analysis declares it reads.
// Throws on a formula or vcov written wrongly.
std::vector<std::string> columns_read(const Analysis& a, const Options& options);

// The names in `header` that occur in any of `texts` (the options' and context's texts as given):
// the columns an analysis with names_every_column reads, and perhaps a few more (a column "x" when
// a formula names "x1").
std::vector<std::string> columns_named(const std::vector<std::string>& header, const std::vector<std::string>& texts);

}  // namespace cbec
