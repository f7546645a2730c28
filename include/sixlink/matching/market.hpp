// sixlink/matching/market.hpp — a two-sided matching market on plain arrays.
//
// Applicants (students, graduates) rank institutions (programmes, schools,
// enterprises), most preferred first; an institution absent from a list is
// unacceptable to that applicant. Institutions have capacities and a strict
// priority over applicants, given in one of three ways:
//   - ranked lists (institution_prefs): an applicant absent from the list is
//     unacceptable to the institution;
//   - one score per applicant (scores), shared by every institution;
//   - one score per list entry (entry_scores, aligned with
//     applicant_prefs.indices): the applicant's score at that institution.
// Higher scores come first. Equal scores are broken by a seeded lottery:
// single tie-breaking draws one number per applicant for every institution,
// multiple tie-breaking one per applicant and institution. Ranked lists need
// no tie-breaking.
//
// Group quotas reserve seats: quota {institution s, group g, seats r} keeps r of
// s's seats for applicants with applicant_group = g (say, from s's own county);
// reserved seats a group does not fill are released to everyone. Each applicant
// is in at most one group (-1: none).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sixlink/core/types.hpp"

namespace sixlink {

/// Ranked lists in compressed form: list r is indices[indptr[r] .. indptr[r+1]),
/// most preferred first.
struct RankedLists {
  std::vector<Index> indptr{0};
  std::vector<Index> indices;

  Index size() const { return static_cast<Index>(indptr.size()) - 1; }
  std::span<const Index> list(Index r) const {
    return {indices.data() + indptr[static_cast<std::size_t>(r)],
            indices.data() + indptr[static_cast<std::size_t>(r) + 1]};
  }
  void add(std::span<const Index> list) {
    indices.insert(indices.end(), list.begin(), list.end());
    indptr.push_back(static_cast<Index>(indices.size()));
  }
};

enum class TieBreak { kSingle, kMultiple };

std::string_view to_string(TieBreak rule);

struct GroupQuota {
  Index institution = 0;
  Index group = 0;
  Count seats = 0;  ///< reserved for the group; unused ones are released to everyone
};

struct MatchingMarket {
  RankedLists applicant_prefs;       ///< per applicant: institutions, best first
  std::vector<Count> capacities;     ///< per institution (its size sets the institution count)
  RankedLists institution_prefs;     ///< per institution: applicants, best first (or empty)
  std::vector<double> scores;        ///< per applicant (or empty)
  std::vector<double> entry_scores;  ///< per applicant_prefs entry (or empty)
  TieBreak tie_break = TieBreak::kSingle;
  std::uint64_t seed = 0;              ///< the lottery's seed
  std::vector<Index> applicant_group;  ///< per applicant, -1 for none (or empty: no groups)
  std::vector<GroupQuota> quotas;

  Index applicant_count() const { return applicant_prefs.size(); }
  Index institution_count() const { return static_cast<Index>(capacities.size()); }
};

/// Ranked lists read in place: the layout of RankedLists over borrowed arrays.
struct RankedListsView {
  std::span<const Index> indptr, indices;

  RankedListsView() = default;
  RankedListsView(std::span<const Index> indptr_in, std::span<const Index> indices_in)
      : indptr(indptr_in), indices(indices_in) {}
  RankedListsView(const RankedLists& lists)  // NOLINT: a view of the lists, implicitly
      : indptr(lists.indptr), indices(lists.indices) {}

  Index size() const { return indptr.empty() ? 0 : static_cast<Index>(indptr.size()) - 1; }
  std::span<const Index> list(Index r) const {
    return indices.subspan(static_cast<std::size_t>(indptr[static_cast<std::size_t>(r)]),
                           static_cast<std::size_t>(indptr[static_cast<std::size_t>(r) + 1] -
                                                    indptr[static_cast<std::size_t>(r)]));
  }
};

/// A market read in place: the fields of MatchingMarket over borrowed arrays,
/// which must outlive it. What a caller holding the arrays already (the Python
/// binding, on numpy's) passes to solve without copying them; a MatchingMarket
/// converts to one implicitly.
struct MatchingMarketView {
  RankedListsView applicant_prefs;
  std::span<const Count> capacities;
  RankedListsView institution_prefs;
  std::span<const double> scores, entry_scores;
  TieBreak tie_break = TieBreak::kSingle;
  std::uint64_t seed = 0;
  std::span<const Index> applicant_group;
  std::span<const GroupQuota> quotas;

  MatchingMarketView() = default;
  MatchingMarketView(const MatchingMarket& m)  // NOLINT: a view of the market, implicitly
      : applicant_prefs(m.applicant_prefs),
        capacities(m.capacities),
        institution_prefs(m.institution_prefs),
        scores(m.scores),
        entry_scores(m.entry_scores),
        tie_break(m.tie_break),
        seed(m.seed),
        applicant_group(m.applicant_group),
        quotas(m.quotas) {}

  Index applicant_count() const { return applicant_prefs.size(); }
  Index institution_count() const { return static_cast<Index>(capacities.size()); }
};

/// Checks the market and throws InvalidInput naming the applicant,
/// institution or quota at fault: indices out of range, an institution listed
/// twice by one applicant (or an applicant twice by one institution), negative
/// capacity or quota seats, NaN or infinite scores, array lengths that do not
/// match, not exactly one priority given, reserved seats beyond capacity.
/// Zero capacities and empty lists are valid.
void validate(const MatchingMarketView& market);

}  // namespace sixlink
