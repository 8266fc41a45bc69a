#include "test_console.hpp"

#include <cstring>

#include "bsp/board.hpp"
#include "bsp/console.hpp"

namespace test_console {

void print(const char* text) { bsp::console::write(text, std::strlen(text)); }

void print_u64(uint64_t value) {
  char digits[21];
  int pos = 20;
  digits[pos] = '\0';
  do {
    digits[--pos] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  print(digits + pos);
}

void start(const char* test_name) {
  bsp::board_init();
  print("STRATA-TEST-START ");
  print(test_name);
  print("\r\n");
}

void done(bool passed) {
  print(passed ? "STRATA-TEST-DONE pass\r\n" : "STRATA-TEST-DONE FAIL\r\n");
  bsp::board_exit(passed ? 0 : 1);
}

}  // namespace test_console
