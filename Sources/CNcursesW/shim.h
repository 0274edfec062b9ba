// The only C in Cabinet: ncursesw's wide-character API for Swift.
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide API explicitly.
#ifndef CABINET_CNCURSESW_SHIM_H
#define CABINET_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Attribute macros that do not import into Swift.
static inline attr_t cab_a_normal(void) { return A_NORMAL; }
static inline attr_t cab_a_bold(void) { return A_BOLD; }
static inline attr_t cab_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cab_a_reverse(void) { return A_REVERSE; }

// Globals that Swift 6 rejects as not concurrency-safe, read through functions.
// (The screen size comes from getmaxyx on the window, not LINES/COLS.)
static inline WINDOW *cab_stdscr(void) { return stdscr; }
static inline int cab_colors(void) { return COLORS; }

// The standard streams, for newterm().
static inline FILE *cab_stdin(void) { return stdin; }
static inline FILE *cab_stdout(void) { return stdout; }

// getmaxyx is a macro.
static inline int cab_getmaxy(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)x; return y; }
static inline int cab_getmaxx(WINDOW *window) { int y, x; getmaxyx(window, y, x); (void)y; return x; }

// Mouse events and function keys: macros built from other macros.
static inline mmask_t cab_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cab_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline int cab_key_f(int n) { return KEY_F(n); }

// wcwidth lives in <wchar.h> only under _XOPEN_SOURCE, which SwiftPM drops.
extern int wcwidth(wchar_t wc);

#endif
