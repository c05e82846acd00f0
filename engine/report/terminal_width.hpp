// report/terminal_width.hpp — how wide the terminal behind a file descriptor is.
//
//   std::size_t w = leda::report::terminal_width(STDOUT_FILENO);   // 0: not a terminal
#pragma once

#include <cstddef>

#include <sys/ioctl.h>
#include <unistd.h>

namespace leda::report {

/// The column count of the terminal `fd` writes to; 0 when `fd` is not a terminal.
inline std::size_t terminal_width(int fd) {
  if (!::isatty(fd)) return 0;
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return 80;
  return ws.ws_col;
}

}  // namespace leda::report
