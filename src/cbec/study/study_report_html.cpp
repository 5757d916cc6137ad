#include "cbec/study/study_report_html.hpp"

#include <fmt/format.h>

#include "cbec/report/table.hpp"
#include "cbec/study/run_study.hpp"

namespace cbec {

namespace {
const char* kStyle = R"(body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table.cbec-table{border-collapse:collapse;margin:1em 0;font-variant-numeric:tabular-nums}
table.cbec-table caption{text-align:left;font-weight:600;margin-bottom:.3em}
table.cbec-table th,table.cbec-table td{padding:.2em .8em;text-align:right;border-bottom:1px solid #eee}
table.cbec-table th[scope=row]{text-align:left;font-weight:normal}
table.cbec-table thead th{border-bottom:2px solid #444}
table.cbec-table tfoot td{text-align:left;font-size:.85em;color:#555;border:none}
tr.rule th,tr.rule td{border-top:1px solid #444}
.note{background:#fff4d6;border-left:4px solid #e0a800;padding:.6em 1em}
.prov{font-size:.85em;color:#444}code{font-size:.9em})";
}  // namespace

std::string study_report_html(const StudyReport& rep) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(rep.spec.title) +
                  "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + html_escape(rep.spec.title) + "</h1>\n";
  if (!rep.spec.note.empty()) h += "<p class=\"note\">" + html_escape(rep.spec.note) + "</p>\n";
  h += "<h2 id=\"data\">Data</h2>\n" + render_html(rep.data_summary);
  for (size_t i = 0; i < rep.sections.size(); ++i) {
    const auto& sec = rep.sections[i];
    h += fmt::format("<h2 id=\"analysis-{}\">{}. {}</h2>\n", i + 1, i + 1, html_escape(sec.title));
    for (const auto& t : sec.tables) h += render_html(t);
  }
  h += "<h2 id=\"provenance\">Reproducibility</h2>\n<div class=\"prov\"><p>cbec " + html_escape(rep.provenance.value("cbec", "")) +
       ", seed " + std::to_string(rep.provenance.value("seed", 0ull)) + ".</p>\n<ul>\n";
  for (const auto& [file, sum] : rep.provenance["inputs"].items())
    h += "<li><code>" + html_escape(file) + "</code> sha256 <code>" + html_escape(sum.get<std::string>()) + "</code></li>\n";
  h += "</ul>\n<p>Full results: <code>results.json</code>; tables in <code>tables/</code> (Markdown, LaTeX, CSV) and <code>tables.xlsx</code>.</p></div>\n";
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace cbec
