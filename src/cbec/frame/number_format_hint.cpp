#include "cbec/frame/number_format_hint.hpp"

#include <fmt/format.h>

namespace cbec {

std::string number_format_hint(std::string_view s) {
  if (s.size() > 1 && s.back() == '%') return "cells such as '12.5%' are percentages: add --percent (percent = true in the study's [data]) to read them as 0.125";
  const bool digits_with_commas = s.find(',') != std::string_view::npos &&
                                  s.find_first_not_of("0123456789,.-+") == std::string_view::npos;
  // One comma not followed by a group of three digits ('1,5', '12,75'): a decimal comma, as European
  // Excel writes in ';'-separated files, not a thousands separator.
  const size_t comma = s.find(',');
  if (digits_with_commas && s.find(',', comma + 1) == std::string_view::npos && s.find('.') == std::string_view::npos && s.size() - comma - 1 != 3)
    return "cells such as '1,5' have a decimal comma: cbec reads decimal points; save the file with points (or convert the column)";
  if (digits_with_commas) return "cells such as '1,234' have thousands separators: add --thousands ',' (thousands = \",\" in the study's [data])";
  if (s.find(' ') != std::string_view::npos && s.find_first_not_of("0123456789 .-+") == std::string_view::npos)
    return "cells such as '1 234' have spaces as thousands separators: add --thousands ' '";
  // A number followed by a unit in Chinese (2010年, 12.5万元): the number with text after it.
  const size_t number_end = s.find_first_not_of("0123456789.+-");
  if (number_end != 0 && number_end != std::string_view::npos && static_cast<unsigned char>(s[number_end]) >= 0x80 &&
      s.find_first_of("0123456789", number_end) == std::string_view::npos)
    return fmt::format("cells such as '{}' carry a unit after the number: remove it in the data ('{}' -> {})", s, s, s.substr(0, number_end));
  if (s.find("\xEF\xBC") != std::string_view::npos) return "full-width digits (\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93) are not read as numbers: replace them with ASCII digits";
  return "";
}

}  // namespace cbec
