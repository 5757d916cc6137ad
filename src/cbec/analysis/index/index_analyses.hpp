// The composite-index analyses (`cbec index --method <name>`, study type <name>), one file each,
// and the helpers they share.
#pragma once
#include <Eigen/Core>

#include <string>
#include <vector>

#include "cbec/analysis/analysis.hpp"

namespace cbec {

Analysis entropy_analysis();
Analysis cv_analysis();
Analysis topsis_analysis();
Analysis ahp_analysis();
Analysis vif_analysis();
Analysis ser_analysis();
Analysis deviation_analysis();
Analysis theil_analysis();
Analysis lq_analysis();

// The columns as a matrix (rows of the frame x columns); rows with a missing value are listed.
Eigen::MatrixXd columns_matrix(const Frame& f, const std::vector<std::string>& names, std::vector<size_t>& incomplete);
// The same, refusing missing values (the weighting methods need every unit-year).
Eigen::MatrixXd complete_matrix(const Frame& f, const std::vector<std::string>& names, const std::string& method);

// Which indicators are missing where, for messages: "'a' in 2 rows (first: data line 6), 'c' in 1
// row (...)", and the reader's note on cells of theirs that were text (read as missing).
std::string missing_indicators(const Frame& f, const std::vector<std::string>& names);
// Whether each indicator is in `negative` (less is better); a negative name that is not an indicator is an error.
std::vector<bool> negative_flags(const std::vector<std::string>& indicators, const std::vector<std::string>& negative);
// The `name` option of an analysis that adds a column: the new column's name.
OptionSpec name_option(const std::string& default_name);
// Adds the column `name` holding `v` and says so in the table's notes.
void add_index_column(Frame& frame, const std::string& name, const std::vector<double>& v, Table& t);

}  // namespace cbec
