/* utf8: decoding that never fails, and the character classes text rules need.
 *
 * Documents arrive with invalid sequences, NUL bytes, BOMs and CRLF. Decoding
 * maps every invalid byte to U+FFFD and advances by one, so scanning always
 * makes progress and offsets stay byte offsets into the original. */
#ifndef NEWS_UTF8_H
#define NEWS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define NEWS_REPLACEMENT 0xFFFDu

/* Decode the code point at s[i] (i < n); *adv gets its length in bytes (>= 1). */
uint32_t news_utf8_decode(const char *s, size_t n, size_t i, size_t *adv);
/* Decode the code point that ends just before s[i] (i > 0); *back gets its length. */
uint32_t news_utf8_decode_back(const char *s, size_t i, size_t *back);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t news_utf8_encode(uint32_t cp, char *out);

/* White space for text purposes: ASCII space and controls TAB/LF/VT/FF/CR,
 * NEL, no-break space, the Unicode space separators, line/paragraph
 * separators, zero-width space and the BOM. */
int news_is_space(uint32_t cp);
/* Line breaks: LF, CR, VT, FF, NEL, U+2028, U+2029. */
int news_is_newline(uint32_t cp);
int news_is_letter(uint32_t cp);   /* Unicode L* categories */
int news_is_upper(uint32_t cp);    /* Lu, Lt */
int news_is_lower(uint32_t cp);    /* Ll */
int news_is_digit(uint32_t cp);    /* Nd */
int news_is_alnum(uint32_t cp);
/* Opening and closing quotation marks: " ' “ ” ‘ ’ « » ‹ › „ ‚ and friends. */
int news_is_quote(uint32_t cp);
int news_is_dash(uint32_t cp);     /* - ‐ ‑ ‒ – — ― */

/* Skip white space forward from i (returns the first non-space offset or n). */
size_t news_skip_space(const char *s, size_t n, size_t i);
/* Trim white space back from end (returns the new end, >= start). */
size_t news_trim_back(const char *s, size_t start, size_t end);

/* Simple case folding of one code point (utf8proc). */
uint32_t news_tolower(uint32_t cp);
uint32_t news_toupper(uint32_t cp);
/* Append the lower-cased form of s[0..n) to out (invalid bytes kept as U+FFFD). */
struct nbuf;
void news_lower_utf8(struct nbuf *out, const char *s, size_t n);

#endif
