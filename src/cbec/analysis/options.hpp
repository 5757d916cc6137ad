// The option schema of an analysis, and the validated values it runs with.
//
// Every analysis declares its options once (analysis.hpp); the command line (cli/), the study
// file (study/) and the Python module turn what the user wrote into the same `Options` through
// `validate_options`, so a default, a closed set of choices or a range check lives in one place.
//
// CONVENTION: keys are snake_case and are the study file's keys; the command line spells them
// with dashes (`control_group` -> `--control-group`).
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace cbec {

enum class OptionKind {
  Text,      // one text; with `choices`, one of a closed set
  Number,    // a real number
  Count,     // a whole number >= 0 (draws, lags, classes)
  Integer,   // a whole number of either sign (reference period, year)
  Flag,      // true/false
  TextList,  // several texts (variables, formulas)
  Terms,     // formula terms; on the command line also one text joined by '+'
  Range      // two whole numbers, e.g. an event window [-5, 5]; on the command line "-5,5"
};

struct OptionSpec {
  std::string key;
  OptionKind kind = OptionKind::Text;
  std::string help;
  nlohmann::json default_value = nullptr;  // null: no default (absent unless given)
  std::vector<std::string> choices;        // closed set for Text and TextList
  bool required = false;
  bool column = false;                     // names data column(s), checked before anything runs
  bool positional = false;                 // command line: given without a flag, after the data file
  double min = -1e300, max = 1e300;        // bounds for Number/Count/Integer
  std::vector<std::string> aliases;        // other names of the key (subset: "if", command line --if, Python if_)
};

// Builders that keep the declarations short.
OptionSpec text_option(std::string key, std::string help, std::string default_value = "");
OptionSpec choice_option(std::string key, std::vector<std::string> choices, std::string default_value, std::string help);
OptionSpec column_option(std::string key, std::string help, bool required = false);
OptionSpec columns_option(std::string key, std::string help, bool required = false);
OptionSpec terms_option(std::string key, std::string help);
// The model formula: required, and on the command line the positional argument after the data file.
OptionSpec formula_option(std::string help);
// The largest count or whole number an option takes (draws, replications, lags): beyond it a run
// would exhaust memory or time, so it is refused before anything runs.
inline constexpr double kMaxCount = 1e8;

OptionSpec number_option(std::string key, double default_value, std::string help, double min = -1e300, double max = 1e300);
OptionSpec count_option(std::string key, nlohmann::json default_value, std::string help, double min = 0);
OptionSpec integer_option(std::string key, nlohmann::json default_value, std::string help);
OptionSpec flag_option(std::string key, std::string help);
OptionSpec list_option(std::string key, std::string help, bool required = false);
OptionSpec range_option(std::string key, std::vector<int> default_value, std::string help);

// Validated values: every declared key with a default is present; typed accessors.
class Options {
 public:
  Options() = default;
  explicit Options(nlohmann::json values) : values_(std::move(values)) {}
  bool has(const std::string& key) const;
  std::string text(const std::string& key) const;                 // "" when absent
  double number(const std::string& key) const;                    // NaN when absent
  long long integer(const std::string& key) const;                // 0 when absent
  bool flag(const std::string& key) const;
  std::vector<std::string> list(const std::string& key) const;    // empty when absent
  std::pair<int, int> range(const std::string& key) const;
  const nlohmann::json& json() const { return values_; }

 private:
  nlohmann::json values_ = nlohmann::json::object();
};

// One value as the user wrote it, with where it was written (for messages).
struct RawOption {
  std::string key;
  nlohmann::json value;     // from a study file: its TOML value; from the command line: text(s)
  std::string where;        // "study.toml line 12, column 3" or "--draws"
  bool from_text = false;   // command-line text: numbers and lists are parsed from it
};

// Checks every raw value against the schema (unknown keys, types, choices, bounds, required keys)
// and fills in the defaults. Problems are appended to `problems` (all of them, in one pass), each
// naming its place; `owner` names the analysis in messages.
Options validate_options(const std::vector<OptionSpec>& schema, const std::vector<RawOption>& raw, const std::string& owner,
                         std::vector<std::string>& problems);

// The command-line spelling of a key: "--control-group".
std::string flag_name(const std::string& key);

}  // namespace cbec
