// Text files in the encodings Chinese users meet: UTF-8 (with or without a byte-order mark),
// UTF-16 (Excel's "Unicode text"), GBK/GB18030 (Chinese Excel's default CSV). Everything cbec reads
// is turned into UTF-8 here, so nothing downstream (tables, JSON, HTML) ever holds invalid UTF-8.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cbec {

// Offset of the first byte that does not start or continue a valid UTF-8 sequence (RFC 3629:
// no overlong forms, no surrogates, nothing above U+10FFFF), or npos when all of `text` is valid.
size_t first_invalid_utf8(std::string_view text);

// 1-based line number of byte `offset` in `text`.
size_t line_of_offset(std::string_view text, size_t offset);

struct DecodedText {
  std::optional<std::string> converted;  // set when the bytes were not UTF-8 and were converted
  size_t skip = 0;                       // bytes of a UTF-8 byte-order mark to skip when not converted
  std::string encoding;                  // what was read: "UTF-8", "UTF-16LE", "GB18030", or the declared name
  bool detected = false;                 // true when `encoding` was inferred rather than declared
};

// Decodes `bytes` (read from `source`) into UTF-8. `declared` empty: detect (a UTF-8/UTF-16 BOM,
// UTF-16 without a BOM by its zero bytes, valid UTF-8, else GB18030, the superset of GBK and
// GB2312). Otherwise any iconv encoding name (utf-8, gbk, gb18030, utf-16, latin1, ...).
// Errors name the source, the line and what to declare instead. With `check_utf8` false, text that
// would be scanned for valid UTF-8 is returned unscanned as UTF-8: for a caller that validates
// it in a pass of its own and, on an invalid byte, calls again with the check.
DecodedText decode_text(std::string_view bytes, const std::string& source, const std::string& declared, bool check_utf8 = true);

// Converts `bytes` from `encoding` to UTF-8 with iconv; a DataError names the line of the first
// byte sequence that is not valid in `encoding`.
std::string convert_to_utf8(std::string_view bytes, const std::string& encoding, const std::string& source);

// `s` with control characters and invalid UTF-8 bytes shown as \xNN, for quoting user text in messages;
// a text of more than 60 bytes is cut there (at a character's start) and its length given.
std::string printable(std::string_view s);

}  // namespace cbec
