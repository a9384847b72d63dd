#include "utf8.h"

#include <utf8proc.h>

#include "buf.h"

uint32_t news_utf8_decode(const char *str, size_t n, size_t i, size_t *adv)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[i];
	if (c < 0x80) {
		*adv = 1;
		return c;
	}
	size_t len;
	uint32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4; cp = c & 0x07; min = 0x10000;
	} else {
		*adv = 1;
		return NEWS_REPLACEMENT;
	}
	if (i + len > n) {
		*adv = 1;
		return NEWS_REPLACEMENT;
	}
	for (size_t k = 1; k < len; k++) {
		if ((s[i + k] & 0xC0) != 0x80) {
			*adv = 1;
			return NEWS_REPLACEMENT;
		}
		cp = (cp << 6) | (s[i + k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*adv = 1;
		return NEWS_REPLACEMENT;
	}
	*adv = len;
	return cp;
}

uint32_t news_utf8_decode_back(const char *str, size_t i, size_t *back)
{
	const unsigned char *s = (const unsigned char *)str;
	/* Walk back over at most three continuation bytes to a lead byte, and
	 * accept it only if it decodes to exactly the bytes up to i. */
	size_t k = i;
	int cont = 0;
	while (k > 0 && cont < 4 && (s[k - 1] & 0xC0) == 0x80) {
		k--;
		cont++;
	}
	if (k > 0 && cont < 4) {
		size_t adv;
		uint32_t cp = news_utf8_decode(str, i, k - 1, &adv);
		if (k - 1 + adv == i && (adv > 1 || cp < 0x80)) {
			*back = adv;
			return cp;
		}
	}
	*back = 1;
	return s[i - 1] < 0x80 ? s[i - 1] : NEWS_REPLACEMENT;
}

size_t news_utf8_encode(uint32_t cp, char *out)
{
	ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, (utf8proc_uint8_t *)out);
	return n > 0 ? (size_t)n : 0;
}

int news_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	switch (cp) {
	case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202F: case 0x205F: case 0x3000: case 0x200B: case 0xFEFF:
		return 1;
	}
	return cp >= 0x2000 && cp <= 0x200A;
}

int news_is_newline(uint32_t cp)
{
	return (cp >= 0x0A && cp <= 0x0D) || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static utf8proc_category_t category(uint32_t cp)
{
	return utf8proc_category((utf8proc_int32_t)cp);
}

int news_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	utf8proc_category_t c = category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int news_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int news_is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

int news_is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return category(cp) == UTF8PROC_CATEGORY_ND;
}

int news_is_alnum(uint32_t cp)
{
	return news_is_letter(cp) || news_is_digit(cp);
}

int news_is_quote(uint32_t cp)
{
	switch (cp) {
	case '"': case '\'': case 0xAB: case 0xBB: case 0x2018: case 0x2019:
	case 0x201A: case 0x201B: case 0x201C: case 0x201D: case 0x201E:
	case 0x201F: case 0x2039: case 0x203A: case 0x300C: case 0x300D:
		return 1;
	}
	return 0;
}

int news_is_dash(uint32_t cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

size_t news_skip_space(const char *s, size_t n, size_t i)
{
	while (i < n) {
		size_t adv;
		uint32_t cp = news_utf8_decode(s, n, i, &adv);
		if (!news_is_space(cp))
			break;
		i += adv;
	}
	return i;
}

size_t news_trim_back(const char *s, size_t start, size_t end)
{
	while (end > start) {
		size_t back;
		uint32_t cp = news_utf8_decode_back(s, end, &back);
		if (!news_is_space(cp) || end - back < start)
			break;
		end -= back;
	}
	return end;
}

uint32_t news_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t news_toupper(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
	return (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
}

void news_lower_utf8(struct nbuf *out, const char *s, size_t n)
{
	nbuf_reserve(out, n);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			nbuf_addc(out, (char)((c >= 'A' && c <= 'Z') ? c + 32 : c));
			i++;
			continue;
		}
		size_t adv;
		uint32_t cp = news_utf8_decode(s, n, i, &adv);
		char enc[4];
		nbuf_add(out, enc, news_utf8_encode(news_tolower(cp), enc));
		i += adv;
	}
}
