// libFuzzer target: the CSV reader (encodings, delimiters, quoting, number formats).
// Anything but cbec's own errors (bad input is reported as cbec::Error) is a finding, and so is a
// frame or an error that differs when the text is read in rounds of a few bytes (the reader's
// rounds, csv_text.cpp): the seams between rounds are fuzzed with the rest.
#include <bit>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "fuzz_input.hpp"

namespace {

// What reading gives, as text: the error's message, or every column's name, type, values (their
// bits), codes and levels, and the notes.
std::string outcome(std::string_view text, const cbec::CsvOptions& options) {
  try {
    const cbec::Frame f = cbec::parse_csv(text, "fuzz.csv", options);
    std::string s;
    for (const auto& c : f.columns()) {
      s += fmt::format("{} {} {}|", c.name, static_cast<int>(c.type), c.levels.size());
      for (double v : c.values) s += fmt::format("{:x} ", std::bit_cast<uint64_t>(v));
      for (int32_t k : c.codes) s += fmt::format("{} ", k);
      for (const auto& l : c.levels) s += l + '\x1f';
    }
    for (const auto& n : f.notes()) s += n + '\n';
    return s;
  } catch (const cbec::Error& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  cbec::CsvOptions options;
  if (size > 0 && data[0] == '%') {   // a leading '%' also tries the declared number formats
    options.thousands = ',';
    options.percent = true;
  }
  const std::string whole = outcome(cbec::fuzz::text(data, size), options);
  options.round_bytes_per_thread = 7;
  if (outcome(cbec::fuzz::text(data, size), options) != whole) std::abort();
  return 0;
}
