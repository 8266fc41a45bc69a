// The clock-profile lookup every SoC shares: exact names only, and a compile-time choice.
#include "cortex_m/profile_lookup.hpp"

#include <gtest/gtest.h>

namespace {

struct Profile {
  const char* name;
  int hz;
};

constexpr Profile kProfiles[] = {{"600mhz", 600}, {"720mhz", 720}, {"816mhz", 816}};

// Chosen in a constant expression, as the boards' kBoardConfig do.
static_assert(cortex_m::profile_named(kProfiles, "720mhz").hz == 720, "found at compile time");

TEST(ProfileLookupTest, FindsExactNamesOnly) {
  EXPECT_EQ(cortex_m::find_profile(kProfiles, "816mhz"), &kProfiles[2]);
  EXPECT_EQ(cortex_m::find_profile(kProfiles, "600mhz"), &kProfiles[0]);
  EXPECT_EQ(cortex_m::find_profile(kProfiles, "600"), nullptr);
  EXPECT_EQ(cortex_m::find_profile(kProfiles, "600mhzz"), nullptr);
  EXPECT_EQ(cortex_m::find_profile(kProfiles, ""), nullptr);
}

TEST(ProfileLookupTest, SearchesOnlyTheGivenCount) {
  EXPECT_EQ(cortex_m::find_profile(kProfiles, 2, "816mhz"), nullptr);
  EXPECT_EQ(cortex_m::find_profile(kProfiles, 2, "720mhz"), &kProfiles[1]);
}

}  // namespace
