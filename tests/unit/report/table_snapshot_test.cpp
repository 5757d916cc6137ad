// Snapshot tests of the table renderers: a regression table (Grunfeld, two models side by side)
// and a table with Chinese labels and characters that need escaping, in every text format,
// compared byte for byte with tests/snapshots/. After an intended change, regenerate with
// CBEC_UPDATE_SNAPSHOTS=1 build/cbec_tests --gtest_filter='TableSnapshot*' and review the diff.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cbec/estimate/ols/feols.hpp"
#include "cbec/io/csv_reader.hpp"
#include "cbec/report/regression_table.hpp"
#include "cbec/report/table.hpp"

using namespace cbec;

namespace {

std::vector<Table> tables() {
  const Frame f = read_csv(std::string(CBEC_TEST_DATA) + "/grunfeld.csv");
  FeolsOptions o;
  o.vcov = VcovSpec::parse("cluster:firm");
  RegressionTableOptions to;
  to.title = "Investment (Grunfeld)";
  to.model_names = {"OLS", "Two-way FE"};
  Table reg = regression_table({feols(f, "inv ~ value + capital", o), feols(f, "inv ~ value + capital | firm + year", o)}, to);
  Table cn;
  cn.title = "变量说明 & <notes>";
  cn.header = {"变量", "含义", "Value"};
  cn.rows = {{"ln_export", "出口额对数 \"log\"", "1,234.5"}, {"did", "试点 × 实施后", "<0.05 & >0"}};
  cn.rules_before = {1};
  cn.notes = {"数据：模拟；a_b % $ # {x}"};
  return {reg, cn};
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST(TableSnapshot, EveryTextFormatMatchesItsSnapshot) {
  const bool update = std::getenv("CBEC_UPDATE_SNAPSHOTS") != nullptr;
  const auto ts = tables();
  for (auto [format, ext] : {std::pair{TableFormat::Text, "txt"}, {TableFormat::Markdown, "md"}, {TableFormat::Latex, "tex"},
                             {TableFormat::Csv, "csv"}, {TableFormat::Html, "html"}}) {
    for (size_t k = 0; k < ts.size(); ++k) {
      const std::string path = fmt::format("{}/tests/snapshots/table{}.{}", CBEC_SOURCE_DIR, k + 1, ext);
      const std::string got = render(ts[k], format);
      if (update) std::ofstream(path, std::ios::binary) << got;
      EXPECT_EQ(got, read_file(path)) << path;
    }
  }
}

TEST(TableSnapshot, ExcelWorkbookIsWritten) {
  const std::string path = (std::filesystem::temp_directory_path() / "cbec_snapshot.xlsx").string();
  write_tables(tables(), path, TableFormat::Xlsx);
  const std::string bytes = read_file(path);
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");   // a zip container (Office Open XML)
  std::filesystem::remove(path);
}

// Numbers too small for the decimals shown, or huge, in scientific notation (a coefficient of 3e-12
// printed as 0.000*** with its CI [0.000, 0.000]); never "-0.000".
TEST(TableNumbers, TinyAndHugeValuesStayReadable) {
  EXPECT_EQ(format_number(0.1234, 3), "0.123");
  EXPECT_EQ(format_number(3e-12, 3), "3.00e-12");
  EXPECT_EQ(format_number(-2.5e-7, 3), "-2.50e-07");
  EXPECT_EQ(format_number(1e300, 3), "1.00e+300");
  EXPECT_EQ(format_number(-0.0, 3), "0.000");
  EXPECT_EQ(format_number(0.0, 3), "0.000");
  EXPECT_EQ(format_fixed(-0.00001), "0.0000");
  EXPECT_EQ(format_fixed(1e-9), "0.0000");  // statistics and p-values keep four decimals
}

// LaTeX: a pipe is \textbar{} (an em dash otherwise) and brackets are braced (a row starting with
// "[" after \midrule would be read as the rule's width); Markdown: a line break stays in its cell.
TEST(TableNumbers, LatexAndMarkdownEscapes) {
  Table t;
  t.header = {"", "P>|z|"};
  t.rows = {{"[0.1, 0.2]", "a\nb"}};
  const std::string tex = render(t, TableFormat::Latex);
  EXPECT_NE(tex.find("P\\textgreater{}\\textbar{}z\\textbar{}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("{[}0.1, 0.2{]}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("a b"), std::string::npos) << tex;
  const std::string md = render(t, TableFormat::Markdown);
  EXPECT_NE(md.find("| a<br>b |"), std::string::npos) << md;
  EXPECT_NE(md.find("P>\\|z\\|"), std::string::npos) << md;
}

// Markdown: a '<' that could open an HTML tag in a label is escaped (a renderer would take "<b>"
// as markup and hide "a<b"'s rest); one before a space or digit, as in "< 0.001996", is not.
TEST(TableNumbers, MarkdownEscapesHtmlInLabels) {
  Table t;
  t.header = {"", "<b>model</b>"};
  t.rows = {{"a<b", "< 0.001996"}, {"x<!--", "<3"}};
  const std::string md = render(t, TableFormat::Markdown);
  EXPECT_NE(md.find("| \\<b>model\\</b> |"), std::string::npos) << md;
  EXPECT_NE(md.find("| a\\<b | < 0.001996 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| x\\<!-- | <3 |"), std::string::npos) << md;
  t.rows = {{"[x](javascript:alert(1))", "![i](http://x/a.png)"}, {"ci", "[0.1, 0.2]"}};
  const std::string links = render(t, TableFormat::Markdown);
  EXPECT_NE(links.find("| [x]\\(javascript:alert(1)) | ![i]\\(http://x/a.png) |"), std::string::npos) << links;
  EXPECT_NE(links.find("| ci | [0.1, 0.2] |"), std::string::npos) << links;
}

// LaTeX: a float's tabular is scaled to the line's width only when wider (many models side by
// side); in a longtable a coefficient's row is kept on the page of its standard error's ("\\*").
TEST(TableNumbers, LatexWideTablesShrinkAndLongTablesKeepPairs) {
  Table t;
  t.header = {"", "(1)"};
  t.rows = {{"x", "0.5"}, {"", "(0.1)"}};
  const std::string tex = render_latex(t);
  EXPECT_NE(tex.find("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n\\begin{tabular}"), std::string::npos) << tex;
  EXPECT_NE(tex.find("\\end{tabular}}\n"), std::string::npos) << tex;
  EXPECT_EQ(tex.find("\\\\*"), std::string::npos) << tex;  // a float does not break
  for (int i = 0; i < 30; ++i) {
    t.rows.push_back({fmt::format("x{}", i), "0.5"});
    t.rows.push_back({"", "(0.1)"});
  }
  t.rules_before = {61};
  const std::string long_tex = render_latex(t);
  EXPECT_NE(long_tex.find("x & 0.5 \\\\*\n & (0.1) \\\\\n"), std::string::npos) << long_tex;
  EXPECT_NE(long_tex.find("x29 & 0.5 \\\\\n\\midrule\n & (0.1)"), std::string::npos) << long_tex;  // a rule between: may break
}

// A table longer than a page (more than 40 rows, e.g. LISA for every city) is a longtable whose
// header repeats on each page, its notes after it; a short one stays a float.
TEST(TableSnapshot, LongLatexTablesBreakAcrossPages) {
  Table t;
  t.title = "Local Moran's I";
  t.header = {"City", "I_i", "p"};
  for (int i = 0; i < 41; ++i) t.rows.push_back({fmt::format("city {}", i), "0.100", "0.0500"});
  t.rules_before = {40};
  t.notes = {"Permutations: 999."};
  const std::string path = fmt::format("{}/tests/snapshots/table_long.tex", CBEC_SOURCE_DIR);
  const std::string got = render_latex(t);
  if (std::getenv("CBEC_UPDATE_SNAPSHOTS")) std::ofstream(path, std::ios::binary) << got;
  EXPECT_EQ(got, read_file(path));
  t.rows.pop_back();
  EXPECT_EQ(render_latex(t).find("longtable"), std::string::npos);
}
