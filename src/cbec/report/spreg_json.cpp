#include "cbec/report/spreg_json.hpp"

#include "cbec/report/regression_json.hpp"

namespace cbec {

nlohmann::json spreg_json(const std::vector<RegressionResult>& models, const SpregSample& sample) {
  nlohmann::json j{{"period", sample.period}, {"weights", sample.weights}, {"transform", sample.transform}, {"n", sample.n},
                   {"dropped", sample.dropped}, {"models", nlohmann::json::array()}};
  for (const auto& m : models) {
    nlohmann::json one = to_json(m);
    one["model"] = m.estimator;
    j["models"].push_back(std::move(one));
  }
  return j;
}

}  // namespace cbec
