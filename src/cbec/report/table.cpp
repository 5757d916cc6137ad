#include "cbec/report/table.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "cbec/core/error.hpp"
#include "cbec/core/strings.hpp"
#include "cbec/io/csv_reader.hpp"

namespace cbec {

TableFormat parse_table_format(const std::string& given) {
  const std::string name = lower_ascii(given);  // "LaTeX"
  if (name == "text" || name == "txt") return TableFormat::Text;
  if (name == "md" || name == "markdown") return TableFormat::Markdown;
  if (name == "latex" || name == "tex") return TableFormat::Latex;
  if (name == "csv") return TableFormat::Csv;
  if (name == "html" || name == "htm") return TableFormat::Html;
  if (name == "xlsx" || name == "excel") return TableFormat::Xlsx;
  throw SpecError(fmt::format("unknown table format '{}'; use text, md, latex, csv, html or xlsx", given));
}

TableFormat format_for_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  if (ext.empty()) return TableFormat::Text;
  return parse_table_format(ext);   // T.TEX too
}

TableFormat output_format(const std::string& path, const std::string& format, const std::string& path_words, const std::string& format_words) {
  const TableFormat by_path = format_for_path(path);
  if (format.empty()) return by_path;
  const TableFormat given = parse_table_format(format);
  if (given != by_path && by_path != TableFormat::Text)
    throw SpecError(fmt::format("{} {} disagrees with the extension of {}: rename the file or drop {}", format_words, format, path_words, format_words));
  return given;
}

size_t display_width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    uint32_t cp = c;
    if (len == 3 && i + 2 < s.size())
      cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    const bool wide = len >= 3 && ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                                   (cp >= 0xFFE0 && cp <= 0xFFE6) || len == 4);
    w += wide ? 2 : 1;
    i += len;
  }
  return w;
}

namespace {

size_t ncols(const Table& t) {
  size_t n = t.header.size();
  for (const auto& r : t.rows) n = std::max(n, r.size());
  return n;
}

std::string cell(const std::vector<std::string>& row, size_t j) { return j < row.size() ? row[j] : ""; }

bool rule_before(const Table& t, size_t i) {
  return std::find(t.rules_before.begin(), t.rules_before.end(), i) != t.rules_before.end();
}

std::string pad(const std::string& s, size_t width, bool left) {
  size_t w = display_width(s);
  std::string fill(width > w ? width - w : 0, ' ');
  return left ? s + fill : fill + s;
}

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      case '|': out += "\\textbar{}"; break;     // an em dash in pdflatex's default encoding
      case '[': out += "{[}"; break;              // a bracket after \midrule would open its optional argument
      case ']': out += "{]}"; break;
      case '\n': out += ' '; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

namespace {
// v with `digits` decimals, a negative value that rounds to zero without its sign (-0.000).
std::string fixed_decimals(double v, int digits) {
  std::string out = fmt::format("{:.{}f}", v, digits);
  if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) out.erase(0, 1);
  return out;
}
}  // namespace

std::string format_number(double v, int digits) {
  if (!std::isfinite(v)) return fmt::format("{}", v);
  const double magnitude = std::fabs(v);
  if (magnitude != 0 && (magnitude < 0.5 * std::pow(10.0, -digits) || magnitude >= 1e12)) return fmt::format("{:.{}e}", v, std::max(digits - 1, 0));
  return fixed_decimals(v, digits);
}

std::string format_fixed(double v, int digits) { return std::isfinite(v) ? fixed_decimals(v, digits) : std::string("."); }

std::string format_p_from_draws(double p, size_t draws) {
  const double floor = 1.0 / static_cast<double>(draws + 1);
  if (std::isfinite(p) && p < floor) return fmt::format("< {:.4g}", floor);
  return format_fixed(p);
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_text(const Table& t) {
  const size_t k = ncols(t);
  std::vector<size_t> w(k, 0);
  for (size_t j = 0; j < k; ++j) {
    w[j] = display_width(cell(t.header, j));
    for (const auto& r : t.rows) w[j] = std::max(w[j], display_width(cell(r, j)));
  }
  size_t total = 0;
  for (size_t j = 0; j < k; ++j) total += w[j] + (j ? 2 : 0);
  const std::string heavy(total, '='), light(total, '-');
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t j = 0; j < k; ++j) s += (j ? "  " : "") + pad(cell(r, j), w[j], j == 0);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::string out;
  if (!t.title.empty()) out += t.title + "\n";
  out += heavy + "\n";
  if (!t.header.empty()) out += line(t.header) + light + "\n";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (rule_before(t, i)) out += light + "\n";
    out += line(t.rows[i]);
  }
  out += heavy + "\n";
  for (const auto& n : t.notes) out += n + "\n";
  return out;
}

std::string render_markdown(const Table& t) {
  const size_t k = ncols(t);
  // A pipe would end the cell and a line break the row; a '<' that could open an HTML tag or
  // comment (CommonMark 0.30, section 6.6: '<' then a letter, '/', '!' or '?') is escaped, so a label
  // such as "<b>" or "a<b" is shown as written rather than passed to the renderer as HTML ("< 0.002"
  // is left as it is); so is the '(' of an inline link or image, "](" (section 6.3; a CI "[0.1, 0.2]"
  // is no link).
  auto esc = [](const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const char next = i + 1 < s.size() ? s[i + 1] : ' ';
      if (c == '|') out += "\\|";
      else if (c == '\n') out += "<br>";
      else if (c == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?')) out += "\\<";
      else if (c == ']' && next == '(') out += "]\\";   // then the '(': "[text](url)" and "![alt](url)" are a link and an image otherwise
      else if (c != '\r') out += c;
    }
    return out;
  };
  auto line = [&](const std::vector<std::string>& r) {
    std::string s = "|";
    for (size_t j = 0; j < k; ++j) s += fmt::format(" {} |", esc(cell(r, j)));
    return s + "\n";
  };
  std::string out;
  if (!t.title.empty()) out += "**" + esc(t.title) + "**\n\n";
  out += line(t.header);
  out += "|";
  for (size_t j = 0; j < k; ++j) out += j == 0 ? " :--- |" : " ---: |";
  out += "\n";
  for (const auto& r : t.rows) out += line(r);
  if (!t.notes.empty()) out += "\n";
  for (const auto& n : t.notes) out += esc(n) + "  \n";
  return out;
}

// Rows beyond which a LaTeX table is a longtable: a float taller than the page cannot be placed.
constexpr size_t kLongTableRows = 40;

std::string render_latex(const Table& t) {
  const size_t k = ncols(t);
  const bool long_table = t.rows.size() > kLongTableRows;
  // A row ends with "\\"; in a longtable "\\*" (no page break after it) when the next row carries
  // on this one: its first cell is empty (a coefficient's standard error) and no rule comes between.
  auto line = [&](const std::vector<std::string>& r, bool keep_with_next = false) {
    std::string s;
    for (size_t j = 0; j < k; ++j) s += (j ? " & " : "") + latex_escape(cell(r, j));
    return s + (keep_with_next ? " \\\\*\n" : " \\\\\n");
  };
  const std::string columns = "l" + std::string(k > 0 ? k - 1 : 0, 'c');
  std::string body;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    if (rule_before(t, i)) body += "\\midrule\n";
    const bool continued = long_table && i + 1 < t.rows.size() && !rule_before(t, i + 1) && cell(t.rows[i + 1], 0).empty();
    body += line(t.rows[i], continued);
  }
  std::string notes;
  for (const auto& n : t.notes) notes += latex_escape(n) + "\\\\\n";
  if (long_table) {
    // Longer than a page: a longtable (package longtable) that breaks across pages, its header
    // repeated on each and the notes after it.
    std::string head = "\\toprule\n" + (t.header.empty() ? "" : line(t.header) + "\\midrule\n");
    std::string out = "% needs \\usepackage{booktabs,longtable}; Chinese text: XeLaTeX with \\usepackage{ctex}\n\\begin{longtable}{" + columns + "}\n";
    if (!t.title.empty()) out += "\\caption{" + latex_escape(t.title) + "}\\\\\n";
    out += head + "\\endfirsthead\n" + head + "\\endhead\n\\midrule\n\\multicolumn{" + std::to_string(k) +
           "}{r}{\\footnotesize\\emph{continued on the next page}}\\\\\n\\endfoot\n\\bottomrule\n\\endlastfoot\n";
    out += body + "\\end{longtable}\n";
    if (!notes.empty()) out += "{\\footnotesize\\noindent\n" + notes + "\\par}\n";
    return out;
  }
  // The tabular is scaled down to the line's width when it is wider (many models side by side) and
  // left at its own size otherwise: graphicx's \\resizebox, whose \\width is the box's natural width.
  std::string out = "% needs \\usepackage{booktabs,graphicx}; Chinese text: XeLaTeX with \\usepackage{ctex}\n\\begin{table}[htbp]\\centering\n";
  if (!t.title.empty()) out += "\\caption{" + latex_escape(t.title) + "}\n";
  out += "\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n\\begin{tabular}{" + columns + "}\n\\toprule\n";
  if (!t.header.empty()) out += line(t.header) + "\\midrule\n";
  out += body + "\\bottomrule\n\\end{tabular}}\n";
  if (!notes.empty()) out += "\\par\\footnotesize\n" + notes;
  out += "\\end{table}\n";
  return out;
}

std::string render_csv(const Table& t) {
  const size_t k = ncols(t);
  auto line = [&](const std::vector<std::string>& r) {
    std::string s;
    for (size_t j = 0; j < k; ++j) {
      if (j) s += ',';
      s += quote_csv(cell(r, j));
    }
    return s + "\n";
  };
  // The title first and the notes last, each a row of one cell, as the other formats keep them
  // (the star legend, the variance, dropped observations and warnings were lost).
  std::string out;
  if (!t.title.empty()) out += quote_csv(t.title) + "\n";
  if (!t.header.empty()) out += line(t.header);
  for (const auto& r : t.rows) out += line(r);
  for (const auto& n : t.notes) out += quote_csv(n) + "\n";
  return out;
}

std::string render_html(const Table& t) {
  const size_t k = ncols(t);
  std::string out = "<table class=\"cbec-table\">\n";
  if (!t.title.empty()) out += "<caption>" + html_escape(t.title) + "</caption>\n";
  if (!t.header.empty()) {
    out += "<thead><tr>";
    for (size_t j = 0; j < k; ++j) out += "<th>" + html_escape(cell(t.header, j)) + "</th>";
    out += "</tr></thead>\n";
  }
  out += "<tbody>\n";
  for (size_t i = 0; i < t.rows.size(); ++i) {
    out += rule_before(t, i) ? "<tr class=\"rule\">" : "<tr>";
    for (size_t j = 0; j < k; ++j) out += (j ? "<td>" : "<th scope=\"row\">") + html_escape(cell(t.rows[i], j)) + (j ? "</td>" : "</th>");
    out += "</tr>\n";
  }
  out += "</tbody>\n";
  if (!t.notes.empty()) {
    out += "<tfoot>";
    for (const auto& n : t.notes) out += "<tr><td colspan=\"" + std::to_string(k) + "\">" + html_escape(n) + "</td></tr>";
    out += "</tfoot>\n";
  }
  return out + "</table>\n";
}

std::string render(const Table& t, TableFormat format) {
  switch (format) {
    case TableFormat::Text: return render_text(t);
    case TableFormat::Markdown: return render_markdown(t);
    case TableFormat::Latex: return render_latex(t);
    case TableFormat::Csv: return render_csv(t);
    case TableFormat::Html: return render_html(t);
    case TableFormat::Xlsx: break;
  }
  throw SpecError("Excel tables can only be written to a file; give an output path ending in .xlsx");
}

namespace {

// A body cell that is a plain number as the table prints it ("-0.123", "42", "3.00e-12"; not
// "0.123***", "(0.045)" or "007") -> its value and the Excel number format that shows it with the
// same digits ("0.000", "0", "0.00E+00"), so the workbook's numbers are numbers, not text.
bool excel_number(const std::string& cell, double& value, std::string& number_format) {
  size_t i = cell.size() > 0 && cell[0] == '-' ? 1 : 0;
  const size_t first_digit = i;
  while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i]))) ++i;
  const size_t whole = i - first_digit;
  if (whole == 0 || (whole > 1 && cell[first_digit] == '0') || whole > 15) return false;
  size_t decimals = 0;
  if (i < cell.size() && cell[i] == '.') {
    const size_t from = ++i;
    while (i < cell.size() && std::isdigit(static_cast<unsigned char>(cell[i]))) ++i;
    decimals = i - from;
    if (decimals == 0) return false;
  }
  const bool scientific = i < cell.size() && cell[i] == 'e';
  if (scientific) {
    size_t j = i + 1;
    if (j < cell.size() && (cell[j] == '+' || cell[j] == '-')) ++j;
    const size_t from = j;
    while (j < cell.size() && std::isdigit(static_cast<unsigned char>(cell[j]))) ++j;
    if (j == from || j != cell.size()) return false;
  } else if (i != cell.size()) {
    return false;
  }
  value = std::strtod(cell.c_str(), nullptr);
  if (!std::isfinite(value)) return false;
  number_format = decimals ? "0." + std::string(decimals, '0') : "0";
  if (scientific) number_format += "E+00";
  return true;
}

// Excel's rules for a sheet name: at most 31 characters, none of []:*?/\, not starting or ending
// with an apostrophe, unique regardless of case. The table's title made to fit, or "Table N".
std::string sheet_name(const Table& t, size_t index, std::vector<std::string>& used) {
  std::string name;
  size_t characters = 0;
  for (size_t i = 0; i < t.title.size() && characters < 31;) {
    const auto c = static_cast<unsigned char>(t.title[i]);
    const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    const std::string ch = t.title.substr(i, len);
    i += len;
    if (ch.size() == 1 && (std::string("[]:*?/\\").find(ch[0]) != std::string::npos || ch[0] < 0x20)) continue;
    name += ch;
    ++characters;
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '\'')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '\'')) name.erase(0, 1);
  auto taken = [&](const std::string& n) { return std::find(used.begin(), used.end(), lower_ascii(n)) != used.end(); };
  if (name.empty() || lower_ascii(name) == "history" || taken(name)) {
    // "Table N" (N its place in the book), short enough to stand in for any title.
    std::string fallback = fmt::format("Table {}", index + 1);
    for (size_t k = 2; taken(fallback); ++k) fallback = fmt::format("Table {} ({})", index + 1, k);
    name = fallback;
  }
  used.push_back(lower_ascii(name));
  return name;
}

// A cell's text as Excel takes it: control characters other than tab and line breaks (a NUL cut
// the text there; the others are not allowed in the sheet's XML) as spaces, and at most Excel's
// 32,767 characters, a longer text cut with "..." at its end (libxlsxwriter refused it and the cell
// was left empty without a word).
std::string excel_text(const std::string& s) {
  constexpr size_t kExcelCharacters = 32767;
  std::string out;
  size_t characters = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (characters == kExcelCharacters - 3 && i + len < s.size()) return out + "...";
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
    else out.append(s, i, len);
    i += len;
    ++characters;
  }
  return out;
}

void write_xlsx(const std::vector<Table>& tables, const std::string& path) {
  // The folder is checked first: libxlsxwriter reports a failed write only when the book is closed,
  // on standard error and as "usually a permissions error".
  std::error_code ec;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (std::filesystem::is_directory(path, ec)) throw DataError(fmt::format("cannot write Excel file '{}': it is a folder; give a file name ending in .xlsx", path));
  if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
    throw DataError(fmt::format("cannot write Excel file '{}': the folder '{}' does not exist; create it or give another path", path, folder.string()));
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw DataError(fmt::format("cannot create Excel file '{}': check the folder exists and is writable", path));
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  // A number format per (digits shown, rule above the row), made once.
  std::map<std::pair<std::string, bool>, lxw_format*> number_formats;
  auto number_format = [&](const std::string& digits, bool rule) {
    lxw_format*& f = number_formats[{digits, rule}];
    if (!f) {
      f = workbook_add_format(wb);
      format_set_num_format(f, digits.c_str());
      if (rule) format_set_top(f, LXW_BORDER_THIN);
    }
    return f;
  };
  lxw_format* top = workbook_add_format(wb);
  format_set_top(top, LXW_BORDER_THIN);
  std::vector<std::string> used_names;
  for (size_t s = 0; s < tables.size(); ++s) {
    const Table& t = tables[s];
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name(t, s, used_names).c_str());
    lxw_row_t row = 0;
    if (!t.title.empty()) worksheet_write_string(ws, row++, 0, excel_text(t.title).c_str(), bold);
    for (size_t j = 0; j < t.header.size(); ++j)
      worksheet_write_string(ws, row, static_cast<lxw_col_t>(j), excel_text(t.header[j]).c_str(), bold);
    if (!t.header.empty()) ++row;
    for (size_t i = 0; i < t.rows.size(); ++i, ++row) {
      const bool rule = rule_before(t, i);
      for (size_t j = 0; j < t.rows[i].size(); ++j) {
        const std::string& cell = t.rows[i][j];
        double value = 0;
        std::string digits;
        if (j > 0 && excel_number(cell, value, digits))  // the first column holds the rows' labels
          worksheet_write_number(ws, row, static_cast<lxw_col_t>(j), value, number_format(digits, rule));
        else
          worksheet_write_string(ws, row, static_cast<lxw_col_t>(j), excel_text(cell).c_str(), rule ? top : nullptr);
      }
    }
    for (const auto& n : t.notes) worksheet_write_string(ws, row++, 0, excel_text(n).c_str(), nullptr);
    worksheet_set_column(ws, 0, 0, 24, nullptr);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(std::max<size_t>(1, ncols(t))), 14, nullptr);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) throw DataError(fmt::format("cannot write Excel file '{}': {}", path, lxw_strerror(err)));
}
}  // namespace

void write_tables(const std::vector<Table>& tables, const std::string& path, TableFormat format) {
  if (format == TableFormat::Xlsx) return write_xlsx(tables, path);
  std::ofstream out(path, std::ios::binary);
  if (!out) throw DataError(fmt::format("cannot write '{}': check the folder exists and is writable", path));
  // A CSV file starts with the UTF-8 byte-order mark, without which Excel reads Chinese as the
  // system's code page; an HTML file is a whole page with its encoding.
  if (format == TableFormat::Csv) out << "\xEF\xBB\xBF";
  if (format == TableFormat::Html)
    out << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>table.cbec-table{border-collapse:collapse;margin:1em 0}"
           "table.cbec-table td,table.cbec-table th{padding:2px 8px;text-align:center}table.cbec-table th[scope=row]{text-align:left}"
           "table.cbec-table thead{border-top:2px solid;border-bottom:1px solid}table.cbec-table tbody{border-bottom:2px solid}"
           "table.cbec-table tr.rule{border-top:1px solid}table.cbec-table tfoot td{text-align:left;font-size:90%}</style></head><body>\n";
  for (size_t i = 0; i < tables.size(); ++i) out << (i ? "\n" : "") << render(tables[i], format);
  if (format == TableFormat::Html) out << "</body></html>\n";
}

}  // namespace cbec
