// libFuzzer target: the formula parser, and design matrices of what parses on a small frame.
#include "cbec/core/error.hpp"
#include "cbec/formula/ast.hpp"
#include "cbec/formula/design.hpp"
#include "cbec/io/csv_reader.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const cbec::Frame frame = cbec::parse_csv("id,year,y,x,z,g\n1,2001,1,2,0,a\n1,2002,2,1,1,b\n2,2001,3,5,0,a\n2,2002,5,4,1,b\n3,2001,2,2,1,a\n3,2002,4,0,0,b\n", "f.csv");
  try {
    const cbec::ModelSpec spec = cbec::parse_formula(std::string(cbec::fuzz::text(data, size)));
    cbec::DesignOptions o;
    o.panel_unit = "id";
    o.panel_time = "year";
    cbec::build_design(frame, spec, o);
  } catch (const cbec::Error&) {
  }
  return 0;
}
