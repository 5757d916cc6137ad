#include "cbec/study/study_report_html.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cbec/report/table.hpp"
#include "cbec/report/web_assets.hpp"
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
.prov{font-size:.85em;color:#444}code{font-size:.9em}
figure.cbec-figure{margin:1.5em 0}figure.cbec-figure figcaption{font-size:.85em;color:#555}
.warn{background:#fde2e1;border-left:4px solid #c0392b;padding:.6em 1em})";

// Draws every figure from the embedded Vega-Lite specifications; marks each container when done
// (data-rendered) so the headless-browser test can check them.
const char* kRenderScript = R"(
(function () {
  var specs = JSON.parse(document.getElementById('cbec-figure-specs').textContent);
  document.querySelectorAll('div.cbec-vega').forEach(function (el) {
    var spec = specs[el.getAttribute('data-figure')];
    try {
      var view = new vega.View(vega.parse(vegaLite.compile(spec).spec), {renderer: 'svg', container: el, hover: true});
      view.runAsync().then(function () { el.setAttribute('data-rendered', '1'); })
        .catch(function (e) { el.textContent = 'Figure could not be drawn: ' + e; console.error(e); });
    } catch (e) { el.textContent = 'Figure could not be drawn: ' + e; console.error(e); }
  });
})();
)";

// A script element that loads JavaScript from a base64 data URL: works offline, and no text of the
// library can close the element early.
std::string inline_script(const std::string& js) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  b64.reserve((js.size() + 2) / 3 * 4);
  for (size_t i = 0; i < js.size(); i += 3) {
    uint32_t v = static_cast<uint8_t>(js[i]) << 16;
    if (i + 1 < js.size()) v |= static_cast<uint8_t>(js[i + 1]) << 8;
    if (i + 2 < js.size()) v |= static_cast<uint8_t>(js[i + 2]);
    b64 += digits[(v >> 18) & 63];
    b64 += digits[(v >> 12) & 63];
    b64 += i + 1 < js.size() ? digits[(v >> 6) & 63] : '=';
    b64 += i + 2 < js.size() ? digits[v & 63] : '=';
  }
  return "<script src=\"data:text/javascript;base64," + b64 + "\"></script>\n";
}

// JSON safe inside <script>: "</" becomes "<\/", the same string in JSON.
std::string script_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '/') out += "\\";
  }
  return out;
}
}  // namespace

std::string study_report_html(const StudyReport& rep) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(rep.spec.title) +
                  "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<h1>" + html_escape(rep.spec.title) + "</h1>\n";
  if (!rep.spec.note.empty()) h += "<p class=\"note\">" + html_escape(rep.spec.note) + "</p>\n";
  const auto vega_js = web_asset("vega/build/vega.min.js");
  const auto vega_lite_js = web_asset("vega-lite/build/vega-lite.min.js");
  const bool can_draw = vega_js && vega_lite_js;
  nlohmann::json specs = nlohmann::json::object();
  for (const auto& w : rep.warnings) h += "<p class=\"warn\">Warning: " + html_escape(w) + "</p>\n";
  h += "<h2 id=\"data\">Data</h2>\n" + render_html(rep.data_summary);
  for (size_t i = 0; i < rep.sections.size(); ++i) {
    const auto& sec = rep.sections[i];
    h += fmt::format("<h2 id=\"analysis-{}\">{}. {}</h2>\n", i + 1, i + 1, html_escape(sec.title));
    for (const auto& f : sec.figures) {
      specs[f.name] = f.spec;
      h += "<figure class=\"cbec-figure\"><div class=\"cbec-vega\" data-figure=\"" + html_escape(f.name) + "\">" +
           (can_draw ? "" : "(figure not drawn: the npm packages vega and vega-lite are not installed)") + "</div><figcaption>" +
           html_escape(f.spec.value("description", f.title)) + " Files: <code>figures/" + html_escape(f.name) + ".svg</code>, <code>.png</code>, <code>.vl.json</code>.</figcaption></figure>\n";
    }
    for (const auto& t : sec.tables) h += render_html(t);
  }
  if (can_draw && !specs.empty()) {
    h += inline_script(*vega_js) + inline_script(*vega_lite_js);
    h += "<script type=\"application/json\" id=\"cbec-figure-specs\">" + script_safe(specs.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + "</script>\n";
    h += std::string("<script>") + kRenderScript + "</script>\n";
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
