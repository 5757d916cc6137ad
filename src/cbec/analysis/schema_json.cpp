#include "cbec/analysis/schema_json.hpp"

namespace cbec {

namespace {

const char* kind_name(OptionKind k) {
  switch (k) {
    case OptionKind::Text: return "text";
    case OptionKind::Number: return "number";
    case OptionKind::Count: return "count";
    case OptionKind::Integer: return "integer";
    case OptionKind::Flag: return "flag";
    case OptionKind::TextList: return "list";
    case OptionKind::Terms: return "terms";
    case OptionKind::Range: return "range";
  }
  return "";
}

const char* panel_name(PanelNeed p) { return p == PanelNeed::Required ? "required" : p == PanelNeed::Optional ? "optional" : "none"; }

}  // namespace

nlohmann::json schema_json(const Analysis& a) {
  nlohmann::json options = nlohmann::json::array();
  for (const auto& o : a.options) {
    nlohmann::json j = {{"key", o.key}, {"flag", flag_name(o.key)}, {"kind", kind_name(o.kind)}, {"help", o.help}, {"default", o.default_value},
                        {"required", o.required}, {"column", o.column}, {"positional", o.positional}};
    if (!o.choices.empty()) j["choices"] = o.choices;
    if (!o.aliases.empty()) j["aliases"] = o.aliases;
    options.push_back(j);
  }
  return {{"name", a.name}, {"command", a.command}, {"summary", a.summary}, {"adds_columns", static_cast<bool>(a.creates)},
          {"needs", {{"panel", panel_name(a.needs.panel)}, {"treatment", a.needs.treatment}, {"resampling", a.needs.resampling}, {"spatial", a.needs.spatial}}},
          {"options", options}};
}

}  // namespace cbec
