// What the CPU running the process can do, for the engines' kernels chosen at
// run time (assignment/dense_scan, flow/pricing_scan).
#pragma once

namespace sixlink::detail {

/// Whether this CPU runs AVX2 code (false off x86-64 or without GCC/Clang).
bool cpu_has_avx2();

}  // namespace sixlink::detail
