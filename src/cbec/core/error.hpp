// Typed errors: each carries a message a user can act on (what, where, what to do).
// The command-line tool prints e.what() on one line and exits non-zero.
#pragma once
#include <stdexcept>
#include <string>

namespace cbec {

struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Malformed or unusable input data (file, line, column named in the message).
struct DataError : Error { using Error::Error; };
// A formula that does not parse or names unknown variables (position named in the message).
struct FormulaError : Error { using Error::Error; };
// An option or combination of options an estimator does not support.
struct SpecError : Error { using Error::Error; };
// A numerical problem (singular matrix, no convergence) the user can fix by changing the model.
struct NumericError : Error { using Error::Error; };

}  // namespace cbec
