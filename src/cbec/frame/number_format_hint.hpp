// Why a text that is not a number might still be one (a percent sign, thousands separators, a
// decimal comma, a unit after it, full-width digits): the advice the CSV reader's notes and the
// errors about text where a number is needed give.
#pragma once

#include <string>
#include <string_view>

namespace cbec {

// The advice for one text ("" when no reason is seen).
std::string number_format_hint(std::string_view s);

}  // namespace cbec
