// libFuzzer target: the CSV reader (encodings, delimiters, quoting, number formats).
// Anything but cbec's own errors (bad input is reported as cbec::Error) is a finding.
#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cbec::CsvOptions options;
  if (size > 0 && data[0] == '%') {   // a leading '%' also tries the declared number formats
    options.thousands = ',';
    options.percent = true;
  }
  try {
    cbec::parse_csv(cbec::fuzz::text(data, size), "fuzz.csv", options);
  } catch (const cbec::Error&) {
  }
  return 0;
}
