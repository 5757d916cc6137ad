// A publication table as plain cells, and its renderers: aligned text, Markdown, LaTeX (booktabs),
// CSV, HTML and Excel (.xlsx, libxlsxwriter). Cells are already-formatted strings.
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct Table {
  std::string title;
  std::vector<std::string> header;               // first header row (column titles)
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> rules_before;              // row indices preceded by a horizontal rule
  std::vector<std::string> notes;                // lines printed below the table
};

enum class TableFormat { Text, Markdown, Latex, Csv, Html, Xlsx };

// Parses "text", "md"/"markdown", "latex"/"tex", "csv", "html", "xlsx"/"excel", in any case.
TableFormat parse_table_format(const std::string& name);
// The format a file name implies (.txt .md .tex .csv .html .xlsx).
TableFormat format_for_path(const std::string& path);
// The format an output file is written in: its extension's, or `format` when given ("" = not
// given) and the extension is .txt or none; a format the extension contradicts (markdown into a
// .tex, Excel into a .csv) is refused, the message naming them as path_words and format_words.
TableFormat output_format(const std::string& path, const std::string& format, const std::string& path_words, const std::string& format_words);

std::string render_text(const Table& t);
std::string render_markdown(const Table& t);
// A booktabs table float, or a longtable breaking across pages when it has more than 40 rows.
std::string render_latex(const Table& t);
std::string render_csv(const Table& t);
std::string render_html(const Table& t);
// Renders in a text format (every format but Xlsx).
std::string render(const Table& t, TableFormat format);
// Writes one or more tables to a file in the given format (Xlsx: one sheet per table, named by its
// title, its plain numbers written as numbers shown with the printed digits).
void write_tables(const std::vector<Table>& tables, const std::string& path, TableFormat format);

// A number with `digits` decimals; one too small to show that way (it would print as 0.000) or of
// 1e12 or more in scientific notation with digits - 1 decimals (3.00e-12); never "-0.000".
// Non-finite values as "nan"/"inf": callers print their own mark for missing.
std::string format_number(double v, int digits);
// `digits` decimals always, four unless said (test statistics and p-values: 0.0000 as papers print
// them), "." when missing or infinite (as Stata's tables show it); never "-0.0000".
std::string format_fixed(double v, int digits = 4);
// A p-value estimated from `draws` random draws: never "0.0000"; below 1/(draws + 1), the smallest
// such a p-value can resolve, it prints as "< 1/(draws + 1)" (e.g. "< 0.001996" for 500 draws).
std::string format_p_from_draws(double p, size_t draws);

// HTML-escapes user-given text.
std::string html_escape(const std::string& s);
// Number of terminal columns a UTF-8 string takes (CJK characters count two).
size_t display_width(const std::string& s);

}  // namespace cbec
