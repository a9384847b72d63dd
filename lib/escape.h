/* escape: the linear-TSV field escaping of the stream (man newsutils.7).
 *
 * A field never holds a raw TAB, LF, CR or backslash; they travel as \t, \n,
 * \r and \\. Every other byte, NUL and invalid UTF-8 included, is copied as
 * it is, which keeps unescape(text) == document[start:end] byte-exact. */
#ifndef NEWS_ESCAPE_H
#define NEWS_ESCAPE_H

#include <stddef.h>
#include "buf.h"

/* Append the escaped form of s[0..n) to out. */
void news_escape(struct nbuf *out, const char *s, size_t n);
/* Append the unescaped form of s[0..n) to out. An unknown escape \x stands
 * for x; a lone trailing backslash stands for itself. */
void news_unescape(struct nbuf *out, const char *s, size_t n);
/* Whether s[0..n) unescapes to exactly want[0..wn) (no allocation). */
int news_unescaped_equals(const char *s, size_t n, const char *want, size_t wn);

#endif
