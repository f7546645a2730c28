#include "cli/huge_pages.hpp"

#include <cstdlib>
#include <string>

#if defined(__linux__) && defined(__GLIBC__)
#include <unistd.h>
#endif

#include "detail/huge_pages.hpp"

namespace sixlink::cli {

void prefer_huge_pages(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  if (!detail::huge_pages_allowed()) return;
  const char* given = std::getenv("GLIBC_TUNABLES");
  std::string tunables = given != nullptr ? given : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // set: go on
  tunables += (tunables.empty() ? "" : ":") + std::string("glibc.malloc.hugetlb=1");
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the program could not be executed again. Leave the variable as
  // the user had it and go on with ordinary pages.
  if (given != nullptr) {
    setenv("GLIBC_TUNABLES", given, 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#else
  (void)argv;
#endif
}

}  // namespace sixlink::cli
