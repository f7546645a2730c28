// A NETGEN-compatible network generator, written for sixlink's benchmarks.
//
// Problem. NETGEN (Klingman, Napier and Stutz, "NETGEN: a program for generating large scale
// capacitated assignment, transportation, and minimum cost flow network problems", Management
// Science 20 (1974) 814-821) is the generator behind the standard min-cost-flow test families:
// the DIMACS implementation challenge, Goldberg's CS2 papers and Kovács's study ("Minimum-cost
// flow algorithms: an experimental evaluation", Optimization Methods and Software 30 (2015),
// the LEMON study). Papers name an instance by its 15 numbers (seed, problem number and the 13
// parameters below), so a generator that reproduces the reference one arc for arc lets us run
// the published families without shipping the files.
//
// This is our own implementation of the published procedure (as in the DIMACS C version by
// N. Schlenker, whose behaviour, including the quirks it keeps from the Fortran original, it
// reproduces): it was checked to print the same DIMACS file, byte for byte after the comment
// lines, as that reference program for NETGEN-8 and NETGEN-SR instances (see
// benchmarks/README.md, "Standard families (issue 19)", for the check and its sizes).
//
// The procedure, in terms of the parameters:
//   1. Random numbers: the Lehmer generator x <- 16807 x mod (2^31 - 1), seeded with `seed`;
//      a draw in [a, b] is a + x mod (b - a + 1), or b when b <= a (the state still advances).
//   2. Supplies: `supply` is split over the `sources` first nodes, each taking a random part of
//      supply/sources and handing the rest to a random source.
//   3. Skeleton: the transshipment nodes (between sources and sinks) are hung in chains below
//      the sources, 60 % round-robin and the rest at random; every chain is linked to a random
//      set of sinks (about 2 * chain length * sinks / transshipment nodes of them; the last
//      source takes every sink left without demand), and each sink's demand is the sum of
//      random shares of its sources' supplies. Skeleton arcs guarantee feasibility: their
//      capacity is the source's supply (or `mincap` if larger) on `capacitated` % of them and
//      `supply` otherwise, and `hicost` % of them cost `maxcost`.
//   4. Filling: from every skeleton tail (and every transshipment sink) random arcs go to
//      random distinct non-source nodes, as many as keep the total near `density`; their costs
//      are uniform in [mincost, maxcost], capacities uniform in [mincap, maxcap] on
//      `capacitated` % of them and `supply` otherwise.
// With sources + sinks = nodes and no transshipment sources/sinks the result is a
// transportation problem, and an assignment problem when moreover sources = sinks = supply.
//
// Standard families (Kovács 2015, the instance scripts of LEMON's MinCostFlowData page):
// n = 2^k nodes, sources = sinks = round(sqrt(n)), costs in [1, 10000], supply 1000 * sources,
// no transshipment sources or sinks, hicost 100 %, capacitated 100 %, capacities in [1, 1000],
// seeds 13502460, 69013527, 91208735, 73460581, 37240194 (instances a to e); arcs m = 8n
// (NETGEN-8) or m = round(n * sqrt(n)) (NETGEN-SR).
//
// Conventions: nodes are numbered 1..nodes inside the generator (as in the DIMACS file);
// `to_min_cost_flow` numbers them from 0. Arc capacities are finite (uncapacitated arcs get
// `supply`, which no flow can exceed).
//
// Complexity: O(m log n) time, O(n + m) memory. The order-statistic lists ("the k-th
// remaining node") are Fenwick trees of removed flags, reset by undoing their removals, so a
// fresh list over all nodes costs only what it is used for.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "sixlink/flow/min_cost_flow.hpp"

namespace sixlink::bench {

struct NetgenParams {
  std::int64_t seed = 1;
  std::int64_t nodes = 0, sources = 0, sinks = 0, density = 0;
  std::int64_t min_cost = 0, max_cost = 0, supply = 0;
  std::int64_t transshipment_sources = 0, transshipment_sinks = 0;
  std::int64_t high_cost_percent = 0, capacitated_percent = 0;
  std::int64_t min_capacity = 0, max_capacity = 0;
};

struct NetgenArc {
  std::int64_t tail, head, cost, capacity;  // nodes 1-based
};

struct NetgenNetwork {
  std::int64_t nodes = 0;
  std::vector<std::int64_t> supply;  // supply[v - 1] of node v; negative: demand
  std::vector<NetgenArc> arcs;
};

namespace netgen_detail {

// NETGEN's portable generator: x <- 7^5 x mod (2^31 - 1).
class Random {
 public:
  explicit Random(std::int64_t seed) : state_(seed) {}
  std::int64_t draw(std::int64_t a, std::int64_t b) {
    state_ = state_ * 16807 % 2147483647;
    if (b <= a) return b;
    return a + state_ % (b - a + 1);
  }

 private:
  std::int64_t state_;
};

// An ascending list of the integers from..to supporting "remove and return the k-th" and
// "remove this one". `pseudo_size` also counts down on removals of absent integers: the
// reference generator draws positions from it (a quirk kept from the Fortran original).
class IndexList {
 public:
  void reset(std::int64_t from, std::int64_t to) {
    const std::int64_t size = to >= from ? to - from + 1 : 0;
    if (size == size_) {
      for (const std::int64_t x : removed_) {
        for (std::int64_t i = x + 1; i <= size_; i += i & -i) --tree_[static_cast<std::size_t>(i)];
        gone_[static_cast<std::size_t>(x)] = 0;
      }
    } else {
      size_ = size;
      tree_.assign(static_cast<std::size_t>(size + 1), 0);
      gone_.assign(static_cast<std::size_t>(size), 0);
    }
    removed_.clear();
    from_ = from;
    index_size_ = pseudo_size_ = size;
  }
  std::int64_t index_size() const { return index_size_; }
  std::int64_t pseudo_size() const { return pseudo_size_; }

  // Removes and returns the position-th remaining integer (1-based), or 0 if there is none.
  std::int64_t choose(std::int64_t position) {
    if (position < 1 || position > index_size_) return 0;
    --index_size_;
    --pseudo_size_;
    std::int64_t pos = 0, rest = position;
    for (std::int64_t step = std::bit_floor(static_cast<std::uint64_t>(size_)); step > 0;
         step >>= 1) {
      const std::int64_t next = pos + step;
      if (next <= size_ && step - tree_[static_cast<std::size_t>(next)] < rest) {
        pos = next;
        rest -= step - tree_[static_cast<std::size_t>(next)];
      }
    }
    mark(pos);
    return from_ + pos;
  }

  void remove(std::int64_t value) {
    --pseudo_size_;
    const std::int64_t x = value - from_;
    if (x < 0 || x >= size_ || gone_[static_cast<std::size_t>(x)]) return;
    mark(x);
    --index_size_;
  }

 private:
  void mark(std::int64_t x) {
    gone_[static_cast<std::size_t>(x)] = 1;
    removed_.push_back(x);
    for (std::int64_t i = x + 1; i <= size_; i += i & -i) ++tree_[static_cast<std::size_t>(i)];
  }

  std::int64_t from_ = 0, size_ = -1, index_size_ = 0, pseudo_size_ = 0;
  std::vector<std::int32_t> tree_;  // Fenwick tree of removed flags
  std::vector<std::uint8_t> gone_;
  std::vector<std::int64_t> removed_;
};

class Generator {
 public:
  explicit Generator(const NetgenParams& p) : p_(p), rng_(p.seed) {}

  NetgenNetwork run() {
    net_.nodes = p_.nodes;
    net_.supply.assign(static_cast<std::size_t>(p_.nodes), 0);
    net_.arcs.reserve(static_cast<std::size_t>(p_.density));
    nodes_left_ = p_.nodes - p_.sinks + p_.transshipment_sinks;
    const std::int64_t plain_sources = p_.sources - p_.transshipment_sources;
    if (plain_sources + (p_.sinks - p_.transshipment_sinks) == p_.nodes &&
        plain_sources == p_.sinks - p_.transshipment_sinks && p_.sources == p_.supply) {
      assignment();
      return std::move(net_);
    }
    create_supply();
    std::vector<std::int64_t> pred = chains();
    for (std::int64_t source = 1; source <= p_.sources; ++source) skeleton(source, pred);
    for (std::int64_t i = p_.nodes - p_.sinks + 1;
         i <= p_.nodes - p_.sinks + p_.transshipment_sinks; ++i) {
      fill_.reset(plain_sources + 1, p_.nodes);
      fill_.remove(i);
      pick_heads(i);
    }
    return std::move(net_);
  }

 private:
  std::int64_t& b(std::int64_t index0) { return net_.supply[static_cast<std::size_t>(index0)]; }

  void create_supply() {
    const std::int64_t per_source = p_.supply / p_.sources;
    for (std::int64_t i = 0; i < p_.sources; ++i) {
      const std::int64_t part = rng_.draw(1, per_source);
      b(i) += part;
      b(rng_.draw(0, p_.sources - 1)) += per_source - part;
    }
    b(rng_.draw(0, p_.sources - 1)) += p_.supply % p_.sources;
  }

  // Hangs the transshipment nodes in chains below the sources: pred[v] is the next node up
  // the chain (a source's pred closes its chain's cycle).
  std::vector<std::int64_t> chains() {
    std::vector<std::int64_t> pred(static_cast<std::size_t>(p_.nodes + 1), 0);
    auto at = [&pred](std::int64_t v) -> std::int64_t& {
      return pred[static_cast<std::size_t>(v)];
    };
    for (std::int64_t i = 1; i <= p_.sources; ++i) at(i) = i;
    const std::int64_t transshipment = p_.nodes - p_.sources - p_.sinks;
    fill_.reset(p_.sources + 1, p_.nodes - p_.sinks);
    std::int64_t source = 1, i = transshipment;
    for (; i > (4 * transshipment + 9) / 10; --i) {
      const std::int64_t node = fill_.choose(rng_.draw(1, fill_.index_size()));
      at(node) = at(source);
      at(source) = node;
      if (++source > p_.sources) source = 1;
    }
    for (; i > 0; --i) {
      const std::int64_t node = fill_.choose(rng_.draw(1, fill_.index_size()));
      source = rng_.draw(1, p_.sources);
      at(node) = at(source);
      at(source) = node;
    }
    return pred;
  }

  // The sinks one source's chain feeds; the last source also takes every sink left without
  // demand.
  std::vector<std::int64_t> choose_sinks(std::int64_t source, std::int64_t chain_length) {
    const std::int64_t transshipment = p_.nodes - p_.sources - p_.sinks;
    std::int64_t count = transshipment == 0
                             ? p_.sinks / p_.sources + 1
                             : static_cast<std::int64_t>(2.0 * static_cast<double>(chain_length) *
                                                         static_cast<double>(p_.sinks) /
                                                         static_cast<double>(transshipment));
    count = std::max<std::int64_t>(2, std::min(count, p_.sinks));
    std::vector<std::int64_t> sinks;  // 0-based node numbers
    sink_list_.reset(p_.nodes - p_.sinks, p_.nodes - 1);
    for (std::int64_t i = 0; i < count; ++i)
      sinks.push_back(sink_list_.choose(rng_.draw(1, sink_list_.index_size())));
    if (source == p_.sources) {
      while (sink_list_.index_size() > 0) {
        const std::int64_t j = sink_list_.choose(1);
        if (b(j) == 0) sinks.push_back(j);
      }
    }
    return sinks;
  }

  void skeleton(std::int64_t source, const std::vector<std::int64_t>& pred) {
    auto up = [&pred](std::int64_t v) { return pred[static_cast<std::size_t>(v)]; };
    tail_.assign(1, 0);  // 1-based, as the reference's sort works on
    head_.assign(1, 0);
    for (std::int64_t node = up(source); node != source;) {
      head_.push_back(node);
      node = up(node);
      tail_.push_back(node);
    }
    const std::int64_t chain_length = static_cast<std::int64_t>(tail_.size()) - 1;
    const std::vector<std::int64_t> sinks = choose_sinks(source, chain_length);
    const auto count = static_cast<std::int64_t>(sinks.size());
    const std::int64_t per_sink = b(source - 1) / count;
    std::int64_t k = up(source);
    for (std::int64_t i = 0; i < count; ++i) {
      const std::int64_t part = rng_.draw(1, per_sink);
      const std::int64_t j = rng_.draw(0, count - 1);
      tail_.push_back(k);
      head_.push_back(sinks[static_cast<std::size_t>(i)] + 1);
      b(sinks[static_cast<std::size_t>(i)]) -= part;
      b(sinks[static_cast<std::size_t>(j)]) -= per_sink - part;
      k = source;
      for (std::int64_t step = rng_.draw(1, chain_length); step > 0; --step) k = up(k);
    }
    b(sinks[0]) -= b(source - 1) % count;
    shell_sort();
    const std::int64_t arcs = static_cast<std::int64_t>(tail_.size()) - 1;
    tail_.push_back(0);  // sentinel
    const std::int64_t plain_sources = p_.sources - p_.transshipment_sources;
    for (std::int64_t i = 1; i <= arcs;) {
      fill_.reset(plain_sources + 1, p_.nodes);
      const std::int64_t tail = tail_[static_cast<std::size_t>(i)];
      fill_.remove(tail);
      for (; tail_[static_cast<std::size_t>(i)] == tail; ++i) {
        const std::int64_t head = head_[static_cast<std::size_t>(i)];
        fill_.remove(head);
        std::int64_t cap = p_.supply;
        if (rng_.draw(1, 100) <= p_.capacitated_percent)
          cap = std::max(b(source - 1), p_.min_capacity);
        std::int64_t cost = p_.max_cost;
        if (rng_.draw(1, 100) > p_.high_cost_percent) cost = rng_.draw(p_.min_cost, p_.max_cost);
        net_.arcs.push_back({tail, head, cost, cap});
      }
      pick_heads(tail);
    }
  }

  // The reference's Shell sort by tail (gaps n/2, n/4, ...); not stable, so the same sort is
  // needed for the same arc order.
  void shell_sort() {
    const std::int64_t n = static_cast<std::int64_t>(tail_.size()) - 1;
    for (std::int64_t gap = n / 2; gap != 0; gap /= 2) {
      for (std::int64_t j = 1; j <= n - gap; ++j) {
        for (std::int64_t i = j; i >= 1; i -= gap) {
          const auto lo = static_cast<std::size_t>(i), hi = static_cast<std::size_t>(i + gap);
          if (tail_[lo] <= tail_[hi]) break;
          std::swap(tail_[lo], tail_[hi]);
          std::swap(head_[lo], head_[hi]);
        }
      }
    }
  }

  // Random arcs out of `tail` to the nodes still in fill_, enough to approach `density`.
  void pick_heads(std::int64_t tail) {
    const std::int64_t non_sources = p_.nodes - p_.sources + p_.transshipment_sources;
    const std::int64_t remaining = p_.density - static_cast<std::int64_t>(net_.arcs.size());
    --nodes_left_;
    if (2 * nodes_left_ >= remaining) return;
    std::int64_t limit = 0;
    if ((remaining + non_sources - fill_.pseudo_size() - 1) / (nodes_left_ + 1) >=
        non_sources - 1) {
      limit = non_sources;
    } else {
      const std::int64_t upper = 2 * (remaining / (nodes_left_ + 1) - 1);
      do {
        limit = rng_.draw(1, upper);
        if (nodes_left_ == 0) limit = remaining;
      } while (static_cast<double>(nodes_left_) * static_cast<double>(non_sources - 1) <
               static_cast<double>(remaining - limit));
    }
    for (; limit > 0; --limit) {
      const std::int64_t head = fill_.choose(rng_.draw(1, fill_.pseudo_size()));
      std::int64_t cap = p_.supply;
      if (rng_.draw(1, 100) <= p_.capacitated_percent)
        cap = rng_.draw(p_.min_capacity, p_.max_capacity);
      if (head >= 1 && head <= p_.nodes)
        net_.arcs.push_back({tail, head, rng_.draw(p_.min_cost, p_.max_cost), cap});
    }
  }

  void assignment() {
    for (std::int64_t v = 0; v < p_.nodes; ++v) b(v) = v < p_.nodes / 2 ? 1 : -1;
    sink_list_.reset(p_.sources + 1, p_.nodes);
    for (std::int64_t source = 1; source <= p_.nodes / 2; ++source) {
      const std::int64_t head = sink_list_.choose(rng_.draw(1, sink_list_.index_size()));
      net_.arcs.push_back({source, head, rng_.draw(p_.min_cost, p_.max_cost), 1});
      fill_.reset(p_.sources + 1, p_.nodes);
      fill_.remove(head);
      pick_heads(source);
    }
  }

  NetgenParams p_;
  Random rng_;
  NetgenNetwork net_;
  std::int64_t nodes_left_ = 0;
  IndexList fill_, sink_list_;
  std::vector<std::int64_t> tail_, head_;
};

}  // namespace netgen_detail

/// Generates the network NETGEN generates for these parameters. Throws
/// std::invalid_argument for parameters the reference rejects.
inline NetgenNetwork netgen_generate(const NetgenParams& p) {
  if (p.seed <= 0 || p.seed >= 2147483647) throw std::invalid_argument("netgen: seed");
  if (p.nodes <= 0 || p.nodes > p.density || p.sources <= 0 || p.sinks <= 0 ||
      p.sources + p.sinks > p.nodes || p.min_cost > p.max_cost || p.supply < p.sources ||
      p.transshipment_sources > p.sources || p.transshipment_sinks > p.sinks ||
      p.high_cost_percent < 0 || p.high_cost_percent > 100 || p.capacitated_percent < 0 ||
      p.capacitated_percent > 100 || p.min_capacity > p.max_capacity)
    throw std::invalid_argument("netgen: inconsistent parameters");
  return netgen_detail::Generator(p).run();
}

/// The standard families' parameters (see the header essay); `log_n` = k for n = 2^k.
inline NetgenParams netgen_family(bool square_root_density, int log_n,
                                  std::int64_t seed = 13502460) {
  NetgenParams p;
  p.seed = seed;
  p.nodes = std::int64_t{1} << log_n;
  const double root = std::sqrt(static_cast<double>(p.nodes));
  p.sources = p.sinks = std::llround(root);
  p.density = square_root_density ? std::llround(static_cast<double>(p.nodes) * root) : 8 * p.nodes;
  p.min_cost = 1;
  p.max_cost = 10000;
  p.supply = 1000 * p.sources;
  p.high_cost_percent = 100;
  p.capacitated_percent = 100;
  p.min_capacity = 1;
  p.max_capacity = 1000;
  return p;
}

inline MinCostFlow to_min_cost_flow(const NetgenNetwork& net) {
  MinCostFlow p(static_cast<Index>(net.nodes));
  for (std::int64_t v = 0; v < net.nodes; ++v)
    p.set_supply(static_cast<Index>(v), net.supply[static_cast<std::size_t>(v)]);
  for (const NetgenArc& a : net.arcs)
    p.add_arc(static_cast<Index>(a.tail - 1), static_cast<Index>(a.head - 1), a.capacity, a.cost);
  return p;
}

/// Writes a min-cost-flow problem in the DIMACS format ("p min", "n id supply",
/// "a tail head low cap cost", nodes 1-based), as NETGEN prints it after its comments.
/// An infinite capacity is written as the total supply, which no arc of an optimal flow
/// exceeds when lower bounds are 0 and no cycle costs 0 or less (true of every family here);
/// DIMACS readers such as CS2's take capacities as plain integers.
inline void write_dimacs(std::ostream& out, const MinCostFlow& p) {
  Flow total = 0;
  for (Index v = 0; v < p.node_count(); ++v) total += std::max<Flow>(p.supply(v), 0);
  out << "p min " << p.node_count() << ' ' << p.arc_count() << '\n';
  for (Index v = 0; v < p.node_count(); ++v)
    if (p.supply(v) != 0) out << "n " << v + 1 << ' ' << p.supply(v) << '\n';
  for (Index a = 0; a < p.arc_count(); ++a) {
    const Flow cap = p.capacity(a) == kInfiniteCapacity ? total : p.capacity(a);
    out << "a " << p.tail(a) + 1 << ' ' << p.head(a) + 1 << ' ' << p.lower(a) << ' ' << cap << ' '
        << p.cost(a) << '\n';
  }
}

}  // namespace sixlink::bench
