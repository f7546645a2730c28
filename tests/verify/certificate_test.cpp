// verify/certificate.hpp: the outcome every certificate checker returns.
#include "sixlink/verify/certificate.hpp"

#include <gtest/gtest.h>

namespace sixlink {
namespace {

TEST(CertificateCheck, DefaultIsOkAndConvertsToBool) {
  const CertificateCheck ok;
  EXPECT_TRUE(ok.ok);
  EXPECT_TRUE(static_cast<bool>(ok));
  EXPECT_TRUE(ok.failure.empty());
  const CertificateCheck failed{false, "flow on arc 3 exceeds its capacity"};
  EXPECT_FALSE(static_cast<bool>(failed));
  if (failed) ADD_FAILURE() << "a failed check reads as true";
  EXPECT_EQ(failed.failure, "flow on arc 3 exceeds its capacity");
}

}  // namespace
}  // namespace sixlink
