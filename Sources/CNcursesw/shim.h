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
/* Mouse: the BUTTON* masks are macros Swift cannot import. Clicks and the wheel only, never motion (1003 floods). */
static inline int sitectl_key_mouse(void) { return KEY_MOUSE; }
static inline int sitectl_key_btab(void) { return KEY_BTAB; }
static inline void sitectl_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/* Reads the pending mouse event: kind 0 press, 1 release, 2 wheel up, 3 wheel down; -1 when there is none. */
static inline int sitectl_get_mouse(int *row, int *col) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *row = event.y;
    *col = event.x;
    if (event.bstate & BUTTON1_PRESSED) return 0;
    if (event.bstate & BUTTON1_RELEASED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    return -1;
}
#endif
