// Transparent huge pages for the sixlink program's own allocations.
//
// Province-scale runs write gigabytes of fresh memory: on 4 KiB pages that is
// hundreds of thousands of page faults and TLB misses. glibc's malloc asks the
// kernel for huge pages (madvise MADV_HUGEPAGE, used where the kernel's
// transparent_hugepage setting is "madvise" or "always") when its tunable
// glibc.malloc.hugetlb is 1, and tunables are read only when a process starts. So
// the program, once at start, sets the tunable and executes itself again. On the
// 10,000-programme synthetic province `sixlink place --mode stable` faulted
// 339,000 pages without it and about 4,000 with it, and on a quiet machine took
// 5.9-6.7 s of user time against 3.3-3.5 s (3 and 6 runs; benchmarks/README.md,
// "Province scale", has the command).
//
// Nothing is done where the tunable is set already (so the second start goes on),
// where SIXLINK_HUGE_PAGES=0, or off Linux and glibc; if the program cannot be
// executed again it goes on as it is. Without the program (Python, a C++ host)
// the library still advises its engines' largest arrays (detail/huge_pages.hpp);
// for the rest a host sets GLIBC_TUNABLES itself (README.md, "Province scale").
#pragma once

namespace sixlink::cli {

/// Sets glibc.malloc.hugetlb=1 and executes the program again with `argv`
/// (returns only where that is not done or fails).
void prefer_huge_pages(char** argv);

}  // namespace sixlink::cli
