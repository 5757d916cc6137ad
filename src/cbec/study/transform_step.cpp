#include "cbec/study/transform_step.hpp"

#include <nlohmann/json.hpp>

#include "cbec/report/transform_table.hpp"

namespace cbec {

TransformSpecs transform_specs_of(const StudySpec& s, const AnalysisSpec& a) {
  TransformSpecs t;
  t.unit = s.unit;
  t.time = s.time;
  for (auto [key, list] : {std::pair{"log", &t.log}, {"lag", &t.lag}, {"lead", &t.lead}, {"diff", &t.diff}, {"growth", &t.growth},
                           {"interpolate", &t.interpolate}, {"winsor", &t.winsor}, {"std", &t.std}})
    if (a.lists.count(key)) *list = a.lists.at(key);
  t.extrapolate = a.numbers.count("extrapolate") && a.numbers.at("extrapolate") != 0;
  return t;
}

StudySection run_transform_step(const StudySpec& s, const AnalysisSpec& a, Frame& frame) {
  StudySection sec;
  sec.type = a.type;
  sec.title = a.title.empty() ? "New variables" : a.title;
  const auto reports = apply_transforms(frame, transform_specs_of(s, a));
  sec.tables.push_back(transform_table(reports, sec.title));
  sec.results = to_json(reports);
  return sec;
}

}  // namespace cbec
