#include "cbec/estimate/ts/dickey_fuller_p.hpp"

#include "cbec/core/error.hpp"
#include "cbec/estimate/ts/mackinnon.hpp"
#include "cbec/estimate/ts/mackinnon1996.hpp"

namespace cbec {

PApprox parse_p_approx(const std::string& name) {
  if (name == "mackinnon1996") return PApprox::MacKinnon1996;
  if (name == "mackinnon1996_asymptotic") return PApprox::MacKinnon1996Asymptotic;
  if (name == "mackinnon1994") return PApprox::MacKinnon1994;
  throw SpecError("p_approx '" + name + "': use mackinnon1996, mackinnon1996_asymptotic or mackinnon1994");
}

std::string describe(PApprox a) {
  return a == PApprox::MacKinnon1996 ? "mackinnon1996" : a == PApprox::MacKinnon1996Asymptotic ? "mackinnon1996_asymptotic" : "mackinnon1994";
}

double dickey_fuller_p(double tau, Deterministic d, PApprox a, size_t nobs) {
  if (a == PApprox::MacKinnon1994) return mackinnon_p(tau, d);
  return mackinnon1996_p(tau, d, a == PApprox::MacKinnon1996 ? nobs : 0);
}

}  // namespace cbec
