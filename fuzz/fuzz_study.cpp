// libFuzzer target: the study file (TOML parsing and validation against the analyses' schemas).
#include "cbec/core/error.hpp"
#include "cbec/study/study_file.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cbec::fuzz::InputFile file(data, size, ".toml");
  try {
    cbec::read_study(file.path());
  } catch (const cbec::Error&) {
  }
  return 0;
}
