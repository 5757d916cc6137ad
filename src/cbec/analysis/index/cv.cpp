// cv: coefficient-of-variation weights of the indicators (each weight proportional to its CV).
#include <nlohmann/json.hpp>

#include "cbec/analysis/index/index_analyses.hpp"
#include "cbec/estimate/index/alternative_weights.hpp"
#include "cbec/report/index_tables.hpp"

namespace cbec {

Analysis cv_analysis() {
  Analysis a;
  a.name = "cv";
  a.command = "index";
  a.summary = "Coefficient-of-variation weights of the indicators";
  a.options = {columns_option("indicators", "Indicator variables", true)};
  a.run = [](Frame& frame, const Options& o, const AnalysisContext&) {
    const std::vector<std::string> names = o.list("indicators");
    const Eigen::VectorXd w = cv_weights(complete_matrix(frame, names, "cv"), names);
    return Outcome{{weights_table("Coefficient-of-variation weights", "Indicator", names, w)}, {},
                   {{"method", "cv"}, {"indicators", names}, {"weights", std::vector<double>(w.data(), w.data() + w.size())}}};
  };
  return a;
}

}  // namespace cbec
