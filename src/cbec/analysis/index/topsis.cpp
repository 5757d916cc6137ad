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
               choice_option("topsis_weights", {"entropy", "cv"}, "entropy", "Weights of the indicators"),
               choice_option("topsis_normalize", {"vector", "minmax"}, "vector",
                             "Normalization: vector, x / sqrt(sum x^2) (Hwang and Yoon's TOPSIS), or minmax, the min-max standardized values "
                             "(the entropy-TOPSIS of applied papers)"),
               name_option("index")};
  a.creates = [](const Options& o) { return std::vector<std::string>{o.text("name")}; };
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::vector<std::string> names = o.list("indicators");
    const std::string weights = o.text("topsis_weights");
    const Eigen::MatrixXd X = complete_matrix(frame, names, "topsis");
    EntropyOptions eo;
    eo.negative = negative_flags(names, o.list("negative"));
    const Eigen::VectorXd w = weights == "cv" ? cv_weights(X, names) : entropy_weights(X, names, eo).w;
    const bool minmax = o.text("topsis_normalize") == "minmax";
    const Eigen::VectorXd c = topsis(X, w, eo.negative, names, minmax ? TopsisNormalization::MinMax : TopsisNormalization::Vector);
    const std::vector<double> closeness(c.data(), c.data() + c.size());
    Table t = weights_table(fmt::format("TOPSIS with {} weights", weights), "Indicator", names, w);
    t.notes.push_back(minmax ? "Closeness on the min-max standardized indicators (negative ones reversed), weighted: ideal 1, anti-ideal 0."
                             : "Closeness on the vector-normalized indicators x / sqrt(sum x^2), weighted (Hwang and Yoon 1981); "
                               "--topsis-normalize minmax for the min-max standardized values.");
    add_index_column(frame, o.text("name"), closeness, t);
    return Outcome{{t}, {}, {{"method", "topsis"}, {"normalization", o.text("topsis_normalize")}, {"weights", std::vector<double>(w.data(), w.data() + w.size())}, {"closeness", closeness}}};
  };
  return a;
}

}  // namespace cbec
