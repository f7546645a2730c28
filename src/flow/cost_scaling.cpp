// Cost-scaling push-relabel; see flow/cost_scaling.hpp.
#include "flow/cost_scaling.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "sixlink/core/interrupt.hpp"

namespace sixlink {
namespace {

__extension__ typedef __int128 i128;
constexpr Flow kInf = kInfiniteCapacity;
constexpr std::int64_t kCapLimit = std::int64_t{1} << 62;
constexpr Cost kScaledCostLimit = Cost{1} << 42;  // |cost| x (n + 1)
constexpr Cost kPriceLimit = Cost{1} << 61;       // prices stay in (-2^61, 0]

Flow lower_of(const CostScalingEngine::Problem& p, std::size_t a) {
  return p.lower.empty() ? 0 : p.lower[a];
}

// floor(x / d) for d > 0.
Cost floor_div(Cost x, Cost d) { return x >= 0 ? x / d : -((-x + d - 1) / d); }

}  // namespace

bool CostScalingEngine::applicable(const Problem& p) {
  if (p.mode != SupplyMode::kExact || p.nodes <= 0) return false;
  if (p.tail.size() >= (std::size_t{1} << 29) || p.nodes >= (Index{1} << 30)) return false;
  i128 balance = 0, total = 0;
  Cost max_cost = 0;
  for (std::size_t a = 0; a < p.tail.size(); ++a) {
    const Flow lo = lower_of(p, a);
    const Cost c = p.cost[a];
    if (c <= -kScaledCostLimit || c >= kScaledCostLimit) return false;
    if (p.upper[a] == kInf && c < 0) return false;  // a possible unbounded cycle
    if (lo <= -kCapLimit || lo >= kCapLimit) return false;
    if (p.upper[a] != kInf) total += static_cast<i128>(p.upper[a]) - lo;
    total += 2 * static_cast<i128>(lo < 0 ? -lo : lo);
    max_cost = std::max(max_cost, c < 0 ? -c : c);
  }
  for (Flow b : p.supply) {
    if (b <= -kCapLimit || b >= kCapLimit) return false;
    balance += b;
    total += b < 0 ? -static_cast<i128>(b) : b;
  }
  if (balance != 0 || total >= kCapLimit) return false;
  return static_cast<i128>(max_cost) * (p.nodes + 1) < kScaledCostLimit;
}

void CostScalingEngine::build(const Problem& p) {
  n_ = static_cast<Id>(p.nodes);
  scale_ = static_cast<Cost>(p.nodes) + 1;
  const std::size_t m = p.tail.size();
  // An infinite capacity (cost >= 0 here) becomes a bound no optimal flow needs:
  // every optimal flow splits into paths from the supplies and cycles through
  // finite negative arcs, so no arc carries more than all of them together.
  i128 total = 0;
  for (std::size_t a = 0; a < m; ++a) {
    const Flow lo = lower_of(p, a);
    if (p.upper[a] != kInf) total += static_cast<i128>(p.upper[a]) - lo;
    total += static_cast<i128>(lo < 0 ? -lo : lo);
  }
  for (Flow b : p.supply) total += b > 0 ? b : 0;
  capped_ = static_cast<Flow>(total) + 1;

  first_.assign(static_cast<std::size_t>(n_) + 2, 0);
  for (std::size_t a = 0; a < m; ++a) {
    ++first_[static_cast<std::size_t>(p.tail[a]) + 2];
    ++first_[static_cast<std::size_t>(p.head[a]) + 2];
  }
  for (std::size_t v = 2; v < first_.size(); ++v) first_[v] += first_[v - 1];
  // first_[v + 1] is now where v's arcs start; filling advances it to v's end.
  arcs_.resize(2 * m);
  forward_.resize(m);
  excess_.assign(p.supply.begin(), p.supply.end());
  for (std::size_t a = 0; a < m; ++a) {
    const auto u = static_cast<std::size_t>(p.tail[a]);
    const auto w = static_cast<std::size_t>(p.head[a]);
    const Flow lo = lower_of(p, a);
    const auto k = static_cast<std::size_t>(first_[u + 1]++);
    const auto r = static_cast<std::size_t>(first_[w + 1]++);
    arcs_[k].head = static_cast<Id>(w);
    arcs_[r].head = static_cast<Id>(u);
    arcs_[k].rev = static_cast<Id>(r);
    arcs_[r].rev = static_cast<Id>(k);
    arcs_[k].residual = p.upper[a] == kInf ? capped_ : p.upper[a] - lo;
    arcs_[r].residual = 0;
    arcs_[k].back = 0;
    arcs_[r].back = arcs_[k].residual;
    arcs_[k].cost = p.cost[a] * scale_;
    arcs_[r].cost = -arcs_[k].cost;
    forward_[a] = static_cast<Id>(k);
    excess_[u] -= lo;  // the lower bound is sent up front
    excess_[w] += lo;
  }
  first_.pop_back();
  price_.assign(static_cast<std::size_t>(n_), 0);
  current_.assign(first_.begin(), first_.end() - 1);
  queue_.assign(static_cast<std::size_t>(n_), 0);
  queued_.assign(static_cast<std::size_t>(n_), 0);
  rank_.assign(static_cast<std::size_t>(n_), 0);
}

bool CostScalingEngine::solve(const Problem& p, MinCostFlowResult& out) {
  if (!applicable(p)) return false;
  build(p);
  iterations_ = 0;
  Cost epsilon = 1;
  for (const Arc& a : arcs_) epsilon = std::max(epsilon, a.cost);
  do {
    epsilon = std::max<Cost>(1, epsilon / kAlpha);
    if (!refine(epsilon)) return false;
  } while (epsilon > 1);
  return exact_potentials(p, out);
}

bool CostScalingEngine::refine(Cost epsilon) {
  phase_start_ = price_;
  // Saturate every residual arc that violates epsilon-optimality (reduced cost
  // below zero under the new, smaller epsilon: the admissible ones too, so the
  // phase starts 0-optimal and only excesses are left to route).
  for (Id u = 0; u < n_; ++u) {
    const Cost pu = price_[static_cast<std::size_t>(u)];
    for (Id k = first_[static_cast<std::size_t>(u)]; k < first_[static_cast<std::size_t>(u) + 1];
         ++k) {
      const auto ki = static_cast<std::size_t>(k);
      const Flow r = arcs_[ki].residual;
      if (r == 0) continue;
      const auto w = static_cast<std::size_t>(arcs_[ki].head);
      if (arcs_[ki].cost + pu - price_[w] >= 0) continue;
      push(ki, r);
      excess_[static_cast<std::size_t>(u)] -= r;
      excess_[w] += r;
    }
  }
  queue_head_ = queue_size_ = 0;
  for (Id u = 0; u < n_; ++u) {
    const auto ui = static_cast<std::size_t>(u);
    queued_[ui] = excess_[ui] > 0;
    if (queued_[ui]) queue_[queue_size_++] = u;
  }
  if (queue_size_ == 0) return true;
  relabels_ = 0;
  while (queue_size_ > 0) {
    const Id u = queue_[queue_head_];
    queue_head_ = queue_head_ + 1 == queue_.size() ? 0 : queue_head_ + 1;
    --queue_size_;
    queued_[static_cast<std::size_t>(u)] = 0;
    if (!discharge(u, epsilon)) return false;
  }
  return true;
}

bool CostScalingEngine::discharge(Id start, Cost epsilon) {
  // Partial augment-relabel (Goldberg 2008): walk admissible arcs from `start`
  // for at most kPathLength arcs or until a node with a deficit, relabelling
  // (and stepping back from) a node that has none, then push the excess along
  // the path as far as the residual capacities let it.
  Arc* arc = arcs_.data();
  Cost* price = price_.data();
  while (excess_[static_cast<std::size_t>(start)] > 0) {
    path_.clear();
    Id tip = start;
    while (path_.size() < kPathLength && excess_[static_cast<std::size_t>(tip)] >= 0) {
      const auto ti = static_cast<std::size_t>(tip);
      const Cost pt = price[ti];
      const Id end = first_[ti + 1];
      Cost least = std::numeric_limits<Cost>::max();
      Id k = current_[ti];
      for (; k < end; ++k) {
        const auto ki = static_cast<std::size_t>(k);
        if (arc[ki].residual == 0) continue;
        const Cost reduced = arc[ki].cost + pt - price[static_cast<std::size_t>(arc[ki].head)];
        if (reduced < 0) break;
        least = std::min(least, reduced);
      }
      if (k < end) {  // admissible: advance
        current_[ti] = k;
        path_.push_back(k);
        tip = arc[static_cast<std::size_t>(k)].head;
        continue;
      }
      // Relabel: the least reduced cost over all residual arcs (those before the
      // current arc were not admissible either, and the way back along the path
      // will be residual once it is augmented), plus epsilon.
      if (tip != start) {
        const Arc& last = arc[static_cast<std::size_t>(path_.back())];  // way back: to its tail
        least = std::min(
            least,
            -last.cost + pt -
                price[static_cast<std::size_t>(arc[static_cast<std::size_t>(last.rev)].head)]);
      }
      for (Id j = first_[ti]; j < current_[ti]; ++j) {
        const auto ji = static_cast<std::size_t>(j);
        if (arc[ji].residual == 0) continue;
        least = std::min(least, arc[ji].cost + pt - price[static_cast<std::size_t>(arc[ji].head)]);
      }
      if (least == std::numeric_limits<Cost>::max()) return false;  // excess with no way out
      const Cost lowered = pt - least - epsilon;
      const i128 drop = static_cast<i128>(phase_start_[ti]) - lowered;
      // In a feasible problem a node with excess has a residual path of at most n
      // arcs to a deficit, whose price never moves, and the phase began 0-optimal:
      // so no price falls more than about n epsilon in one phase. Further means no
      // feasible flow (the check leaves a wide margin); the simplex then answers.
      if (lowered <= -kPriceLimit || drop > static_cast<i128>(kAlpha + 2) * (n_ + 1) * epsilon)
        return false;
      price[ti] = lowered;
      current_[ti] = first_[ti];
      ++iterations_;
      if (++relabels_ >= n_) {
        relabels_ = 0;
        throw_if_interrupted();
        if (!global_update(epsilon)) return false;
        path_.clear();
        break;  // prices moved: start again from `start`
      }
      if (tip != start) {
        tip =
            arcs_[static_cast<std::size_t>(arcs_[static_cast<std::size_t>(path_.back())].rev)].head;
        path_.pop_back();
      }
    }
    // Augment along the path, each arc as much as it and the excess allow.
    Id u = start;
    for (Id k : path_) {
      const auto ki = static_cast<std::size_t>(k);
      const auto ui = static_cast<std::size_t>(u);
      const auto w = static_cast<std::size_t>(arc[ki].head);
      const Flow delta = std::min(arc[ki].residual, excess_[ui]);
      if (delta == 0) break;
      push(ki, delta);
      excess_[ui] -= delta;
      excess_[w] += delta;
      ++iterations_;
      if (excess_[w] > 0 && !queued_[w] && w != static_cast<std::size_t>(start)) {
        queued_[w] = 1;
        std::size_t tail = queue_head_ + queue_size_;
        if (tail >= queue_.size()) tail -= queue_.size();
        queue_[tail] = static_cast<Id>(w);
        ++queue_size_;
      }
      u = static_cast<Id>(w);
    }
  }
  return true;
}

bool CostScalingEngine::global_update(Cost epsilon) {
  // Ranks: how many epsilons each node's price drops, the shortest distance to a
  // deficit over residual arcs of length floor(reduced cost / epsilon) + 1
  // (Dial's buckets, searched backwards from the deficits), stopping once every
  // active node is ranked. Unranked nodes drop by one more than the last rank.
  constexpr Id kUnranked = std::numeric_limits<Id>::max();
  std::fill(rank_.begin(), rank_.end(), kUnranked);
  for (auto& b : buckets_) b.clear();
  if (buckets_.empty()) buckets_.resize(1);
  std::int64_t active = 0;
  for (Id v = 0; v < n_; ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (excess_[vi] < 0) {
      rank_[vi] = 0;
      buckets_[0].push_back(v);
    } else if (excess_[vi] > 0) {
      ++active;
    }
  }
  std::vector<std::uint8_t>& done = scanned_;
  done.assign(static_cast<std::size_t>(n_), 0);
  const Id rank_limit = std::max<Id>(n_, 16);
  Id last = 0;
  for (Id r = 0; r < static_cast<Id>(buckets_.size()) && active > 0; ++r) {
    last = r;
    for (std::size_t i = 0; i < buckets_[static_cast<std::size_t>(r)].size(); ++i) {
      const Id w = buckets_[static_cast<std::size_t>(r)][i];
      const auto wi = static_cast<std::size_t>(w);
      if (done[wi] || rank_[wi] != r) continue;
      done[wi] = 1;
      if (excess_[wi] > 0) --active;
      const Cost pw = price_[wi];
      for (Id k = first_[wi]; k < first_[wi + 1]; ++k) {
        const Arc& out_arc = arcs_[static_cast<std::size_t>(k)];
        if (out_arc.back == 0) continue;  // the arc into w has no residual
        const auto u = static_cast<std::size_t>(out_arc.head);
        if (done[u]) continue;
        const Cost reduced = -out_arc.cost + price_[u] - pw;
        const i128 rank = static_cast<i128>(r) + floor_div(reduced, epsilon) + 1;
        if (rank >= rank_[u] || rank > rank_limit) continue;
        rank_[u] = static_cast<Id>(rank);
        if (buckets_.size() <= static_cast<std::size_t>(rank))
          buckets_.resize(static_cast<std::size_t>(rank) + 1);
        buckets_[static_cast<std::size_t>(rank)].push_back(static_cast<Id>(u));
      }
    }
  }
  for (Id v = 0; v < n_; ++v) {
    const auto vi = static_cast<std::size_t>(v);
    const i128 lowered = price_[vi] - static_cast<i128>(done[vi] ? rank_[vi] : last + 1) * epsilon;
    if (lowered <= -kPriceLimit) return false;  // out of range (or no feasible flow)
    price_[vi] = static_cast<Cost>(lowered);
    current_[vi] = first_[vi];
  }
  return true;
}

bool CostScalingEngine::exact_potentials(const Problem& p, MinCostFlowResult& out) {
  // Scaled prices are 1-optimal for costs x (n + 1); divided back they are
  // within a fraction of a unit of optimal duals. A label-correcting pass on the
  // residual network makes them exact: p_head <= p_tail + cost on every residual
  // arc. It converges because an optimal flow leaves no negative cycle; a
  // generous cap on its work guards against anything else.
  std::vector<Cost> pot(static_cast<std::size_t>(n_));
  for (Id v = 0; v < n_; ++v)
    pot[static_cast<std::size_t>(v)] = floor_div(price_[static_cast<std::size_t>(v)], scale_);
  std::vector<Id> queue(static_cast<std::size_t>(n_));
  std::iota(queue.begin(), queue.end(), 0);
  std::fill(queued_.begin(), queued_.end(), 1);
  std::size_t head = 0, size = queue.size();
  std::int64_t work = 0;
  const std::int64_t work_limit = 8 * (static_cast<std::int64_t>(arcs_.size()) + n_) + 1000;
  while (size > 0) {
    const Id u = queue[head];
    head = head + 1 == queue.size() ? 0 : head + 1;
    --size;
    const auto ui = static_cast<std::size_t>(u);
    queued_[ui] = 0;
    for (Id k = first_[ui]; k < first_[ui + 1]; ++k) {
      const auto ki = static_cast<std::size_t>(k);
      if (arcs_[ki].residual == 0) continue;
      const auto w = static_cast<std::size_t>(arcs_[ki].head);
      const Cost through = pot[ui] + arcs_[ki].cost / scale_;
      if (through >= pot[w]) continue;
      pot[w] = through;
      if (!queued_[w]) {
        queued_[w] = 1;
        std::size_t tail = head + size;
        if (tail >= queue.size()) tail -= queue.size();
        queue[tail] = static_cast<Id>(w);
        ++size;
      }
    }
    if (++work > work_limit) return false;
  }
  const std::size_t m = p.tail.size();
  out.flow.resize(m);
  i128 total = 0;
  for (std::size_t a = 0; a < m; ++a) {
    const Flow shifted =
        arcs_[static_cast<std::size_t>(arcs_[static_cast<std::size_t>(forward_[a])].rev)].residual;
    if (p.upper[a] == kInf && shifted >= capped_) return false;  // the cap bound: not the answer
    out.flow[a] = shifted + lower_of(p, a);
    total += static_cast<i128>(out.flow[a]) * p.cost[a];
  }
  if (total > std::numeric_limits<Cost>::max() || total < std::numeric_limits<Cost>::min())
    return false;
  out.status = FlowStatus::kOptimal;
  out.cost = static_cast<Cost>(total);
  out.potential = std::move(pot);
  out.iterations = iterations_;
  out.warm_started = false;
  return true;
}

}  // namespace sixlink
