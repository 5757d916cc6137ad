// What a weights file holds that the user may not have meant (issue 14): one-way links, self-links,
// islands; and --symmetrize.
#include <gtest/gtest.h>

#include "cbec/core/error.hpp"
#include "cbec/frame/spatial_weights.hpp"
#include "cbec/io/weights_io.hpp"
#include "../scratch_folder.hpp"

using namespace cbec;

namespace {
// The file is in the running test's own folder: CTest runs this file's tests at once, and one
// test's removal of a shared file under another's reading of it ended that one with SIGBUS.
SpatialWeights edge_list(const std::string& text) {
  const cbec::testing::ScratchFolder scratch;
  return read_edge_list(scratch.write("edges.csv", text));
}
}  // namespace

TEST(WeightsAudit, OneWayLinksSelfLinksAndIslands) {
  const SpatialWeights w = edge_list("from,to\nA,B\nB,C\nC,A\nA,C\nD,D\nE,\n");
  ASSERT_EQ(w.n(), 5u);
  const WeightsAudit a = audit_weights(w);
  EXPECT_EQ(a.one_way, 2u);   // A->B and B->C are listed one way; A<->C both ways
  EXPECT_EQ(a.self_links, std::vector<std::string>{"D"});
  EXPECT_EQ(a.islands, std::vector<std::string>{"E"});
  const auto notes = audit_notes(a);
  ASSERT_EQ(notes.size(), 3u);
  EXPECT_NE(notes[0].find("2 links are listed in one direction only (e.g. A -> B, B -> C)"), std::string::npos) << notes[0];
}

TEST(WeightsAudit, SymmetrizeMakesLinksMutualAndKeepsTwoWayWeights) {
  const SpatialWeights w = edge_list("from,to,weight\nA,B,2\nB,A,3\nB,C,5\n");
  const SpatialWeights s = symmetrize(w);
  auto at = [&](int i, int j) { return s.W.coeff(i, j); };
  EXPECT_EQ(at(0, 1), 2.0);
  EXPECT_EQ(at(1, 0), 3.0);   // both ways listed: kept as given
  EXPECT_EQ(at(1, 2), 5.0);
  EXPECT_EQ(at(2, 1), 5.0);   // added
  EXPECT_EQ(audit_weights(s).one_way, 0u);
  EXPECT_NE(s.construction.find("symmetrized"), std::string::npos);
}

TEST(WeightsAudit, EdgeListErrorsNameTheLine) {
  try {
    edge_list("from,to,weight\nA,B,1\n,C,1\n");
    FAIL();
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }
}
