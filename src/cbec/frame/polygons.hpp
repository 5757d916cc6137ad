// Units' polygons (WKT by id) and edits of the links between units: the data that contiguity
// weights are built from.
#pragma once
#include <string>
#include <vector>

namespace cbec {

struct Polygons {
  std::vector<std::string> ids;
  std::vector<std::string> wkt;
};

// Add or remove the link between units a and b; `where` names its source line for messages.
struct LinkEdit {
  std::string a, b;
  bool add = true;
  std::string where;
};

}  // namespace cbec
