// topsis: TOPSIS closeness to the ideal solution, with entropy or CV weights; the closeness is a
// new column.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/estimate/index/alternative_weights.hpp"
#include "cbec/estimate/index/entropy_weights.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

Analysis topsis_analysis() {
  Analysis a;
  a.name = "topsis";
  a.command = "index";
  a.summary = "TOPSIS closeness with entropy or CV weights; adds the closeness as a column";
  a.options = {columns_option("indicators", "Indicator variables", true), columns_option("negative", "Indicators where less is better"),
               choice_option("topsis_weights", {"entropy", "cv"}, "entropy", "Weights of the indicators"), name_option("index")};
  a.creates = [](const Options& o) { return std::vector<std::string>{o.text("name")}; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::vector<std::string> names = o.list("indicators");
    const std::string weights = o.text("topsis_weights");
    const Eigen::MatrixXd X = complete_matrix(frame, names, "topsis");
    EntropyOptions eo;
    eo.negative = negative_flags(names, o.list("negative"));
    const Eigen::VectorXd w = weights == "cv" ? cv_weights(X, names) : entropy_weights(X, names, eo).w;
    const Eigen::VectorXd c = topsis(X, w, eo.negative, names);
    const std::vector<double> closeness(c.data(), c.data() + c.size());
    Table t = weights_table(fmt::format("TOPSIS with {} weights", weights), "Indicator", names, w);
    add_index_column(frame, o.text("name"), closeness, t);
    return Outcome{{t}, {}, {{"method", "topsis"}, {"weights", std::vector<double>(w.data(), w.data() + w.size())}, {"closeness", closeness}}};
  };
  return a;
}

}  // namespace cbec
