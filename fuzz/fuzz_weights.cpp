// libFuzzer target: the weights readers. The first byte picks the format: GAL, GWT, edge list or
// dense matrix; the rest is the file.
#include "cbec/core/error.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/io/weights_io.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* suffixes[] = {".gal", ".gwt", ".csv", ".matrix.csv"};
  cbec::fuzz::InputFile file(data + 1, size - 1, suffixes[data[0] % 4]);
  try {
    const cbec::SpatialWeights w = cbec::read_weights(file.path());
    cbec::audit_weights(w);
    cbec::symmetrize(w);
    cbec::row_standardize(w);
  } catch (const cbec::Error&) {
  }
  return 0;
}
