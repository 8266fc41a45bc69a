// The clock profile a firmware runs, chosen at compile time: every SoC keeps its profiles (or a
// board its clock plans) in a constexpr table whose entries have a `name` ("216mhz", "600mhz"), and
// the build names one in strata_config::kClockProfile (STRATA_CLOCK_PROFILE, validated by the
// configure against the board's STRATA_BOARD_CLOCK_PROFILES). Used in a constant expression,
// profile_named() does not compile when the name is missing from the table, so board.cmake and the
// table cannot drift apart unnoticed.
#pragma once

#include <cstddef>

namespace cortex_m {

constexpr bool same_name(const char* a, const char* b) {
  while (*a != '\0' && *a == *b) {
    ++a;
    ++b;
  }
  return *a == *b;
}

// The entry of `table` called `name`, or nullptr.
template <typename Profile>
constexpr const Profile* find_profile(const Profile* table, std::size_t count, const char* name) {
  for (std::size_t i = 0; i < count; ++i) {
    if (same_name(table[i].name, name)) return &table[i];
  }
  return nullptr;
}

template <typename Profile, std::size_t kCount>
constexpr const Profile* find_profile(const Profile (&table)[kCount], const char* name) {
  return find_profile(table, kCount, name);
}

// Not constexpr on purpose: reaching it in a constant expression is the compile error that names
// the problem.
void the_configured_clock_profile_is_not_in_the_table();

// The entry called `name`; in a constant expression, a missing name does not compile.
template <typename Profile, std::size_t kCount>
constexpr const Profile& profile_named(const Profile (&table)[kCount], const char* name) {
  const Profile* found = find_profile(table, name);
  if (found == nullptr) the_configured_clock_profile_is_not_in_the_table();
  return *found;
}

}  // namespace cortex_m
