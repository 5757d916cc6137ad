#include "cbec/study/step_cache.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "cbec/io/checksum.hpp"

namespace cbec {

namespace fs = std::filesystem;

const std::string& code_identity() {
  static const std::string identity = [] {
    std::vector<std::string> candidates;
    Dl_info info{};
    if (::dladdr(reinterpret_cast<const void*>(&code_identity), &info) && info.dli_fname && *info.dli_fname) candidates.emplace_back(info.dli_fname);
    candidates.emplace_back("/proc/self/exe");   // the program itself, when the library is linked into it
    for (const auto& path : candidates) {
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) continue;
      try {
        return sha256_file(path);
      } catch (const std::exception&) {
      }
    }
    return std::string();
  }();
  return identity;
}

std::string step_key(const nlohmann::json& inputs) { return sha256_text(inputs.dump()); }

nlohmann::json to_json(const StudySection& s) {
  nlohmann::json j{{"type", s.type}, {"title", s.title}, {"results", s.results}, {"tables", nlohmann::json::array()}, {"figures", nlohmann::json::array()}};
  for (const auto& t : s.tables)
    j["tables"].push_back({{"title", t.title}, {"header", t.header}, {"rows", t.rows}, {"rules_before", t.rules_before}, {"notes", t.notes}});
  for (const auto& f : s.figures) j["figures"].push_back({{"name", f.name}, {"title", f.title}, {"spec", f.spec}});
  return j;
}

StudySection section_from_json(const nlohmann::json& j) {
  StudySection s;
  s.type = j.at("type").get<std::string>();
  s.title = j.at("title").get<std::string>();
  s.results = j.at("results");
  for (const auto& t : j.at("tables"))
    s.tables.push_back({t.at("title").get<std::string>(), t.at("header").get<std::vector<std::string>>(),
                        t.at("rows").get<std::vector<std::vector<std::string>>>(), t.at("rules_before").get<std::vector<size_t>>(),
                        t.at("notes").get<std::vector<std::string>>()});
  for (const auto& f : j.at("figures")) s.figures.push_back({f.at("name").get<std::string>(), f.at("title").get<std::string>(), f.at("spec")});
  return s;
}

std::optional<StudySection> StepCache::load(const std::string& key) const {
  std::ifstream in(fs::path(folder_) / (key + ".json"));
  if (!in) return std::nullopt;
  try {
    return section_from_json(nlohmann::json::parse(in));
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;   // an unreadable entry is recomputed and overwritten
  }
}

void StepCache::store(const std::string& key, const StudySection& section) const {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  const fs::path tmp = fs::path(folder_) / (key + ".tmp"), final_path = fs::path(folder_) / (key + ".json");
  {
    std::ofstream out(tmp);
    out << to_json(section).dump();
    if (!out) return;   // a cache that cannot be written only costs time
  }
  fs::rename(tmp, final_path, ec);
}

}  // namespace cbec
