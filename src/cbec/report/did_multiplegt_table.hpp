// The table of a de Chaisemartin-D'Haultfoeuille DID_M result: DID_M, dynamic effects and placebos
// with their bootstrap standard errors and the numbers of switchers.
#pragma once
#include "cbec/estimate/did/did_multiplegt.hpp"
#include "cbec/report/table.hpp"

namespace cbec {

Table did_multiplegt_table(const DidMultiplegtResult& r);

}  // namespace cbec
