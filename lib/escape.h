/* escape: the linear-TSV field escaping of the stream (man newsutils.7).
 *
 * A field never holds a raw TAB, LF, CR or backslash; they travel as \t, \n,
 * \r and \\. Every other byte, NUL and invalid UTF-8 included, is copied as
 * it is, which keeps unescape(text) == document[start:end] byte-exact. */
#ifndef NEWS_ESCAPE_H
#define NEWS_ESCAPE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include "buf.h"

/* Whether any of the eight bytes at s may need escaping: a control byte
 * below 0x0E (TAB, LF and CR among them) or a backslash. Checking a block
 * at a time lets plain text go by at memcpy speed. */
static inline int news_may_escape8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t low = (w - ones * 0x0E) & ~w & highs;
	uint64_t bs = w ^ (ones * '\\');
	return ((low | ((bs - ones) & ~bs & highs))) != 0;
}

#ifdef __SSE2__
/* The same for the sixteen bytes at s, where x86 reads them in one load. */
static inline int news_may_escape16(const char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x0D)), x);
	__m128i bs = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
	return _mm_movemask_epi8(_mm_or_si128(low, bs)) != 0;
}
#endif

/* Append the escaped form of s[0..n) to out. */
void news_escape(struct nbuf *out, const char *s, size_t n);
/* Append the unescaped form of s[0..n) to out. An unknown escape \x stands
 * for x; a lone trailing backslash stands for itself. */
void news_unescape(struct nbuf *out, const char *s, size_t n);
/* Whether s[0..n) unescapes to exactly want[0..wn) (no allocation). */
int news_unescaped_equals(const char *s, size_t n, const char *want, size_t wn);

#endif
