// Console output for the app: printf-style lines formatted by the middleware's small formatter
// (strata/format.hpp), so no newlib printf is linked into the firmware.
//
// Lines meant for host tools start with '@' followed by a record name and key=value fields
// (e.g. `@info board=mps2-an500 clock_hz=25000000`); their fields are stable, humans may skip them.
#pragma once

namespace app {

void print(const char* text);
void printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

}  // namespace app
