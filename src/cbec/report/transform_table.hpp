// The table of what each transform computed, could not compute and changed (cbec transform and
// the study's transform step).
#pragma once
#include <string>
#include <vector>

#include "cbec/frame/transforms.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table transform_table(const std::vector<TransformReport>& reports, const std::string& title);

}  // namespace cbec
