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

// The index of the entry of `table` called `name`, or `count`. (An index, not a pointer: a
// pointer compared with nullptr is not a constant expression under the sanitizers.)
template <typename Profile>
constexpr std::size_t profile_index(const Profile* table, std::size_t count, const char* name) {
  std::size_t i = 0;
  while (i < count && !same_name(table[i].name, name)) ++i;
  return i;
}

// The entry of `table` called `name`, or nullptr.
template <typename Profile>
constexpr const Profile* find_profile(const Profile* table, std::size_t count, const char* name) {
  const std::size_t i = profile_index(table, count, name);
  return i < count ? &table[i] : nullptr;
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
  const std::size_t i = profile_index(table, kCount, name);
  if (i == kCount) the_configured_clock_profile_is_not_in_the_table();
  return table[i];
}

}  // namespace cortex_m
