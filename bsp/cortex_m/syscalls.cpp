// The newlib system calls a bare-metal firmware needs. Output goes to the board console; there is
// no heap: _sbrk always refuses, so an accidental malloc fails instead of growing into the stack.
#include <sys/stat.h>

#include <cerrno>

#include "bsp/board.hpp"
#include "bsp/console.hpp"

extern "C" {

int _write(int fd, const char* data, int length) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  bsp::console::write(data, static_cast<std::size_t>(length));
  return length;
}

int _read(int fd, char* data, int length) {
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  if (length <= 0) return 0;
  int byte;
  while ((byte = bsp::console::read_byte()) < 0) {
  }
  data[0] = static_cast<char>(byte);
  return 1;
}

void* _sbrk(int) {
  errno = ENOMEM;
  return reinterpret_cast<void*>(-1);
}

int _close(int) { return -1; }
int _fstat(int, struct stat* st) {
  st->st_mode = S_IFCHR;
  return 0;
}
int _isatty(int fd) { return fd <= 2 ? 1 : 0; }
int _lseek(int, int, int) { return 0; }
int _getpid() { return 1; }
int _kill(int, int) {
  errno = EINVAL;
  return -1;
}
void _exit(int code) { bsp::board_exit(code); }

// A pure virtual call is a bug: fail loudly.
void __cxa_pure_virtual() { bsp::board_exit(70); }

}  // extern "C"
