#include "commands.hpp"

namespace cbec::cli {

std::vector<AddCommand> all_commands() {
  return {add_describe};
}

}  // namespace cbec::cli
