// Matching of Chinese place names written in Chinese or English, shared by the pilot-zone
// treatment builder and the region groupings.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cbec {

// Normalized key for matching: full-width letters as ASCII, lower case, without administrative
// suffixes (市, 省, 自治区, 地区, 盟, ..., " city", " province"), spaces and apostrophes:
// "Huai'an" = "huaian", "杭州市" = "杭州", "海东地区" = "海东".
std::string name_key(const std::string& name);

// Resolves a name in either language to the key of its Chinese name. An English name listed for
// two different Chinese names (Taizhou: 台州/泰州; Suzhou: 苏州/宿州) is ambiguous and resolves to
// nothing: such units must be named in Chinese or with their province, "Taizhou (Zhejiang)".
// One index serves `cbec regions` and `cbec treat` (china_place_names() in pilot_zones.hpp), so
// both accept and refuse the same names.
class NameIndex {
 public:
  // province_en, when given, also registers the qualified form "name_en (province_en)". The place
  // becomes known.
  void add(const std::string& name_cn, const std::string& name_en, const std::string& province_en = "");
  // A place known by its Chinese name only (data/china_cities.csv has no English names).
  void add_known(const std::string& name_cn);
  // Another Chinese name of a known place (a short or former name: 延边州, 襄樊市); ignored when it is
  // itself the name of a place (海南 is the province, not 海南藏族自治州).
  void add_alias(const std::string& alias, const std::string& name_cn);
  std::string key(const std::string& name) const;   // "" when ambiguous
  bool ambiguous(const std::string& name) const;
  // The name resolves to a place that was added (in either language) and is not ambiguous.
  bool known(const std::string& name) const;
  // The Chinese names an ambiguous English name stands for, as added ("苏州市", "宿州市").
  std::vector<std::string> candidates(const std::string& name) const;
  std::vector<std::string> english_keys() const;    // the unambiguous English keys

 private:
  std::map<std::string, std::string> alias_;        // English key -> Chinese key
  std::map<std::string, std::string> alias_cn_;     // English key -> Chinese name as added
  std::map<std::string, std::set<std::string>> ambiguous_;  // English key -> its Chinese names
  std::set<std::string> known_;                     // Chinese keys of known places
};

// "Suzhou (苏州市 or 宿州市)" for each ambiguous name: for messages.
std::string describe_ambiguous(const NameIndex& names, const std::vector<std::string>& ambiguous);

}  // namespace cbec
