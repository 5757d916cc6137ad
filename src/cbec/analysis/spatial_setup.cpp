#include "cbec/analysis/spatial_setup.hpp"

namespace cbec {

SpatialSetup given_weights_setup(SpatialWeights w, const std::string& key, const std::string& transform, bool symmetrize) {
  SpatialSetup s;
  s.w = symmetrize ? cbec::symmetrize(w) : std::move(w);
  s.notes = audit_notes(audit_weights(s.w));
  s.key = key;
  s.transform = transform;
  return s;
}

}  // namespace cbec
