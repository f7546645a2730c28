// The arithmetic arc mixing against the permutation it replaced: cards dealt
// over `stride` piles, each pile laid down in turn.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "flow/network_simplex.hpp"

namespace sixlink {
namespace {

using Id = ArcMixing::Id;

std::vector<Id> dealt_slots(Id nodes, Id arcs) {
  const Id stride = nodes > 1 ? std::max<Id>(arcs / nodes, 3) : 1;
  std::vector<Id> slot_of;
  for (Id pile = 0; pile < std::min(stride, arcs); ++pile)
    for (Id slot = pile; slot < arcs; slot += stride) slot_of.push_back(slot);
  return slot_of;
}

TEST(ArcMixing, MatchesTheDealtPermutationBothWaysAndInTurn) {
  for (Id nodes : {0, 1, 2, 3, 7, 50, 1000}) {
    for (Id arcs : {0, 1, 2, 5, 6, 7, 64, 99, 100, 101, 1000, 4097, 20011}) {
      if (nodes == 0 && arcs > 0) continue;
      SCOPED_TRACE(::testing::Message() << nodes << " nodes, " << arcs << " arcs");
      const std::vector<Id> expected = dealt_slots(nodes, arcs);
      ASSERT_EQ(static_cast<Id>(expected.size()), arcs);
      const ArcMixing mixing(nodes, arcs);
      ArcMixing::Walk walk;
      std::vector<Id> arc_in_slot(static_cast<std::size_t>(arcs), -1);
      for (Id k = 0; k < arcs; ++k) {
        const Id s = expected[static_cast<std::size_t>(k)];
        ASSERT_EQ(mixing.slot(k), s) << "arc " << k;
        ASSERT_EQ(mixing.arc(s), k) << "slot " << s;
        arc_in_slot[static_cast<std::size_t>(s)] = k;
      }
      for (Id s = 0; s < arcs; ++s, mixing.step(walk))
        ASSERT_EQ(walk.arc, arc_in_slot[static_cast<std::size_t>(s)]) << "slot " << s;
    }
  }
}

}  // namespace
}  // namespace sixlink
