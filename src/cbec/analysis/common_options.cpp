#include "cbec/analysis/common_options.hpp"

#include <algorithm>
#include <stdexcept>

#include "cbec/report/regression_table.hpp"

namespace cbec {

namespace {

// subset and split_by (and split_test for analyses that do not add columns: it tests regressions).
std::vector<OptionSpec> sample_options(bool adds_columns) {
  OptionSpec subset = text_option("subset", "Run on the rows where this is true, e.g. \"region3 == 'East' & year >= 2015\" "
                                            "(== != < <= > >=, & | !, in ('a', 'b'); rows with a compared value missing are left out)");
  subset.aliases = {"if"};
  OptionSpec split = column_option("split_by", "Run in every group of this column and put the groups side by side "
                                               "(regressions: with a Wald test that the coefficients are equal in all groups)");
  if (adds_columns) return {subset, split};
  return {subset, split,
          list_option("split_test", "Terms tested equal across the groups of split_by (default: every slope common to all groups)")};
}

}  // namespace

std::vector<OptionSpec> table_option_specs() {
  OptionSpec stats = list_option("stats", "Summary rows, in this order (default: N, R-squared, ...)");
  stats.choices = regression_stat_names();
  return {list_option("keep", "Terms shown, in this order: names or regular expressions (\"^x\")"),
          list_option("drop", "Terms not shown: names or regular expressions"),
          list_option("order", "Terms shown first, in this order: names or regular expressions"),
          list_option("indicate", "Rows \"Label = pattern ...\" saying Yes/No whether a model holds such terms, not shown themselves, "
                                  "e.g. \"Controls = x3 x4\""),
          choice_option("coefstat", {"se", "t", "p", "ci"}, "se", "In parentheses under each coefficient: standard error, t, p-value or 95% CI"),
          stats,
          text_option("labels", "A CSV file name,label of variable labels (UTF-8, Chinese allowed) for the table"),
          flag_option("numbers", "Column numbers (1)...(k) in the header, model names in a row below")};
}

namespace {

void append(Analysis& a, const std::vector<OptionSpec>& specs) {
  for (const auto& s : specs) {
    if (std::any_of(a.options.begin(), a.options.end(), [&](const OptionSpec& o) { return o.key == s.key; }))
      throw std::logic_error("analysis '" + a.name + "' declares its own option '" + s.key + "', which every analysis takes");
    a.options.push_back(s);
  }
}

}  // namespace

void add_common_options(Analysis& a) {
  append(a, sample_options(static_cast<bool>(a.creates)));
  if (a.regression_tables) append(a, table_option_specs());
}

}  // namespace cbec
