// sixlink/verify/certificate.hpp — the outcome of a certificate check.
#pragma once

#include <string>

namespace sixlink {

struct CertificateCheck {
  bool ok = true;
  std::string failure;  ///< the first violated condition, when !ok
  explicit operator bool() const { return ok; }
};

}  // namespace sixlink
