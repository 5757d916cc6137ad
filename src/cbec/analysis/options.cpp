#include "cbec/analysis/options.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "cbec/core/strings.hpp"

namespace cbec {

namespace {
OptionSpec spec_of(std::string key, OptionKind kind, std::string help, nlohmann::json default_value = nullptr) {
  OptionSpec o;
  o.key = std::move(key);
  o.kind = kind;
  o.help = std::move(help);
  o.default_value = std::move(default_value);
  return o;
}
}  // namespace

OptionSpec text_option(std::string key, std::string help, std::string default_value) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Text, std::move(help));
  if (!default_value.empty()) o.default_value = default_value;
  return o;
}

OptionSpec choice_option(std::string key, std::vector<std::string> choices, std::string default_value, std::string help) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Text, std::move(help));
  o.choices = std::move(choices);
  if (!default_value.empty()) o.default_value = default_value;
  return o;
}

OptionSpec column_option(std::string key, std::string help, bool required) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Text, std::move(help));
  o.column = true;
  o.required = required;
  return o;
}

OptionSpec columns_option(std::string key, std::string help, bool required) {
  OptionSpec o = spec_of(std::move(key), OptionKind::TextList, std::move(help));
  o.column = true;
  o.required = required;
  return o;
}

OptionSpec formula_option(std::string help) {
  OptionSpec o = spec_of("formula", OptionKind::Text, std::move(help));
  o.positional = true;
  o.required = true;
  return o;
}

OptionSpec terms_option(std::string key, std::string help) { return spec_of(std::move(key), OptionKind::Terms, std::move(help)); }

OptionSpec number_option(std::string key, double default_value, std::string help, double min, double max) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Number, std::move(help));
  if (!std::isnan(default_value)) o.default_value = default_value;
  o.min = min;
  o.max = max;
  return o;
}

OptionSpec count_option(std::string key, nlohmann::json default_value, std::string help, double min) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Count, std::move(help), std::move(default_value));
  o.min = min;
  o.max = kMaxCount;
  return o;
}

OptionSpec integer_option(std::string key, nlohmann::json default_value, std::string help) {
  OptionSpec o = spec_of(std::move(key), OptionKind::Integer, std::move(help), std::move(default_value));
  o.min = -kMaxCount;
  o.max = kMaxCount;
  return o;
}

OptionSpec flag_option(std::string key, std::string help) { return spec_of(std::move(key), OptionKind::Flag, std::move(help), false); }

OptionSpec list_option(std::string key, std::string help, bool required) {
  OptionSpec o = spec_of(std::move(key), OptionKind::TextList, std::move(help));
  o.required = required;
  return o;
}

OptionSpec range_option(std::string key, std::vector<int> default_value, std::string help) {
  return spec_of(std::move(key), OptionKind::Range, std::move(help), default_value);
}

bool Options::has(const std::string& key) const { return values_.contains(key) && !values_.at(key).is_null(); }

std::string Options::text(const std::string& key) const { return has(key) ? values_.at(key).get<std::string>() : ""; }

double Options::number(const std::string& key) const {
  return has(key) ? values_.at(key).get<double>() : std::numeric_limits<double>::quiet_NaN();
}

long long Options::integer(const std::string& key) const { return has(key) ? values_.at(key).get<long long>() : 0; }

bool Options::flag(const std::string& key) const { return has(key) && values_.at(key).get<bool>(); }

std::vector<std::string> Options::list(const std::string& key) const {
  return has(key) ? values_.at(key).get<std::vector<std::string>>() : std::vector<std::string>{};
}

std::pair<int, int> Options::range(const std::string& key) const {
  const auto v = values_.at(key).get<std::vector<int>>();
  return {v.at(0), v.at(1)};
}

std::string flag_name(const std::string& key) {
  std::string f = "--" + key;
  std::replace(f.begin(), f.end(), '_', '-');
  return f;
}

namespace {

const char* kind_words(OptionKind k) {
  switch (k) {
    case OptionKind::Text: return "text in quotes";
    case OptionKind::Number: return "a number";
    case OptionKind::Count: return "a whole number";
    case OptionKind::Integer: return "a whole number";
    case OptionKind::Flag: return "true or false";
    case OptionKind::TextList: return "a list of texts, e.g. [\"a\", \"b\"]";
    case OptionKind::Terms: return "a list of formula terms, e.g. [\"x1\", \"log(x2)\"]";
    case OptionKind::Range: return "two whole numbers, e.g. [-4, 3]";
  }
  return "";
}

// Command-line text -> the JSON value a study file would hold; nullopt when it does not parse.
std::optional<nlohmann::json> from_text(const OptionSpec& spec, const nlohmann::json& raw) {
  std::vector<std::string> items;
  if (raw.is_array()) items = raw.get<std::vector<std::string>>();
  else items.push_back(raw.get<std::string>());
  auto number = [](const std::string& s) -> std::optional<double> {
    try {
      size_t used = 0;
      const double v = std::stod(trim(s), &used);
      if (used == trim(s).size() && std::isfinite(v)) return v;  // "nan" and "inf" are not values of an option
    } catch (const std::exception&) {
    }
    return std::nullopt;
  };
  switch (spec.kind) {
    case OptionKind::Text:
      if (items.size() != 1) return std::nullopt;
      return items[0];
    case OptionKind::Flag:
      if (items.size() != 1) return std::nullopt;
      if (items[0] == "true" || items[0] == "1") return true;
      if (items[0] == "false" || items[0] == "0") return false;
      return std::nullopt;
    case OptionKind::Number:
    case OptionKind::Count:
    case OptionKind::Integer: {
      if (items.size() != 1) return std::nullopt;
      auto v = number(items[0]);
      if (!v) return std::nullopt;
      return *v;
    }
    case OptionKind::TextList: return items;
    case OptionKind::Terms: {
      std::vector<std::string> terms;
      for (const auto& item : items)
        for (const auto& t : split_outside_parentheses(item, '+')) terms.push_back(t);
      return terms;
    }
    case OptionKind::Range: {
      std::vector<std::string> parts;
      for (const auto& item : items)
        for (const auto& p : split_trimmed(item, ',')) parts.push_back(p);
      if (parts.size() != 2) return std::nullopt;
      auto a = number(parts[0]), b = number(parts[1]);
      if (!a || !b) return std::nullopt;
      return nlohmann::json::array({*a, *b});
    }
  }
  return std::nullopt;
}

bool whole(double v) { return std::isfinite(v) && v == std::floor(v); }
// 100000000 rather than 1e+08 in messages; other numbers as %g.
std::string number_text(double v) { return whole(v) && std::fabs(v) < 1e15 ? fmt::format("{:.0f}", v) : fmt::format("{:g}", v); }
// A whole number that converts to an int without overflow (for ranges of periods).
bool small_whole(double v) { return whole(v) && std::fabs(v) <= 1e9; }

// Checks a value's type and converts it to its canonical JSON form; nullopt when it does not fit.
std::optional<nlohmann::json> typed(const OptionSpec& spec, const nlohmann::json& v) {
  switch (spec.kind) {
    case OptionKind::Text:
      if (v.is_string()) return v;
      return std::nullopt;
    case OptionKind::Flag:
      if (v.is_boolean()) return v;
      return std::nullopt;
    case OptionKind::Number:
      if (v.is_number()) return v.get<double>();
      return std::nullopt;
    case OptionKind::Count:
    case OptionKind::Integer:
      // Beyond the bounds checked below, but converted without overflow first.
      if (v.is_number() && whole(v.get<double>()) && std::fabs(v.get<double>()) <= 1e18) return static_cast<long long>(v.get<double>());
      if (v.is_number() && whole(v.get<double>())) return v.get<double>();
      return std::nullopt;
    case OptionKind::TextList:
    case OptionKind::Terms:
      if (v.is_string()) return nlohmann::json::array({v});
      if (!v.is_array()) return std::nullopt;
      for (const auto& e : v)
        if (!e.is_string()) return std::nullopt;
      return v;
    case OptionKind::Range:
      if (!v.is_array() || v.size() != 2) return std::nullopt;
      for (const auto& e : v)
        if (!e.is_number() || !small_whole(e.get<double>())) return std::nullopt;
      return nlohmann::json::array({static_cast<int>(v[0].get<double>()), static_cast<int>(v[1].get<double>())});
  }
  return std::nullopt;
}

std::string allowed_keys(const std::vector<OptionSpec>& schema) {
  std::vector<std::string> keys;
  for (const auto& s : schema) keys.push_back(s.key);
  return fmt::format("{}", fmt::join(keys, ", "));
}

}  // namespace

Options validate_options(const std::vector<OptionSpec>& schema, const std::vector<RawOption>& raw, const std::string& owner,
                         std::vector<std::string>& problems) {
  nlohmann::json values = nlohmann::json::object();
  for (const auto& spec : schema)
    if (!spec.default_value.is_null()) values[spec.key] = spec.default_value;
  std::vector<std::string> given;
  for (const auto& r : raw) {
    const auto spec = std::find_if(schema.begin(), schema.end(), [&](const OptionSpec& s) {
      return s.key == r.key || std::find(s.aliases.begin(), s.aliases.end(), r.key) != s.aliases.end();
    });
    if (spec == schema.end()) {
      problems.push_back(fmt::format("{}: '{}' takes no option '{}'; its options: {}", r.where, owner, r.key, allowed_keys(schema)));
      continue;
    }
    if (std::find(given.begin(), given.end(), spec->key) != given.end()) {
      problems.push_back(fmt::format("{}: '{}' is given twice (also as {})", r.where, spec->key, fmt::join(spec->aliases, ", ")));
      continue;
    }
    given.push_back(spec->key);
    std::optional<nlohmann::json> v = r.from_text ? from_text(*spec, r.value) : std::optional<nlohmann::json>(r.value);
    if (v) v = typed(*spec, *v);
    if (!v) {
      problems.push_back(fmt::format("{}: '{}' must be {}", r.where, r.key, kind_words(spec->kind)));
      continue;
    }
    if (!spec->choices.empty()) {
      const std::vector<std::string> items = v->is_array() ? v->get<std::vector<std::string>>() : std::vector<std::string>{v->get<std::string>()};
      bool ok = true;
      for (const auto& item : items)
        if (std::find(spec->choices.begin(), spec->choices.end(), item) == spec->choices.end()) {
          problems.push_back(fmt::format("{}: '{}' cannot be '{}'; choose one of {}", r.where, r.key, item, fmt::join(spec->choices, ", ")));
          ok = false;
        }
      if (!ok) continue;
    }
    if (spec->column && v->is_array()) {  // a column named twice would enter twice (an indicator weighted double)
      const std::vector<std::string> names = v->get<std::vector<std::string>>();
      const auto twice = std::find_if(names.begin(), names.end(), [&](const std::string& n) { return std::count(names.begin(), names.end(), n) > 1; });
      if (twice != names.end()) {
        problems.push_back(fmt::format("{}: '{}' names the column '{}' twice; list each column once", r.where, r.key, *twice));
        continue;
      }
    }
    if (v->is_number()) {
      const double x = v->get<double>();
      const double lower = spec->kind == OptionKind::Count ? std::max(spec->min, 0.0) : spec->min;
      if (!(x >= lower && x <= spec->max)) {  // NaN (a study file's nan) fails both
        const bool range = spec->max < kMaxCount && lower > -kMaxCount;   // a real interval such as 0..1
        problems.push_back(range       ? fmt::format("{}: '{}' must be between {} and {}, not {}", r.where, r.key, number_text(lower), number_text(spec->max), number_text(x))
                           : x < lower ? fmt::format("{}: '{}' must be at least {}, not {}", r.where, r.key, number_text(lower), number_text(x))
                                       : fmt::format("{}: '{}' must be at most {}, not {}", r.where, r.key, number_text(spec->max), number_text(x)));
        continue;
      }
    }
    values[spec->key] = *v;
  }
  for (const auto& spec : schema) {
    // An empty list where one value at least is needed: a required list, or one whose default has values.
    const bool needs_values = spec.required || (spec.default_value.is_array() && !spec.default_value.empty());
    const bool empty_list = values.contains(spec.key) && values[spec.key].is_array() && values[spec.key].empty();
    if (needs_values && empty_list)
      problems.push_back(fmt::format("'{}' needs at least one value of '{}' ({}); it was given an empty list", owner, spec.key, spec.help));
    else if (spec.required && std::find(given.begin(), given.end(), spec.key) == given.end())
      problems.push_back(fmt::format("'{}' needs '{}' ({})", owner, spec.key, spec.help));
  }
  return Options(std::move(values));
}

}  // namespace cbec
