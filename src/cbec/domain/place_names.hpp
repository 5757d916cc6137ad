// Matching of Chinese place names written in Chinese or English, shared by the pilot-zone
// treatment builder and the region groupings.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cbec {

// Normalized key for matching: lower case, without administrative suffixes (市, 省, 自治区, ...,
// " city", " province"), spaces and apostrophes: "Huai'an" = "huaian", "杭州市" = "杭州".
std::string name_key(const std::string& name);

// Resolves a name in either language to the key of its Chinese name. An English name listed for
// two different Chinese names (Taizhou: 台州/泰州; Suzhou: 苏州/宿州) is ambiguous and resolves to
// nothing: such units must be named in Chinese or with their province, "Taizhou (Zhejiang)".
class NameIndex {
 public:
  // province_en, when given, also registers the qualified form "name_en (province_en)".
  void add(const std::string& name_cn, const std::string& name_en, const std::string& province_en = "");
  std::string key(const std::string& name) const;   // "" when ambiguous
  bool ambiguous(const std::string& name) const;
  std::vector<std::string> english_keys() const;    // the unambiguous English keys

 private:
  std::map<std::string, std::string> alias_;        // English key -> Chinese key
  std::set<std::string> ambiguous_;
};

}  // namespace cbec
