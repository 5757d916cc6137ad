#include "input_options.hpp"

namespace cbec::cli {

void add_input_options(CLI::App& cmd, CsvDeclaration& o) {
  cmd.add_option("--delimiter", o.delimiter, "CSV field separator: ',', ';', tab, '|' (default: detected from the header)");
  cmd.add_option("--encoding", o.encoding, "Text encoding of the data file: utf-8, gbk, gb18030, utf-16, ... (default: detected)");
  cmd.add_option("--thousands", o.thousands, "Thousands separator in numbers, e.g. ',' reads \"1,234\" as 1234 (default: none)");
  cmd.add_flag("--percent", o.percent, "Read cells such as \"12.5%\" as 0.125");
  cmd.add_flag("--cache", o.cache,
               "Keep the parsed CSV in a binary column cache beside it (FILE.cbec-cache) and read that instead while the file is unchanged");
}

}  // namespace cbec::cli
