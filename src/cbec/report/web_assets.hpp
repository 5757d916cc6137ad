// Where the report's front-end assets live: the npm packages vega and vega-lite and the SVG/PNG
// renderer web/render_figures.mjs, installed by scripts/install-deps.sh into <source>/web. The
// environment variable CBEC_WEB_DIR overrides the location.
#pragma once
#include <optional>
#include <string>

namespace cbec {

std::string web_dir();

// The text of a file under web_dir()/node_modules (e.g. "vega/build/vega.min.js"), or nothing.
std::optional<std::string> web_asset(const std::string& relative_path);

// Renders the folder's *.vl.json figures to SVG (and PNG with Chromium) with Node.js; returns an
// empty string on success, else what went wrong (for a warning: the report stays usable).
std::string render_figure_files(const std::string& folder);

}  // namespace cbec
