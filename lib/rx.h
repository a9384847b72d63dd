/* rx: a thin pcre2 wrapper: compile once, JIT, match many times.
 *
 * Patterns are compiled with PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP,
 * so invalid bytes in a document are barriers a match cannot cross instead of
 * errors, and \w, \b, \d are Unicode-aware. Each news_rx owns its match data,
 * reused for every match: one news_rx per thread. */
#ifndef NEWS_RX_H
#define NEWS_RX_H

#include <stddef.h>

struct news_rx;

/* Options for news_rx_new, so callers need not include pcre2.h (the values
 * are pcre2's; rx.c checks that they agree). */
#define NEWS_RX_CASELESS  0x00000008u
#define NEWS_RX_DOTALL    0x00000020u
#define NEWS_RX_EXTENDED  0x00000080u
#define NEWS_RX_MULTILINE 0x00000400u
/* Anchored at compile time: the JIT honours only this form of anchoring. */
#define NEWS_RX_ANCHORED  0x80000000u

/* Compile pattern with extra pcre2 options (NEWS_RX_* or PCRE2_*). A pattern
 * that does not compile is a programming error: message on stderr, abort. */
struct news_rx *news_rx_new(const char *pattern, unsigned extra_options);
void news_rx_free(struct news_rx *rx);

/* Match in s[0..n) starting at offset from. Returns the number of captured
 * groups + 1 on a match (0 if none). ov gets 2 * groups offsets. */
int news_rx_match(struct news_rx *rx, const char *s, size_t n, size_t from);
/* Offsets of group g of the last successful match (PCRE2_UNSET if unset). */
size_t news_rx_start(const struct news_rx *rx, int g);
size_t news_rx_end(const struct news_rx *rx, int g);
/* Group number of a named group, or -1. */
int news_rx_group(const struct news_rx *rx, const char *name);
/* Match anchored at exactly offset from. */
int news_rx_match_at(struct news_rx *rx, const char *s, size_t n, size_t from);

#endif
