// Primal network simplex with block-search pivoting and strongly feasible trees.
// The problem, conventions and references are in flow/min_cost_flow.hpp.
#include "flow/network_simplex.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

#include "detail/huge_pages.hpp"
#include "flow/pricing_scan.hpp"
#include "sixlink/core/interrupt.hpp"

namespace sixlink {
namespace {

__extension__ typedef __int128 i128;  // exact sums of int64 products
constexpr Flow kInf = kInfiniteCapacity;
constexpr std::int64_t kCapLimit = std::int64_t{1} << 62;
constexpr std::int64_t kCostLimit = std::int64_t{1} << 60;

std::string out_of_range(const std::string& what) { return "out of range: " + what; }

}  // namespace

bool NetworkSimplexEngine::check_arc_range(Index arc, Flow lo, Flow up, Cost c,
                                           MinCostFlowResult& out) {
  if (lo <= -kCapLimit || lo >= kCapLimit ||
      (up != kInf && (up <= -kCapLimit || up >= kCapLimit))) {
    out.status = FlowStatus::kOutOfRange;
    out.message = out_of_range("arc " + std::to_string(arc) + " has a bound beyond 2^62");
    return false;
  }
  max_cost_ = c == std::numeric_limits<Cost>::min() || std::abs(c) >= kCostLimit
                  ? kCostLimit
                  : std::max(max_cost_, std::abs(c));
  if (up != kInf) bound_total_ += static_cast<i128>(up) - lo;
  bound_total_ += 2 * static_cast<i128>(lo < 0 ? -lo : lo);
  return true;
}

bool NetworkSimplexEngine::prepare(const Problem& p, MinCostFlowResult& out) {
  prepared_ = false;
  const i128 n = p.nodes;
  const i128 m = static_cast<i128>(p.tail.size());
  if (n + 1 + m + 2 * n >= std::numeric_limits<Id>::max()) {
    out.status = FlowStatus::kOutOfRange;
    out.message = out_of_range("more than 2^31 nodes and arcs");
    return false;
  }
  max_cost_ = 0;
  bound_total_ = 0;
  for (std::size_t a = 0; a < p.tail.size(); ++a) {
    if (!check_arc_range(static_cast<Index>(a), p.lower.empty() ? 0 : p.lower[a], p.upper[a],
                         p.cost[a], out))
      return false;
  }

  n_ = static_cast<Id>(p.nodes);
  m_ = static_cast<Id>(p.tail.size());
  root_ = n_;
  mode_ = p.mode;
  arcs_ = m_ + 2 * n_;

  carve_arrays();
  lower_.clear();  // per slot, kept only where some arc has a lower bound
  if (!p.lower.empty()) detail::resize_on_huge_pages(lower_, static_cast<std::size_t>(m_));
  std::fill(lower_shift_.begin(), lower_shift_.end(), 0);
  // Arc mixing (ArcMixing in the header): arithmetic, not stored, so that a cold
  // solve faults in two arrays of m fewer.
  mixing_ = ArcMixing(n_, m_);
  ArcMixing::Walk walk;
  for (Id a = 0; a < m_; ++a, mixing_.step(walk)) {
    const auto i = static_cast<std::size_t>(a);
    const auto k = static_cast<std::size_t>(walk.arc);
    const Flow lo = p.lower.empty() ? 0 : p.lower[k];
    src_[i] = static_cast<Id>(p.tail[k]);
    dst_[i] = static_cast<Id>(p.head[k]);
    cost_[i] = p.cost[k];
    cap_[i] = p.upper[k] == kInf ? kInf : p.upper[k] - lo;
    if (!lower_.empty()) lower_[i] = lo;
    lower_shift_[static_cast<std::size_t>(src_[i])] -= lo;
    lower_shift_[static_cast<std::size_t>(dst_[i])] += lo;
  }
  measure_one_sided_share();
  return finish_prepare(p, out);
}

void NetworkSimplexEngine::carve_arrays() {
  using detail::ArrayArena;
  const auto arcs = static_cast<std::size_t>(arcs_);
  const auto nodes = static_cast<std::size_t>(n_) + 1;
  arena_.start(2 * ArrayArena::room_for<Id>(arcs) + ArrayArena::room_for<Cost>(arcs) +
               2 * ArrayArena::room_for<Flow>(arcs) + ArrayArena::room_for<std::int8_t>(arcs) +
               6 * ArrayArena::room_for<Id>(nodes) + ArrayArena::room_for<std::uint8_t>(nodes) +
               ArrayArena::room_for<Cost>(nodes) + 2 * ArrayArena::room_for<Flow>(nodes));
  src_ = arena_.take<Id>(arcs);
  dst_ = arena_.take<Id>(arcs);
  cost_ = arena_.take<Cost>(arcs);
  cap_ = arena_.take<Flow>(arcs);
  flow_ = arena_.take<Flow>(arcs);
  state_ = arena_.take<std::int8_t>(arcs);
  for (std::span<Id>* a : {&parent_, &pred_, &thread_, &rev_thread_, &last_, &size_})
    *a = arena_.take<Id>(nodes);
  up_ = arena_.take<std::uint8_t>(nodes);
  pi_ = arena_.take<Cost>(nodes);
  shifted_supply_ = arena_.take<Flow>(nodes);
  lower_shift_ = arena_.take<Flow>(nodes - 1);
}

void NetworkSimplexEngine::measure_one_sided_share() {
  // 1: sends, 2: receives; a node with 3 is a transshipment node.
  std::vector<std::uint8_t> sides(static_cast<std::size_t>(n_), 0);
  for (Id a = 0; a < m_; ++a) {
    sides[static_cast<std::size_t>(src_[static_cast<std::size_t>(a)])] |= 1;
    sides[static_cast<std::size_t>(dst_[static_cast<std::size_t>(a)])] |= 2;
  }
  const auto one_sided =
      std::count_if(sides.begin(), sides.end(), [](std::uint8_t s) { return s != 3; });
  one_sided_share_ = n_ > 0 ? static_cast<double>(one_sided) / static_cast<double>(n_) : 1.0;
}

bool NetworkSimplexEngine::update(const Problem& p, const std::vector<Index>& changed,
                                  MinCostFlowResult& out) {
  // Same structure: only the listed arcs are read again. The range sums follow
  // each change; max_cost_ may stay above the true maximum, which only makes big
  // M larger (it passed the range check at its own height before).
  prepared_ = false;
  for (Index k : changed) {
    const auto ki = static_cast<std::size_t>(k);
    const auto i = static_cast<std::size_t>(mixing_.slot(static_cast<Id>(k)));
    const Flow old_lo = lower_.empty() ? 0 : lower_[i];
    if (cap_[i] != kInf) bound_total_ -= static_cast<i128>(cap_[i]);
    bound_total_ -= 2 * static_cast<i128>(old_lo < 0 ? -old_lo : old_lo);
    const Flow lo = p.lower.empty() ? 0 : p.lower[ki];
    if (!check_arc_range(k, lo, p.upper[ki], p.cost[ki], out)) return false;
    cost_[i] = p.cost[ki];
    cap_[i] = p.upper[ki] == kInf ? kInf : p.upper[ki] - lo;
    if (lo != 0 && lower_.empty()) lower_.assign(static_cast<std::size_t>(m_), 0);
    if (!lower_.empty()) lower_[i] = lo;
    lower_shift_[static_cast<std::size_t>(src_[i])] -= lo - old_lo;
    lower_shift_[static_cast<std::size_t>(dst_[i])] += lo - old_lo;
  }
  return finish_prepare(p, out);
}

bool NetworkSimplexEngine::finish_prepare(const Problem& p, MinCostFlowResult& out) {
  if (static_cast<i128>(max_cost_) * (static_cast<i128>(n_) + 2) >= kCostLimit) {
    out.status = FlowStatus::kOutOfRange;
    out.message = out_of_range("max |cost| x (nodes + 2) must stay below 2^60");
    return false;
  }
  i128 total = bound_total_;  // bounds every flow the simplex can produce
  for (Flow b : p.supply) {
    if (b <= -kCapLimit || b >= kCapLimit) {
      out.status = FlowStatus::kOutOfRange;
      out.message = out_of_range("a supply beyond 2^62");
      return false;
    }
    total += b < 0 ? -static_cast<i128>(b) : b;
  }
  if (total >= kCapLimit) {
    out.status = FlowStatus::kOutOfRange;
    out.message =
        out_of_range("finite capacities and supplies sum to 2^62 or more (use kInfiniteCapacity)");
    return false;
  }
  big_m_ = max_cost_ * (static_cast<Cost>(n_) + 1) + 1;
  std::fill(shifted_supply_.begin(), shifted_supply_.end(), 0);
  for (Id v = 0; v < n_; ++v)
    shifted_supply_[static_cast<std::size_t>(v)] =
        p.supply[static_cast<std::size_t>(v)] + lower_shift_[static_cast<std::size_t>(v)];
  // Two artificial arcs per node, v -> root and root -> v, so that the arc set
  // does not depend on the supplies (warm starts stay possible when they change).
  // Their cost encodes the supply mode: big M where flow means infeasibility,
  // zero where the mode lets a node keep surplus or leave demand unmet.
  const Cost up_cost = mode_ == SupplyMode::kSupplyAtMost ? 0 : big_m_;
  const Cost down_cost = mode_ == SupplyMode::kDemandAtMost ? 0 : big_m_;
  for (Id v = 0; v < n_; ++v) {
    const auto up = static_cast<std::size_t>(m_ + 2 * v);
    const auto down = up + 1;
    src_[up] = v;
    dst_[up] = root_;
    cost_[up] = up_cost;
    cap_[up] = kInf;
    src_[down] = root_;
    dst_[down] = v;
    cost_[down] = down_cost;
    cap_[down] = kInf;
  }
  Flow total_supply = 0;
  for (Id v = 0; v < n_; ++v) total_supply += shifted_supply_[static_cast<std::size_t>(v)];
  shifted_supply_[static_cast<std::size_t>(root_)] = -total_supply;
  prepared_ = true;
  return true;
}

void NetworkSimplexEngine::build_artificial_basis(bool crash) {
  std::fill(parent_.begin(), parent_.end(), -1);
  std::fill(pred_.begin(), pred_.end(), -1);
  std::fill(up_.begin(), up_.end(), 0);
  std::fill(thread_.begin(), thread_.end(), 0);
  std::fill(rev_thread_.begin(), rev_thread_.end(), 0);
  std::fill(last_.begin(), last_.end(), 0);
  std::fill(size_.begin(), size_.end(), 1);
  std::fill(pi_.begin(), pi_.end(), 0);
  std::fill(flow_.begin(), flow_.end(), 0);
  std::fill(state_.begin(), state_.end(), std::int8_t{1});
  // Big-M arcs outside the tree are retired from the start (see pivot()).
  for (Id a = m_; a < arcs_; ++a)
    if (costly(a)) state_[static_cast<std::size_t>(a)] = 0;
  // Crash start (min_cost_flow.hpp): the node t of largest demand adopts the
  // nodes whose arc to it carries their supply with room to spare, while its
  // demand lasts; every other node hangs from the root by an artificial arc.
  Id t = -1;
  for (Id v = 0; crash && v < n_; ++v)
    if (shifted_supply_[static_cast<std::size_t>(v)] < 0 &&
        (t < 0 || shifted_supply_[static_cast<std::size_t>(v)] <
                      shifted_supply_[static_cast<std::size_t>(t)]))
      t = v;
  Flow room = t >= 0 ? -shifted_supply_[static_cast<std::size_t>(t)] : 0;
  for (Id a = 0; t >= 0 && a < m_; ++a) {
    const auto i = static_cast<std::size_t>(a);
    const auto v = static_cast<std::size_t>(src_[i]);
    if (dst_[i] != t || src_[i] == t || parent_[v] >= 0) continue;
    const Flow b = shifted_supply_[v];
    if (b < 0 || b > room || (cap_[i] != kInf && cap_[i] <= b)) continue;
    parent_[v] = t;
    pred_[v] = a;
    up_[v] = 1;
    flow_[i] = b;
    state_[i] = 0;
    room -= b;
  }
  for (Id v = 0; v < n_; ++v) {
    const auto i = static_cast<std::size_t>(v);
    last_[i] = v;
    if (parent_[i] >= 0) continue;  // adopted by t
    const Flow b = v == t ? -room : shifted_supply_[i];
    const Id a = b >= 0 ? m_ + 2 * v : m_ + 2 * v + 1;
    parent_[i] = root_;
    pred_[i] = a;
    up_[i] = b >= 0;
    flow_[static_cast<std::size_t>(a)] = b >= 0 ? b : -b;
    state_[static_cast<std::size_t>(a)] = 0;
  }
  // Preorder: the root, t and its adopted nodes, then the others.
  Id previous = root_;
  auto append = [&](Id x) {
    thread_[static_cast<std::size_t>(previous)] = x;
    rev_thread_[static_cast<std::size_t>(x)] = previous;
    previous = x;
  };
  if (t >= 0) {
    append(t);
    for (Id v = 0; v < n_; ++v)
      if (parent_[static_cast<std::size_t>(v)] == t) append(v);
    last_[static_cast<std::size_t>(t)] = previous;
  }
  for (Id v = 0; v < n_; ++v)
    if (v != t && parent_[static_cast<std::size_t>(v)] == root_) append(v);
  const auto r = static_cast<std::size_t>(root_);
  thread_[static_cast<std::size_t>(previous)] = root_;
  rev_thread_[r] = previous;
  last_[r] = previous;
  compute_potentials();
  next_arc_ = 0;
  has_basis_ = true;
}

void NetworkSimplexEngine::restore_basis() {
  // Non-tree arcs sit at a bound; the tree's flows then follow from conservation,
  // leaves first (reverse preorder). Where new capacities or supplies make a tree
  // arc's flow infeasible (or break strong feasibility, which prevents cycling),
  // that arc goes to its nearer bound and its lower node hangs from the root by
  // an artificial arc carrying the difference; the big-M costs then drive the
  // simplex to repair it. So every re-solve of the same structure starts warm.
  std::vector<Flow>& excess = scratch_flow_;
  excess.assign(shifted_supply_.begin(), shifted_supply_.end());
  for (Id a = 0; a < arcs_; ++a) {
    const auto i = static_cast<std::size_t>(a);
    if (state_[i] == 0) continue;
    if (state_[i] < 0 && cap_[i] == kInf) state_[i] = 1;  // an upper bound that is gone
    const Flow f = state_[i] > 0 ? 0 : cap_[i];
    flow_[i] = f;
    excess[static_cast<std::size_t>(src_[i])] -= f;
    excess[static_cast<std::size_t>(dst_[i])] += f;
  }
  detached_.clear();
  for (Id x = rev_thread_[static_cast<std::size_t>(root_)]; x != root_;
       x = rev_thread_[static_cast<std::size_t>(x)]) {
    const auto i = static_cast<std::size_t>(x);
    const auto a = static_cast<std::size_t>(pred_[i]);
    const auto p = static_cast<std::size_t>(parent_[i]);
    const Flow f = up_[i] ? excess[i] : -excess[i];
    const bool feasible = f >= 0 && (cap_[a] == kInf || f <= cap_[a]);
    const bool strong = up_[i] ? (cap_[a] == kInf || f < cap_[a]) : f > 0;
    if (feasible && strong) {
      flow_[a] = f;
      excess[p] += excess[i];
      continue;
    }
    const Flow bound = f < 0 ? 0 : (cap_[a] != kInf && f > cap_[a] ? cap_[a] : f);
    flow_[a] = bound;
    state_[a] = costly(static_cast<Id>(a)) ? std::int8_t{0}
                : bound == 0               ? std::int8_t{1}
                                           : std::int8_t{-1};
    const Flow pushed = up_[i] ? bound : -bound;  // what x still sends its parent that way
    excess[p] += pushed;
    const Flow rest = excess[i] - pushed;  // the rest goes to (or comes from) the root
    const Id artificial = rest >= 0 ? m_ + 2 * x : m_ + 2 * x + 1;
    flow_[static_cast<std::size_t>(artificial)] = rest >= 0 ? rest : -rest;
    state_[static_cast<std::size_t>(artificial)] = 0;
    detached_.push_back({x, artificial});
  }
  for (const auto& [x, artificial] : detached_) {
    const auto i = static_cast<std::size_t>(x);
    if (parent_[i] != root_) hang_from_root(x);
    pred_[i] = artificial;
    up_[i] = artificial == m_ + 2 * x;
  }
  compute_potentials();
}

void NetworkSimplexEngine::hang_from_root(Id x) {
  const auto i = static_cast<std::size_t>(x);
  const Id before = rev_thread_[i];
  const Id last = last_[i];
  const Id after = thread_[static_cast<std::size_t>(last)];
  thread_[static_cast<std::size_t>(before)] = after;
  rev_thread_[static_cast<std::size_t>(after)] = before;
  for (Id y = parent_[i]; y >= 0 && last_[static_cast<std::size_t>(y)] == last;
       y = parent_[static_cast<std::size_t>(y)]) {
    last_[static_cast<std::size_t>(y)] = before;
  }
  const auto r = static_cast<std::size_t>(root_);
  const Id first = thread_[r];
  thread_[r] = x;
  rev_thread_[i] = root_;
  thread_[static_cast<std::size_t>(last)] = first;
  rev_thread_[static_cast<std::size_t>(first)] = last;
  if (last_[r] == root_) last_[r] = last;
  parent_[i] = root_;
}

void NetworkSimplexEngine::compute_potentials() {
  const auto r = static_cast<std::size_t>(root_);
  pi_[r] = 0;
  for (Id x = thread_[r]; x != root_; x = thread_[static_cast<std::size_t>(x)]) {
    const auto i = static_cast<std::size_t>(x);
    const auto p = static_cast<std::size_t>(parent_[i]);
    const Cost c = cost_[static_cast<std::size_t>(pred_[i])];
    pi_[i] = up_[i] ? pi_[p] - c : pi_[p] + c;  // tree arcs have zero reduced cost
  }
  // Subtree sizes, children before parents (reverse preorder).
  std::fill(size_.begin(), size_.end(), 1);
  for (Id x = rev_thread_[r]; x != root_; x = rev_thread_[static_cast<std::size_t>(x)])
    size_[static_cast<std::size_t>(parent_[static_cast<std::size_t>(x)])] +=
        size_[static_cast<std::size_t>(x)];
}

NetworkSimplexEngine::Id NetworkSimplexEngine::find_entering(Id block) {
  // Block search: the most violating arc of the first block that has one.
  const detail::PricedArcs arcs{state_.data(), src_.data(), dst_.data(), cost_.data(), pi_.data()};
  Cost best = 0;
  Id best_arc = -1;
  Id count = block;  // arcs left in the current block
  // With exact supplies every artificial arc costs big M, so it is in the tree or
  // retired and never enters: the scan skips [m, arcs) but counts those arcs as
  // if read, so the blocks, and with them the pivots, are those of a full scan.
  const Id priced_end = mode_ == SupplyMode::kExact ? m_ : arcs_;
  // Two runs, [next, arcs) then [0, next), so the scan has no wrap test.
  Id a = next_arc_;
  for (Id end : {arcs_, next_arc_}) {
    for (const Id read_end = std::min(end, priced_end); a < read_end;) {
      const Id stop = std::min<Id>(read_end, a + count);
      detail::least_violation(arcs, a, stop, best, best_arc);
      count -= stop - a;
      a = stop;
      if (count == 0) {
        if (best_arc >= 0) {
          next_arc_ = a == arcs_ ? 0 : a;
          return best_arc;
        }
        count = block;
      }
    }
    if (a < end) {  // [a, end): artificial arcs, counted unread
      if (count > end - a) {
        count -= end - a;
      } else {
        const Id block_end = a + count - 1;
        if (best_arc >= 0) {
          next_arc_ = block_end + 1 == arcs_ ? 0 : block_end + 1;
          return best_arc;
        }
        count = block - (end - block_end - 1) % block;  // later blocks there find nothing
      }
    }
    a = 0;
  }
  if (best_arc >= 0) next_arc_ = best_arc;
  return best_arc;
}

NetworkSimplexEngine::Id NetworkSimplexEngine::find_entering_from_list(Id block) {
  // Altering candidate list (Bradley, Brown and Graves 1977; LEMON's
  // ALTERING_LIST): keep the violating arcs found so far, drop those that no longer
  // violate, scan further blocks until the list is longer than its head (or one
  // block found none), then enter the most violating arc and keep only the best
  // `head` candidates for the next pivot. Every scanned arc is written to the end
  // of the list and kept only if it violates: no branch on the sign, which no
  // predictor can guess here (a fifth of the scan's time went to mispredictions).
  const std::int8_t* state = state_.data();
  const Id* src = src_.data();
  const Id* dst = dst_.data();
  const Cost* cost = cost_.data();
  const Cost* pi = pi_.data();
  const Id head = list_head(block);
  Candidate* list = candidates_.data();
  Id length = 0;
  for (Id i = 0; i < list_length_; ++i) {
    const Id e = list[i].arc;
    const Cost v = state[e] * (cost[e] + pi[src[e]] - pi[dst[e]]);
    list[length] = {v, e};
    length += v < 0;
  }
  Id limit = head;
  Id a = next_arc_;
  bool enough = false;
  Id count = block;  // arcs left in the current block
  for (Id end : {arcs_, next_arc_}) {
    while (a < end) {
      const Id stop = std::min<Id>(end, a + count);
      count -= stop - a;
      for (; a < stop; ++a) {
        const Cost v = state[a] * (cost[a] + pi[src[a]] - pi[dst[a]]);
        list[length] = {v, a};
        length += v < 0;
      }
      if (count > 0) break;  // the block goes on after the wrap
      if (length > limit) {
        enough = true;
        break;
      }
      limit = 0;
      count = block;
    }
    if (enough) break;
    a = 0;
  }
  if (length == 0) {
    list_length_ = 0;
    return -1;
  }
  const Id keep = std::min(head + 1, length);
  std::partial_sort(list, list + keep, list + length, [](const Candidate& x, const Candidate& y) {
    return x.violation < y.violation;
  });
  const Id entering = list[0].arc;
  next_arc_ = a == arcs_ ? 0 : a;
  list[0] = list[keep - 1];
  list_length_ = keep - 1;
  return entering;
}

// Kept whole: the pivot loop of the reference (LEMON), in one piece; split costs speed.
NetworkSimplexEngine::Outcome NetworkSimplexEngine::run(Index block_size, Pricing pricing,
                                                        Index& iterations) {
  // Block size: sqrt(arcs) (Grigoriadis; LEMON's default), grown with the arc
  // density beyond 12 arcs per node on bipartite networks. There (transportation
  // problems) pivots re-hang thousands of nodes, so pricing more arcs per pivot to
  // need fewer pivots pays: on 20,000 x 2,000 nodes with 1M arcs (density 45) a
  // block of 4 sqrt(arcs) halves the time. Networks whose nodes both send and
  // receive (NETGEN's, the market models) have cheap pivots, so pricing dominates
  // and sqrt(arcs) is best even when dense: twice the block cost 1.6x on the
  // 10,000-programme quota model (density 21) and 3x on NETGEN-SR networks at
  // 2^15 nodes (density 181). The growth is weighted by the share of nodes that
  // only send or only receive.
  const double density = static_cast<double>(m_) / std::max<double>(1.0, static_cast<double>(n_));
  const double automatic = std::sqrt(static_cast<double>(arcs_)) *
                           std::max(1.0, one_sided_share_ * (density - 12.0) / 8.0);
  const Id block = block_size > 0
                       ? static_cast<Id>(std::min<Index>(block_size, arcs_))
                       : std::max<Id>(10, static_cast<Id>(std::min<double>(automatic, arcs_)));
  list_length_ = 0;
  // Candidate list pricing where pivots are cheap and arcs many: dense networks
  // whose nodes both send and receive (NETGEN-SR: 0.6-0.75x the block search's
  // time at 2^12-2^14 nodes). Sparse ones (NETGEN-8, the market and placement
  // models) and bipartite ones keep the block search (benchmarks/README.md).
  const bool list =
      pricing == Pricing::kCandidateList || (pricing == Pricing::kAutomatic && block_size == 0 &&
                                             density >= kListDensity && one_sided_share_ < 0.5);
  const Id list_block = std::max<Id>(10, static_cast<Id>(std::sqrt(static_cast<double>(arcs_))));
  // The list's room: at most head kept, one block that may leave it at head, one
  // more block (the scan stops after any block once the list holds something),
  // and the slot each write may spill into.
  if (list)
    candidates_.resize(static_cast<std::size_t>(list_head(list_block) + 2 * list_block + 1));
  for (;;) {
    throw_if_interrupted();  // one relaxed load per pivot
    const Id e = list ? find_entering_from_list(list_block) : find_entering(std::max<Id>(block, 1));
    if (e < 0) return Outcome::kOptimal;
    ++iterations;
    const auto ei = static_cast<std::size_t>(e);
    // Flow moves along e from `send` to `receive`, then back over the tree.
    const bool forward = state_[ei] > 0;
    const Id send = forward ? src_[ei] : dst_[ei];
    const Id receive = forward ? dst_[ei] : src_[ei];
    // The join: an ancestor's subtree is larger, so the smaller side climbs.
    Id u = send, v = receive;
    while (u != v) {
      if (size_[static_cast<std::size_t>(u)] < size_[static_cast<std::size_t>(v)])
        u = parent_[static_cast<std::size_t>(u)];
      else
        v = parent_[static_cast<std::size_t>(v)];
    }
    const Id join = u;

    // The leaving arc: the last blocking arc met when walking the cycle from the
    // join in the direction of flow (Cunningham's rule). On the send side the
    // walk runs join -> send, so the first blocking arc met walking up from
    // send wins only if strictly smaller; on the receive side ties go later.
    Flow delta = cap_[ei] == kInf ? kInf : (forward ? cap_[ei] - flow_[ei] : flow_[ei]);
    Id leaving = -1;
    bool on_send_side = false;
    for (Id x = send; x != join; x = parent_[static_cast<std::size_t>(x)]) {
      const auto i = static_cast<std::size_t>(x);
      const auto a = static_cast<std::size_t>(pred_[i]);
      const Flow r = up_[i] ? flow_[a] : (cap_[a] == kInf ? kInf : cap_[a] - flow_[a]);
      if (r < delta) {
        delta = r;
        leaving = x;
        on_send_side = true;
      }
    }
    for (Id x = receive; x != join; x = parent_[static_cast<std::size_t>(x)]) {
      const auto i = static_cast<std::size_t>(x);
      const auto a = static_cast<std::size_t>(pred_[i]);
      const Flow r = up_[i] ? (cap_[a] == kInf ? kInf : cap_[a] - flow_[a]) : flow_[a];
      if (r <= delta) {
        delta = r;
        leaving = x;
        on_send_side = false;
      }
    }
    if (delta == kInf) {
      collect_cycle(e, send, receive, join);
      return Outcome::kUnbounded;
    }
    if (delta > 0) {
      flow_[ei] += forward ? delta : -delta;
      for (Id x = send; x != join; x = parent_[static_cast<std::size_t>(x)]) {
        const auto i = static_cast<std::size_t>(x);
        flow_[static_cast<std::size_t>(pred_[i])] += up_[i] ? -delta : delta;
      }
      for (Id x = receive; x != join; x = parent_[static_cast<std::size_t>(x)]) {
        const auto i = static_cast<std::size_t>(x);
        flow_[static_cast<std::size_t>(pred_[i])] += up_[i] ? delta : -delta;
      }
    }
    if (leaving < 0) {  // e itself blocks: it moves to its other bound
      state_[ei] = static_cast<std::int8_t>(-state_[ei]);
      continue;
    }
    pivot(e, leaving, on_send_side, send, receive, join);
  }
}

// Kept whole: one pivot's tree update, step for step as in the reference; split costs speed.
void NetworkSimplexEngine::pivot(Id e, Id q, bool leaving_on_send_side, Id send, Id receive,
                                 Id join) {
  const auto ei = static_cast<std::size_t>(e);
  const auto qi = static_cast<std::size_t>(q);
  // The leaving arc goes to the bound it reached.
  const auto f = static_cast<std::size_t>(pred_[qi]);
  // A big-M artificial arc that leaves is retired: state 0 outside the tree, never
  // priced again (as LEMON does). The big-M problem on the arcs still priced holds
  // every flow of the caller's problem, so artificial flow left at its optimum
  // still proves infeasibility. Priced, such arcs kept re-entering and re-hanging
  // the large component that feeds the sinks: a 10,000-programme quota model moved
  // 350 nodes per pivot, and 41 with them retired.
  state_[f] = costly(static_cast<Id>(f)) ? std::int8_t{0}
              : flow_[f] == 0            ? std::int8_t{1}
                                         : std::int8_t{-1};
  state_[ei] = 0;

  // The subtree of q is cut off and re-hung from the entering arc: `a` is the
  // entering arc's end inside it, `b` the end outside. The stem a = s0, s1, ...,
  // sk = q (a's old path up to q) reverses.
  const Id a = leaving_on_send_side ? send : receive;
  const Id b = leaving_on_send_side ? receive : send;
  stem_.clear();
  for (Id x = a;; x = parent_[static_cast<std::size_t>(x)]) {
    stem_.push_back(x);
    if (x == q) break;
  }
  const Id old_parent_q = parent_[qi];
  // Subtree sizes: q's subtree moves from below old_parent_q to below b; above
  // the join nothing changes. The stem reverses, so a = stem[0] holds the whole
  // moved subtree and each later stem node all of it but what hung, before, at
  // or below the stem node before it.
  const Id moved = size_[qi];
  for (Id x = old_parent_q; x != join; x = parent_[static_cast<std::size_t>(x)])
    size_[static_cast<std::size_t>(x)] -= moved;
  for (Id x = b; x != join; x = parent_[static_cast<std::size_t>(x)])
    size_[static_cast<std::size_t>(x)] += moved;
  Id inner = 0;  // the old size of the previous stem node
  for (std::size_t k = 0; k < stem_.size(); ++k) {
    const auto si = static_cast<std::size_t>(stem_[k]);
    const Id old = size_[si];
    size_[si] = k == 0 ? moved : moved - inner;
    inner = old;
  }
  const Id before_q = rev_thread_[qi];
  const Id old_last_q = last_[qi];
  const Id after_q = thread_[static_cast<std::size_t>(old_last_q)];

  // New preorder of the subtree: each stem node, then what hangs below it apart
  // from the previous stem node (two contiguous runs of the old preorder).
  pieces_.clear();
  for (std::size_t k = 0; k < stem_.size(); ++k) {
    const Id s = stem_[k];
    const auto si = static_cast<std::size_t>(s);
    pieces_.emplace_back(s, s);
    if (k == 0) {
      if (last_[si] != s) pieces_.emplace_back(thread_[si], last_[si]);
    } else {
      const auto prev = static_cast<std::size_t>(stem_[k - 1]);
      if (thread_[si] != stem_[k - 1]) pieces_.emplace_back(thread_[si], rev_thread_[prev]);
      if (last_[si] != last_[prev])
        pieces_.emplace_back(thread_[static_cast<std::size_t>(last_[prev])], last_[si]);
    }
  }
  for (std::size_t k = 0; k + 1 < pieces_.size(); ++k) {
    thread_[static_cast<std::size_t>(pieces_[k].second)] = pieces_[k + 1].first;
    rev_thread_[static_cast<std::size_t>(pieces_[k + 1].first)] = pieces_[k].second;
  }
  const Id new_last = pieces_.back().second;
  // Unlink the old run of the subtree, then link the new one right after b.
  thread_[static_cast<std::size_t>(before_q)] = after_q;
  rev_thread_[static_cast<std::size_t>(after_q)] = before_q;
  const auto bi = static_cast<std::size_t>(b);
  const Id after_b = thread_[bi];
  thread_[bi] = a;
  rev_thread_[static_cast<std::size_t>(a)] = b;
  thread_[static_cast<std::size_t>(new_last)] = after_b;
  rev_thread_[static_cast<std::size_t>(after_b)] = new_last;

  // Subtree ends: old ancestors whose subtree ended with q's lose it; new
  // ancestors whose subtree ended at b gain it; every stem node ends at new_last.
  for (Id x = old_parent_q; x >= 0 && last_[static_cast<std::size_t>(x)] == old_last_q;
       x = parent_[static_cast<std::size_t>(x)]) {
    last_[static_cast<std::size_t>(x)] = before_q;
  }
  for (Id x = b; x >= 0 && last_[static_cast<std::size_t>(x)] == b;
       x = parent_[static_cast<std::size_t>(x)]) {
    last_[static_cast<std::size_t>(x)] = new_last;
  }
  for (Id s : stem_) last_[static_cast<std::size_t>(s)] = new_last;

  // Reverse the stem's parent links and predecessor arcs.
  for (std::size_t k = stem_.size() - 1; k > 0; --k) {
    const auto s = static_cast<std::size_t>(stem_[k]);
    const auto below = static_cast<std::size_t>(stem_[k - 1]);
    parent_[s] = stem_[k - 1];
    pred_[s] = pred_[below];
    up_[s] = !up_[below];
  }
  const auto ai = static_cast<std::size_t>(a);
  parent_[ai] = b;
  pred_[ai] = e;
  up_[ai] = src_[ei] == a;

  // Potentials shift by one constant over the moved subtree so that e gets a
  // zero reduced cost, or, where the subtree holds most of the tree, the rest
  // shifts the other way: only differences of potentials count, and the walk
  // along the thread (a cache miss a node) is most of a pivot's time. The root
  // then drifts from zero; the drift is kept below 2^58, so that prices
  // (|potential| < 2^61 relative to the root) never overflow, and solve()
  // takes it out at the end.
  const Cost reduced =
      cost_[ei] + pi_[static_cast<std::size_t>(src_[ei])] - pi_[static_cast<std::size_t>(dst_[ei])];
  const Cost shift = src_[ei] == a ? -reduced : reduced;
  constexpr Cost kMaxDrift = Cost{1} << 58;
  const Cost drifted = pi_[static_cast<std::size_t>(root_)] - shift;
  if (2 * moved > n_ + 1 && shift > -kMaxDrift && shift < kMaxDrift && drifted > -kMaxDrift &&
      drifted < kMaxDrift) {
    shift_run(thread_[static_cast<std::size_t>(new_last)], rev_thread_[static_cast<std::size_t>(a)],
              n_ + 1 - moved, -shift);
    return;
  }
  shift_run(a, new_last, moved, shift);
}

void NetworkSimplexEngine::shift_run(Id first, Id last, Id count, Cost shift) {
  // From both ends at once: each step waits for the next node's index (a cache
  // miss on large trees), and two independent walks wait together. 9 % off
  // NETGEN-8 at 2^15 nodes (benchmarks/README.md).
  Id x = first, y = last;
  for (Id k = count / 2; k > 0; --k) {
    pi_[static_cast<std::size_t>(x)] += shift;
    pi_[static_cast<std::size_t>(y)] += shift;
    x = thread_[static_cast<std::size_t>(x)];
    y = rev_thread_[static_cast<std::size_t>(y)];
  }
  if (count % 2 != 0) pi_[static_cast<std::size_t>(x)] += shift;  // the middle one
}

void NetworkSimplexEngine::undo_root_drift() {
  const Cost drift = pi_[static_cast<std::size_t>(root_)];
  if (drift == 0) return;
  for (Cost& p : pi_) p -= drift;
}

void NetworkSimplexEngine::collect_cycle(Id e, Id send, Id receive, Id join) {
  // join -> ... -> send, e, receive -> ... -> join; every arc runs forward.
  cycle_.clear();
  for (Id x = send; x != join; x = parent_[static_cast<std::size_t>(x)]) {
    cycle_.push_back(pred_[static_cast<std::size_t>(x)]);
  }
  std::reverse(cycle_.begin(), cycle_.end());
  cycle_.push_back(e);
  for (Id x = receive; x != join; x = parent_[static_cast<std::size_t>(x)]) {
    cycle_.push_back(pred_[static_cast<std::size_t>(x)]);
  }
}

bool NetworkSimplexEngine::artificial_flow_left() const {
  for (Id a = m_; a < arcs_; ++a) {
    if (costly(a) && flow_[static_cast<std::size_t>(a)] > 0) return true;
  }
  return false;
}

// Kept whole: one residual search from the stuck supply or the unmet demand.
InfeasibilityCut NetworkSimplexEngine::find_cut(const Problem& p) const {
  // Stuck supply (flow into the root over a big-M arc) or unmet demand (flow out
  // of it). Nodes that stuck supply can still reach in the residual graph form a
  // set whose outgoing arcs are all full and incoming arcs all empty; likewise
  // for the nodes that can still reach unmet demand.
  InfeasibilityCut cut;
  std::vector<std::uint8_t> in_set(static_cast<std::size_t>(n_), 0);
  std::vector<Id> queue;
  bool supply_side = false;
  if (mode_ != SupplyMode::kSupplyAtMost) {
    for (Id v = 0; v < n_; ++v) {
      const auto a = static_cast<std::size_t>(m_ + 2 * v);
      if (costly(static_cast<Id>(a)) && flow_[a] > 0) {
        in_set[static_cast<std::size_t>(v)] = 1;
        queue.push_back(v);
      }
    }
    supply_side = !queue.empty();
  }
  if (!supply_side) {
    for (Id v = 0; v < n_; ++v) {
      const auto a = static_cast<std::size_t>(m_ + 2 * v + 1);
      if (costly(static_cast<Id>(a)) && flow_[a] > 0) {
        in_set[static_cast<std::size_t>(v)] = 1;
        queue.push_back(v);
      }
    }
  }
  // Adjacency of the residual graph, built once here (infeasibility is rare).
  std::vector<Id> start(static_cast<std::size_t>(n_) + 1, 0), list;
  for (Id a = 0; a < m_; ++a) {
    ++start[static_cast<std::size_t>(src_[static_cast<std::size_t>(a)])];
    ++start[static_cast<std::size_t>(dst_[static_cast<std::size_t>(a)])];
  }
  for (std::size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
  list.resize(static_cast<std::size_t>(start.back()));
  for (Id a = 0; a < m_; ++a) {
    list[static_cast<std::size_t>(
        --start[static_cast<std::size_t>(src_[static_cast<std::size_t>(a)])])] = a;
    list[static_cast<std::size_t>(
        --start[static_cast<std::size_t>(dst_[static_cast<std::size_t>(a)])])] = a;
  }
  for (std::size_t k = 0; k < queue.size(); ++k) {
    const Id x = queue[k];
    for (Id j = start[static_cast<std::size_t>(x)]; j < start[static_cast<std::size_t>(x) + 1];
         ++j) {
      const auto a = static_cast<std::size_t>(list[static_cast<std::size_t>(j)]);
      const bool has_room = cap_[a] == kInf || flow_[a] < cap_[a];
      const bool has_flow = flow_[a] > 0;
      Id y = -1;
      if (supply_side) {  // x reaches y
        if (src_[a] == x && has_room) y = dst_[a];
        if (dst_[a] == x && has_flow) y = src_[a];
      } else {  // y reaches x
        if (dst_[a] == x && has_room) y = src_[a];
        if (src_[a] == x && has_flow) y = dst_[a];
      }
      if (y >= 0 && !in_set[static_cast<std::size_t>(y)]) {
        in_set[static_cast<std::size_t>(y)] = 1;
        queue.push_back(y);
      }
    }
  }
  cut.side = supply_side ? InfeasibilityCut::Side::kSupplyCannotLeave
                         : InfeasibilityCut::Side::kDemandCannotBeMet;
  i128 net = 0, across = 0;
  for (Id v = 0; v < n_; ++v) {
    if (!in_set[static_cast<std::size_t>(v)]) continue;
    cut.nodes.push_back(v);
    net += p.supply[static_cast<std::size_t>(v)];
  }
  for (std::size_t a = 0; a < p.tail.size(); ++a) {
    const bool tail_in = in_set[static_cast<std::size_t>(p.tail[a])];
    const bool head_in = in_set[static_cast<std::size_t>(p.head[a])];
    if (tail_in == head_in) continue;
    const Flow lo = p.lower.empty() ? 0 : p.lower[a];
    const bool leaving = tail_in;
    if (leaving == supply_side) {
      across += p.upper[a];  // full arcs across the cut in the blocked direction (finite)
    } else {
      across -= lo;
    }
  }
  cut.net_supply = static_cast<Flow>(supply_side ? net : -net);
  cut.cut_capacity = static_cast<Flow>(across);
  return cut;
}

void NetworkSimplexEngine::write_result(const Problem& p, MinCostFlowResult& out) const {
  out.flow.resize(static_cast<std::size_t>(m_));
  i128 total = 0;
  ArcMixing::Walk walk;
  for (Id a = 0; a < m_; ++a, mixing_.step(walk)) {
    const auto k = static_cast<std::size_t>(walk.arc);
    out.flow[k] = flow_[static_cast<std::size_t>(a)] + (p.lower.empty() ? 0 : p.lower[k]);
    total += static_cast<i128>(out.flow[k]) * p.cost[k];
  }
  out.potential.assign(pi_.begin(), pi_.begin() + n_);
  if (total > std::numeric_limits<Cost>::max() || total < std::numeric_limits<Cost>::min()) {
    out.status = FlowStatus::kOutOfRange;
    out.message = out_of_range("the optimal cost does not fit in an int64");
    return;
  }
  out.cost = static_cast<Cost>(total);
}

MinCostFlowResult NetworkSimplexEngine::solve(const Problem& p, const MinCostFlowOptions& options,
                                              bool same_structure,
                                              const std::vector<Index>* changed) {
  MinCostFlowResult out;
  const bool incremental = same_structure && changed && prepared_;
  if (!(incremental ? update(p, *changed, out) : prepare(p, out))) {
    has_basis_ = false;
    return out;
  }
  const bool warm = options.warm_start && same_structure && has_basis_;
  if (warm) {
    restore_basis();
  } else {
    build_artificial_basis(options.crash_start);
  }
  out.warm_started = warm;

  Outcome outcome = Outcome::kOptimal;
  try {
    outcome = run(options.block_size, options.pricing, out.iterations);
    undo_root_drift();
  } catch (const Interrupted&) {
    has_basis_ = false;  // the next solve starts cold
    throw;
  }
  if (outcome == Outcome::kUnbounded) {
    // Unbounded only if feasible: decide feasibility with every cost at zero.
    std::vector<Index> cycle(cycle_.begin(), cycle_.end());
    for (Index& a : cycle)
      if (a < m_) a = mixing_.arc(static_cast<Id>(a));  // the caller's arc ids
    const std::vector<Cost> zero(p.cost.size(), 0);
    Problem phase_one = p;
    phase_one.cost = zero;
    NetworkSimplexEngine feasibility;
    MinCostFlowOptions cold = options;
    cold.warm_start = false;
    MinCostFlowResult check = feasibility.solve(phase_one, cold, false);
    out.iterations += check.iterations;  // this engine keeps its basis: still valid
    if (check.status == FlowStatus::kInfeasible) {
      out.status = FlowStatus::kInfeasible;
      out.cut = std::move(check.cut);
      out.message = check.message;
      return out;
    }
    out.status = FlowStatus::kUnbounded;
    out.negative_cycle = cycle;
    out.message = "unbounded: a cycle of infinite-capacity arcs has negative cost";
    return out;
  }
  if (artificial_flow_left()) {
    out.status = FlowStatus::kInfeasible;
    out.cut = find_cut(p);
    out.message =
        out.cut->side == InfeasibilityCut::Side::kSupplyCannotLeave
            ? "infeasible: " + std::to_string(out.cut->nodes.size()) + " nodes hold net supply " +
                  std::to_string(out.cut->net_supply) + " but their outgoing arcs carry at most " +
                  std::to_string(out.cut->cut_capacity)
            : "infeasible: " + std::to_string(out.cut->nodes.size()) + " nodes need net " +
                  std::to_string(out.cut->net_supply) + " but their incoming arcs bring at most " +
                  std::to_string(out.cut->cut_capacity);
    return out;
  }
  out.status = FlowStatus::kOptimal;
  write_result(p, out);
  return out;
}

}  // namespace sixlink
