// SHA-256 of a file (OpenSSL), so a report records exactly which inputs produced it.
#pragma once
#include <string>

namespace cbec {

std::string sha256_file(const std::string& path);
std::string sha256_text(const std::string& text);

}  // namespace cbec
