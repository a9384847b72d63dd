#include "token.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

/* Words that keep a following period (titles, months, company forms): the
 * period belongs to the abbreviation, not to the sentence. */
static const char *const period_words[] = {
	"Adm", "Ald", "Apr", "Aug", "Ave", "Blvd", "Brig", "Capt", "Cmdr", "Co",
	"Col", "Comdr", "Corp", "Cpl", "Dec", "Dept", "Dr", "Feb", "Fla", "Fr",
	"Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd",
	"Maj", "Mar", "Messrs", "Mme", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct",
	"Ph", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep",
	"Sept", "Sgt", "Sr", "St", "Supt", "etc", "vs",
};

static int is_period_word(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof period_words / sizeof *period_words; i++)
		if (strlen(period_words[i]) == n && memcmp(period_words[i], s, n) == 0)
			return 1;
	return 0;
}

static uint32_t peek(const char *s, size_t end, size_t i, size_t *adv)
{
	if (i >= end) {
		*adv = 0;
		return 0;
	}
	return news_utf8_decode(s, end, i, adv);
}

static int is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Length of a clitic ('s, n't, 're, 've, 'll, 'd, 'm) starting at i and
 * ending the word, or 0. */
static size_t clitic_at(const char *s, size_t end, size_t i)
{
	size_t adv, a2;
	uint32_t c = peek(s, end, i, &adv);
	if ((c == 'n' || c == 'N') && is_apostrophe(peek(s, end, i + 1, &a2))) {
		uint32_t t = peek(s, end, i + 1 + a2, &adv);
		if (t == 't' || t == 'T') {
			size_t stop = i + 1 + a2 + 1;
			uint32_t after = peek(s, end, stop, &adv);
			if (!news_is_letter(after))
				return stop - i;
		}
		return 0;
	}
	if (!is_apostrophe(c))
		return 0;
	size_t j = i + adv;
	static const char *const tails[] = {"s", "re", "ve", "ll", "d", "m"};
	for (size_t k = 0; k < sizeof tails / sizeof *tails; k++) {
		size_t tl = strlen(tails[k]);
		if (j + tl > end)
			continue;
		int same = 1;
		for (size_t m = 0; m < tl; m++)
			if ((s[j + m] | 0x20) != tails[k][m])
				same = 0;
		if (!same)
			continue;
		uint32_t after = peek(s, end, j + tl, &adv);
		if (!news_is_alnum(after))
			return j + tl - i;
	}
	return 0;
}

static unsigned char case_flags(const char *s, size_t start, size_t stop)
{
	int letters = 0, upper = 0, lower = 0, first_upper = -1;
	unsigned char f = 0;
	for (size_t i = start; i < stop;) {
		size_t adv;
		uint32_t cp = news_utf8_decode(s, stop, i, &adv);
		if (news_is_letter(cp)) {
			letters++;
			if (news_is_upper(cp))
				upper++;
			else if (news_is_lower(cp))
				lower++;
			if (first_upper < 0)
				first_upper = news_is_upper(cp);
		} else if (news_is_digit(cp)) {
			f |= NEWS_TF_DIGIT;
		} else if (news_is_dash(cp)) {
			f |= NEWS_TF_HYPHEN;
		}
		i += adv;
	}
	if (first_upper > 0)
		f |= NEWS_TF_CAP;
	if (letters && upper == letters && (letters > 1 || s[stop - 1] == '.'))
		f |= NEWS_TF_ALLCAPS;
	if (letters && lower == letters)
		f |= NEWS_TF_LOWER;
	if (stop > start && s[stop - 1] == '.')
		f |= NEWS_TF_PERIOD;
	return f;
}

static void push(struct news_tokens *out, size_t start, size_t stop,
                 unsigned char type, unsigned char flags)
{
	NEWS_GROW(out->t, out->cap, out->n + 1);
	out->t[out->n++] = (struct news_token){start, stop, type, flags};
}

/* A word: letters and digits, joined by internal hyphens, apostrophes
 * (O'Brien) and periods between single letters (U.S.A.). Returns its end. */
static size_t scan_word(const char *s, size_t end, size_t i, int *dotted)
{
	size_t adv, a2;
	*dotted = 0;
	while (i < end) {
		uint32_t cp = peek(s, end, i, &adv);
		if (news_is_alnum(cp) || (cp >= 0x300 && cp <= 0x36F)) {
			i += adv;
			continue;
		}
		uint32_t next = peek(s, end, i + adv, &a2);
		if ((news_is_dash(cp) && cp != 0x2014 && cp != 0x2013) && news_is_alnum(next)) {
			i += adv;
			continue;
		}
		if (is_apostrophe(cp) && news_is_letter(next) && !clitic_at(s, end, i)) {
			i += adv;
			continue;
		}
		if (cp == '.' && news_is_letter(next)) {
			/* U.S. / a.m.: a single letter before and after the period */
			size_t a3;
			uint32_t after = peek(s, end, i + adv + a2, &a3);
			size_t back;
			news_utf8_decode_back(s, i, &back);
			int single_before = i - back == 0 || !news_is_letter(
				news_utf8_decode_back(s, i - back, &a3)) || *dotted;
			if (single_before && (after == '.' || !news_is_alnum(after))) {
				*dotted = 1;
				i += adv;
				continue;
			}
		}
		break;
	}
	return i;
}

void news_tokenize(const char *s, size_t start, size_t end, struct news_tokens *out)
{
	size_t i = start, adv, a2;
	while (i < end) {
		uint32_t cp = peek(s, end, i, &adv);
		if (news_is_space(cp)) {
			i += adv;
			continue;
		}
		size_t b = i;
		if (news_is_letter(cp)) {
			int dotted;
			size_t stop = scan_word(s, end, i, &dotted);
			/* split a trailing clitic: NATO's -> NATO 's; don't -> do n't */
			size_t cl = 0;
			for (size_t k = b + 1; k < stop; k++) {
				if ((s[k] == 'n' || s[k] == 'N') && (cl = clitic_at(s, end, k)) && k + cl == stop)
					break;
				cl = 0;
			}
			if (cl) {
				push(out, b, stop - cl, NEWS_TOK_WORD, case_flags(s, b, stop - cl));
				push(out, stop - cl, stop, NEWS_TOK_WORD, (unsigned char)(NEWS_TF_CLITIC | case_flags(s, stop - cl, stop)));
				i = stop;
				continue;
			}
			if (stop < end && s[stop] == '.' &&
			    (dotted || stop - b == 1 || is_period_word(s + b, stop - b)))
				stop++;
			push(out, b, stop, NEWS_TOK_WORD, case_flags(s, b, stop));
			if ((cl = clitic_at(s, end, stop)) != 0) {
				push(out, stop, stop + cl, NEWS_TOK_WORD, (unsigned char)(NEWS_TF_CLITIC | case_flags(s, stop, stop + cl)));
				stop += cl;
			}
			i = stop;
			continue;
		}
		if (news_is_digit(cp)) {
			size_t stop = i;
			for (;;) {
				uint32_t c = peek(s, end, stop, &adv);
				if (news_is_alnum(c)) {
					stop += adv;
					continue;
				}
				uint32_t next = peek(s, end, stop + adv, &a2);
				if ((c == ',' || c == '.' || c == ':' || c == '/') && news_is_digit(next)) {
					stop += adv;
					continue;
				}
				break;
			}
			push(out, b, stop, NEWS_TOK_NUM, case_flags(s, b, stop));
			i = stop;
			continue;
		}
		/* runs of periods (ellipsis) and of hyphens (--) stay one token */
		if (cp == '.' || cp == '-') {
			size_t stop = i + 1;
			while (stop < end && s[stop] == (char)cp)
				stop++;
			push(out, b, stop, NEWS_TOK_PUNCT, 0);
			i = stop;
			continue;
		}
		unsigned char type = news_is_letter(cp) || cp >= 0x2000 || cp < 0x80 ? NEWS_TOK_PUNCT : NEWS_TOK_SYM;
		if (cp == NEWS_REPLACEMENT || (cp >= 0x80 && cp < 0x2000 && !news_is_letter(cp)))
			type = NEWS_TOK_SYM;
		push(out, b, i + adv, type, news_is_quote(cp) ? NEWS_TF_QUOTE : 0);
		i += adv;
	}
}

void news_tokens_free(struct news_tokens *tv)
{
	free(tv->t);
	tv->t = NULL;
	tv->n = tv->cap = 0;
}
