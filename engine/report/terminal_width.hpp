// report/terminal_width.hpp — how wide text output should be: the terminal behind a file
// descriptor, or what COLUMNS says, or 100 columns.
//
//   std::size_t w = leda::report::terminal_width(STDOUT_FILENO);   // 0: not a terminal
//   std::size_t t = leda::report::text_width(STDOUT_FILENO);       // COLUMNS, terminal, or 100
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string>

#include <sys/ioctl.h>
#include <unistd.h>

namespace leda::report {

/// The width of text written where no terminal tells one (a pipe, a file).
inline constexpr std::size_t kDefaultTextWidth = 100;

/// The column count of the terminal `fd` writes to; 0 when `fd` is not a terminal.
inline std::size_t terminal_width(int fd) {
  if (fd < 0 || !::isatty(fd)) return 0;
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return 80;
  return ws.ws_col;
}

/// The width of text written to `fd` (-1: a file): the COLUMNS environment variable when it is
/// a positive number (as `ls` does), else the terminal's width, else kDefaultTextWidth.
inline std::size_t text_width(int fd) {
  if (const char* env = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(env, &end, 10);
    if (end != env && *end == '\0' && n > 0 && n < 100000) return static_cast<std::size_t>(n);
  }
  if (const std::size_t tty = terminal_width(fd)) return tty;
  return kDefaultTextWidth;
}

}  // namespace leda::report
