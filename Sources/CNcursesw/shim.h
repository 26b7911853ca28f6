#ifndef SITECTL_CNCURSESW_SHIM_H
#define SITECTL_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline WINDOW *sitectl_stdscr(void) { return stdscr; }
static inline int sitectl_lines(void) { return LINES; }
static inline int sitectl_cols(void) { return COLS; }
static inline int sitectl_color_pair(int n) { return COLOR_PAIR(n); }
static inline unsigned int sitectl_a_bold(void) { return A_BOLD; }
static inline unsigned int sitectl_a_reverse(void) { return A_REVERSE; }
static inline unsigned int sitectl_a_dim(void) { return A_DIM; }
static inline unsigned int sitectl_a_underline(void) { return A_UNDERLINE; }
static inline int sitectl_key_resize(void) { return KEY_RESIZE; }
/* Swift 6 rejects the C globals stdin/stdout as not concurrency-safe; newterm needs them. */
static inline FILE *sitectl_stdin(void) { return stdin; }
static inline FILE *sitectl_stdout(void) { return stdout; }
#endif
