// libFuzzer target: the CSV reader (encodings, delimiters, quoting, number formats).
// Anything but cbec's own errors (bad input is reported as cbec::Error) is a finding, and so is a
// frame or an error that differs when the text is read in rounds of a few bytes (the reader's
// rounds, csv_text.cpp), or from a file (whose rounds are copied from the file into a reused
// buffer): the seams between rounds are fuzzed with the rest.
#include <unistd.h>

#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "cbec/core/error.hpp"
#include "cbec/io/csv_reader.hpp"
#include "fuzz_input.hpp"

namespace {

// The folder of this process's file, removed with it when the process ends.
struct ProcessFolder {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("cbec_fuzz_csv_" + std::to_string(::getpid()));
  ProcessFolder() { std::filesystem::create_directories(dir); }
  ~ProcessFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

// The file the text is also read from, named as the text read from memory is.
const std::string& file_path() {
  static const ProcessFolder folder;
  static const std::string path = (folder.dir / "fuzz.csv").string();
  return path;
}

// What reading gives, as text: the error's message, or every column's name, type, values (their
// bits), codes and levels, and the notes. from_file: the text written to file_path() and read there.
std::string outcome(std::string_view text, const cbec::CsvOptions& options, bool from_file = false) {
  try {
    if (from_file) std::ofstream(file_path(), std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));
    const cbec::Frame f = from_file ? cbec::read_csv(file_path(), options) : cbec::parse_csv(text, file_path(), options);
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
  if (outcome(cbec::fuzz::text(data, size), options, true) != whole) std::abort();
  options.round_bytes_per_thread = 7;
  if (outcome(cbec::fuzz::text(data, size), options) != whole) std::abort();
  if (outcome(cbec::fuzz::text(data, size), options, true) != whole) std::abort();
  return 0;
}
