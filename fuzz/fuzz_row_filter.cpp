// libFuzzer target: the subset expression (frame/row_filter.hpp), parsed and evaluated on a small frame.
#include "cbec/core/error.hpp"
#include "cbec/frame/row_filter.hpp"
#include "cbec/io/csv_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cbec::Frame frame = cbec::parse_csv("id,year,y,region,地区\n1,2001,1,East,华东\n1,2002,,West,华西\n2,2001,3,,华东\n2,2002,5,East,\n", "f.csv");
  try {
    const cbec::RowFilter filter{std::string(cbec::fuzz::text(data, size))};
    filter.rows(frame);
    filter.columns();
  } catch (const cbec::Error&) {
  }
  return 0;
}
