// Large arrays on 2 MiB pages. The engines' big arrays (a flow's arcs, a
// market's list entries) are written once from end to end soon after they are
// allocated; on 4 KiB pages that is one page fault per 4 KiB, and on the
// virtual machines sixlink is measured on, the province's stable placement
// faulted 339,000 pages and spent 2.9-3.1 s in the kernel, about 9 us a page
// (benchmarks/README.md, "Province scale"). Linux
// backs an anonymous mapping with 2 MiB pages when transparent huge pages are
// on ("always", or "madvise" and the range is advised), 512 times fewer faults.
// The `sixlink` program gets this for every allocation through glibc's
// malloc tunable (cli/huge_pages.hpp); a library cannot set that for its host
// process, so the engines advise their own big arrays here.
//
// Advice only: where the kernel or platform has no such pages nothing changes.
// SIXLINK_HUGE_PAGES=0 in the environment turns it off, here and in the program.
#pragma once

#include <cstddef>
#include <iterator>
#include <span>
#include <vector>

namespace sixlink::detail {

/// False where SIXLINK_HUGE_PAGES=0 is in the environment (read once).
bool huge_pages_allowed() noexcept;

/// Advises the kernel to back the whole 2 MiB pages inside [data, data + bytes)
/// with huge pages. Call it before the memory is first written: pages already
/// touched keep their size. Ranges under 4 MiB are left alone.
void advise_huge_pages(const void* data, std::size_t bytes) noexcept;

/// v.reserve(n), with storage it has to allocate advised before the elements move in.
template <class T>
void reserve_on_huge_pages(std::vector<T>& v, std::size_t n) {
  if (n <= v.capacity()) return;
  std::vector<T> fresh;
  fresh.reserve(n);
  advise_huge_pages(fresh.data(), n * sizeof(T));
  fresh.assign(std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(fresh);
}

/// v.resize(n), on advised storage where it grows.
template <class T>
void resize_on_huge_pages(std::vector<T>& v, std::size_t n) {
  reserve_on_huge_pages(v, n);
  v.resize(n);
}

/// v.assign(n, value), on advised storage where it grows (the old elements are not copied).
template <class T, class Value>
void assign_on_huge_pages(std::vector<T>& v, std::size_t n, const Value& value) {
  if (n > v.capacity()) v.clear();
  reserve_on_huge_pages(v, n);
  v.assign(n, value);
}

/// One block of memory carved into several arrays, for an engine that fills the
/// same arrays solve after solve. From 1 MiB up the block is whole 2 MiB pages,
/// aligned and advised: a 1.4 MiB flow network then takes one page fault where
/// 4 KiB pages take 340 (at about 9 us each on the virtual machines measured).
/// Smaller blocks are plain allocations. Nothing is initialised.
///
/// A block whose arena goes away is kept for the next arena of about its size
/// (one block, process-wide), as malloc keeps freed memory: a host that solves
/// one fresh problem after another (a Python loop) then writes into pages it
/// already has. Without this, on 4 KiB pages, every cold solve of a 9 MiB
/// network faulted its pages again (NETGEN-SR 2^12: 76 ms instead of 44;
/// benchmarks/README.md, "Standard families").
class ArrayArena {
 public:
  ArrayArena() = default;
  ArrayArena(const ArrayArena&) = delete;
  ArrayArena& operator=(const ArrayArena&) = delete;
  ArrayArena(ArrayArena&& other) noexcept;
  ArrayArena& operator=(ArrayArena&& other) noexcept;
  ~ArrayArena();

  /// Makes room for `bytes` (the sum of room_for() of every array to carve) and
  /// starts carving at the beginning. Memory is kept, contents too, while
  /// `bytes` fits: the same carving then gives the same arrays back.
  void start(std::size_t bytes);
  /// Room an array of n T takes in the arena (64-byte aligned).
  template <class T>
  static constexpr std::size_t room_for(std::size_t n) {
    return (n * sizeof(T) + kAlign - 1) / kAlign * kAlign;
  }
  /// The next n T of the arena, uninitialised.
  template <class T>
  std::span<T> take(std::size_t n) {
    T* first = reinterpret_cast<T*>(block_ + used_);
    used_ += room_for<T>(n);
    return {first, n};
  }

 private:
  static constexpr std::size_t kAlign = 64;
  std::byte* block_ = nullptr;
  std::size_t capacity_ = 0, used_ = 0;
};

}  // namespace sixlink::detail
