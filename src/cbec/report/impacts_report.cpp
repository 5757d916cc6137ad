#include "cbec/report/impacts_report.hpp"

#include <fmt/format.h>

namespace cbec {

namespace {
std::vector<double> values(const Eigen::VectorXd& v) { return std::vector<double>(v.data(), v.data() + v.size()); }
}  // namespace

nlohmann::json to_json(const Impacts& im) {
  nlohmann::json j{{"names", im.names}, {"direct", values(im.direct)}, {"indirect", values(im.indirect)}, {"total", values(im.total)},
                   {"traces", im.trace_method}, {"draws", im.draws}};
  if (!im.note.empty()) j["note"] = im.note;
  if (im.se_direct.size() > 0) {
    j["se_direct"] = values(im.se_direct);
    j["se_indirect"] = values(im.se_indirect);
    j["se_total"] = values(im.se_total);
  }
  return j;
}

Table impacts_table(const Impacts& im, const std::string& title) {
  Table t;
  t.title = title;
  const bool se = im.se_direct.size() > 0;
  t.header = {"Variable", "Direct", "Indirect", "Total"};
  for (size_t k = 0; k < im.names.size(); ++k) {
    const auto i = static_cast<Eigen::Index>(k);
    auto cell = [&](double v, const Eigen::VectorXd& s) { return se ? fmt::format("{:.4f} ({:.4f})", v, s(i)) : fmt::format("{:.4f}", v); };
    t.rows.push_back({im.names[k], cell(im.direct(i), im.se_direct), cell(im.indirect(i), im.se_indirect), cell(im.total(i), im.se_total)});
  }
  t.notes.push_back(fmt::format("LeSage and Pace (2009): direct = average own effect tr(S_k)/n, total = 1'S_k 1/n, indirect = total - direct, "
                                "S_k = (I - rho W)^-1 (beta_k I + theta_k W); {}.", im.trace_method));
  if (!im.note.empty()) t.notes.push_back(im.note + ".");
  if (se)
    t.notes.push_back(fmt::format("Standard errors in parentheses: the SD over {} draws of (rho, beta, theta) from the estimates' asymptotic "
                                  "normal distribution (spatialreg's impacts(..., R = draws)).", im.draws));
  return t;
}

}  // namespace cbec
