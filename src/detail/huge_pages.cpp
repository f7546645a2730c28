#include "detail/huge_pages.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <string_view>

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

void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  constexpr std::uintptr_t kHuge = std::uintptr_t{1} << 21;
  if (data == nullptr || bytes < 2 * kHuge || !huge_pages_allowed()) return;
  const auto first = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (first + kHuge - 1) & ~(kHuge - 1);
  const std::uintptr_t end = (first + bytes) & ~(kHuge - 1);
  if (end > begin) {
    // Advice: a kernel without transparent huge pages says EINVAL, and nothing changes.
    (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  }
#else
  (void)data;
  (void)bytes;
#endif
}

void ArrayArena::Free::operator()(std::byte* p) const noexcept { std::free(p); }

void ArrayArena::start(std::size_t bytes) {
  used_ = 0;
  if (bytes <= capacity_) return;
  constexpr std::size_t kHuge = std::size_t{1} << 21;
  const bool huge = bytes >= (std::size_t{1} << 20);
  const std::size_t align = huge ? kHuge : kAlign;
  const std::size_t size = std::max(align, (bytes + align - 1) / align * align);
  block_.reset();
  void* p = std::aligned_alloc(align, size);
  if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (huge && huge_pages_allowed()) (void)madvise(p, size, MADV_HUGEPAGE);  // advice only
#endif
  block_.reset(static_cast<std::byte*>(p));
  capacity_ = size;
}

}  // namespace sixlink::detail
