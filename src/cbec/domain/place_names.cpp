#include "cbec/domain/place_names.hpp"

#include <cctype>

namespace cbec {

namespace {

// Full-width ASCII (U+FF01..U+FF5E, EF BC 81..EF BD 9E in UTF-8) as ASCII, and the ideographic
// space (U+3000, E3 80 80) as a space: "ＨＡＮＧＺＨＯＵ" and "杭州市　" are the usual names.
std::string half_width(const std::string& name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(name[i + k]); };
    if (i + 2 < name.size() && b(0) == 0xEF && (b(1) == 0xBC || b(1) == 0xBD) && b(2) >= 0x80 && b(2) <= 0xBF) {
      const unsigned code = 0xFF00u + ((b(1) - 0xBCu) << 6) + (b(2) - 0x80u);
      if (code >= 0xFF01 && code <= 0xFF5E) {
        out += static_cast<char>(code - 0xFEE0u);
        i += 2;
        continue;
      }
    }
    if (i + 2 < name.size() && b(0) == 0xE3 && b(1) == 0x80 && b(2) == 0x80) {
      out += ' ';
      i += 2;
      continue;
    }
    out += name[i];
  }
  return out;
}

}  // namespace

std::string name_key(const std::string& name) {
  std::string s = half_width(name);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  // 地区 and 盟: prefectures renamed to cities (海东地区 -> 海东市) and leagues (锡林郭勒盟) match their short form.
  for (const char* suffix : {"壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "地区", "省", "市", "盟"}) {
    const std::string suf(suffix);
    if (s.size() > suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0) {
      s.erase(s.size() - suf.size());
      break;
    }
  }
  std::string out;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\'' || c == '-' || c == '.') continue;
    out += static_cast<char>(std::tolower(c));
  }
  for (const char* suffix : {"zhuangautonomousregion", "huiautonomousregion", "uygurautonomousregion", "uyghurautonomousregion", "autonomousregion",
                             "specialadministrativeregion", "municipality", "city", "province"}) {
    const std::string suf(suffix);
    if (out.size() > suf.size() && out.compare(out.size() - suf.size(), suf.size(), suf) == 0) {
      out.erase(out.size() - suf.size());
      break;
    }
  }
  return out;
}

void NameIndex::add(const std::string& name_cn, const std::string& name_en, const std::string& province_en) {
  if (!province_en.empty()) add(name_cn, name_en + " (" + province_en + ")");
  const std::string en = name_key(name_en), cn = name_key(name_cn);
  add_known(name_cn);
  if (en.empty()) return;
  if (auto amb = ambiguous_.find(en); amb != ambiguous_.end()) {
    amb->second.insert(name_cn);
    return;
  }
  auto [it, inserted] = alias_.emplace(en, cn);
  if (inserted) alias_cn_[en] = name_cn;
  else if (it->second != cn) {
    ambiguous_[en] = {alias_cn_[en], name_cn};
    alias_.erase(it);
    alias_cn_.erase(en);
  }
}

void NameIndex::add_alias(const std::string& alias, const std::string& name_cn) {
  const std::string a = name_key(alias);
  if (a.empty() || known_.count(a) || alias_.count(a) || ambiguous_.count(a)) return;  // never over a real place's name
  alias_[a] = name_key(name_cn);
  alias_cn_[a] = name_cn;
}

void NameIndex::add_known(const std::string& name_cn) {
  const std::string cn = name_key(name_cn);
  if (!cn.empty()) known_.insert(cn);
}

std::string NameIndex::key(const std::string& name) const {
  const std::string k = name_key(name);
  if (ambiguous_.count(k)) return "";
  auto it = alias_.find(k);
  return it == alias_.end() ? k : it->second;
}

bool NameIndex::ambiguous(const std::string& name) const { return ambiguous_.count(name_key(name)) > 0; }

bool NameIndex::known(const std::string& name) const {
  const std::string k = key(name);
  return !k.empty() && known_.count(k) > 0;
}

std::vector<std::string> NameIndex::candidates(const std::string& name) const {
  auto it = ambiguous_.find(name_key(name));
  if (it == ambiguous_.end()) return {};
  return {it->second.begin(), it->second.end()};
}

std::vector<std::string> NameIndex::english_keys() const {
  std::vector<std::string> out;
  for (const auto& [en, cn] : alias_) out.push_back(en);
  return out;
}

std::string describe_ambiguous(const NameIndex& names, const std::vector<std::string>& ambiguous) {
  std::string out;
  for (const auto& name : ambiguous) {
    if (!out.empty()) out += ", ";
    out += name + " (";
    const auto c = names.candidates(name);
    for (size_t i = 0; i < c.size(); ++i) out += (i ? " or " : "") + c[i];
    out += ")";
  }
  return out;
}

}  // namespace cbec
