#include "detail/huge_pages.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>
#include <string_view>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace sixlink::detail {

bool huge_pages_allowed() noexcept {
  static const bool allowed = [] {
    const char* setting = std::getenv("SIXLINK_HUGE_PAGES");
    return setting == nullptr || std::string_view(setting) != "0";
  }();
  return allowed;
}

namespace {

constexpr std::size_t kHugePage = std::size_t{1} << 21;

// Advises the whole 2 MiB pages inside [data, data + bytes). Advice only: a
// kernel without transparent huge pages says EINVAL, and nothing changes.
void advise_whole_pages(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (data == nullptr || !huge_pages_allowed()) return;
  const auto first = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (first + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t end = (first + bytes) & ~(kHugePage - 1);
  if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
  (void)data;
  (void)bytes;
#endif
}

// The one block kept between arenas (see ArrayArena). Never destroyed, so that
// an arena that outlives static destruction can still hand its block back.
struct SpareBlock {
  std::mutex mutex;
  std::byte* block = nullptr;
  std::size_t size = 0;
};

SpareBlock& spare() {
  static auto* const kept = new SpareBlock;
  return *kept;
}

// Keeps `block`, freeing the block kept before (the newer one is likelier to
// fit the next problem, which is usually the same one again).
void keep_spare(std::byte* block, std::size_t size) noexcept {
  if (block == nullptr) return;
  SpareBlock& s = spare();
  std::byte* old = nullptr;
  {
    const std::lock_guard<std::mutex> lock(s.mutex);
    old = s.block;
    s.block = block;
    s.size = size;
  }
  std::free(old);
}

// The kept block if it holds `bytes` without wasting more than half of itself.
std::byte* take_spare(std::size_t bytes, std::size_t& size) noexcept {
  SpareBlock& s = spare();
  const std::lock_guard<std::mutex> lock(s.mutex);
  if (s.block == nullptr || s.size < bytes || s.size > 2 * bytes + (std::size_t{2} << 20))
    return nullptr;
  std::byte* block = s.block;
  size = s.size;
  s.block = nullptr;
  s.size = 0;
  return block;
}

}  // namespace

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
  if (bytes >= 2 * kHugePage) advise_whole_pages(data, bytes);
}

ArrayArena::ArrayArena(ArrayArena&& other) noexcept
    : block_(std::exchange(other.block_, nullptr)),
      capacity_(std::exchange(other.capacity_, 0)),
      used_(std::exchange(other.used_, 0)) {}

ArrayArena& ArrayArena::operator=(ArrayArena&& other) noexcept {
  if (this != &other) {
    keep_spare(block_, capacity_);
    block_ = std::exchange(other.block_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    used_ = std::exchange(other.used_, 0);
  }
  return *this;
}

ArrayArena::~ArrayArena() { keep_spare(block_, capacity_); }

void ArrayArena::start(std::size_t bytes) {
  used_ = 0;
  if (bytes <= capacity_) return;
  keep_spare(block_, capacity_);
  block_ = nullptr;
  capacity_ = 0;
  std::size_t size = 0;
  if (std::byte* kept = take_spare(bytes, size)) {
    block_ = kept;
    capacity_ = size;
    return;
  }
  const bool huge = bytes >= (std::size_t{1} << 20);
  const std::size_t align = huge ? kHugePage : kAlign;
  size = std::max(align, (bytes + align - 1) / align * align);
  void* p = std::aligned_alloc(align, size);
  if (p == nullptr) throw std::bad_alloc();
  if (huge) advise_whole_pages(p, size);  // aligned and whole: every page of it
  block_ = static_cast<std::byte*>(p);
  capacity_ = size;
}

}  // namespace sixlink::detail
