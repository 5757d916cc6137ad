// libFuzzer target: polygons from GeoJSON through GDAL, and contiguity on what reads.
#include "cbec/core/error.hpp"
#include "cbec/estimate/spatial/contiguity.hpp"
#include "cbec/io/polygons_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cbec::fuzz::InputFile file(data, size, ".geojson");
  try {
    cbec::contiguity_weights(cbec::read_polygons(file.path(), "id"), true, 0);
  } catch (const cbec::Error&) {
  }
  return 0;
}
