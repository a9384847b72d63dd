/* Unit tests of the calendar arithmetic and the timex engine. */
#include <string.h>
#include "calendar.h"
#include "timex.h"
#include "timex_cal.h"
#include "timex_lex.h"
#include "unit.h"

/* The value of the first expression found in s, or "" when none. */
static const char *first_value(struct timex_engine *e, struct timex_state *st,
                               const char *s, const char *anchor)
{
	static char out[48];
	struct timex_anchor a;
	memset(&a, 0, sizeof a);
	if (anchor)
		timex_anchor_parse(&a, anchor, strlen(anchor));
	timex_state_reset(st);
	timex_find(e, st, s, 0, strlen(s), &a);
	size_t n;
	const struct timex_result *r = timex_results(st, &n);
	snprintf(out, sizeof out, "%s", n ? r[0].value : "");
	return out;
}

int main(void)
{
	/* calendar */
	CHECK(timex_days(1970, 1, 1) == 0);
	CHECK(timex_days(2000, 3, 1) - timex_days(2000, 2, 28) == 2);
	struct timex_date d = timex_from_days(timex_days(2004, 7, 29));
	CHECK(d.y == 2004 && d.m == 7 && d.d == 29);
	CHECK(timex_weekday(2004, 7, 29) == 4);
	CHECK(timex_weekday(2013, 2, 12) == 2);
	int wy;
	CHECK(timex_iso_week(2004, 7, 29, &wy) == 31 && wy == 2004);
	CHECK(timex_iso_week(2005, 1, 1, &wy) == 53 && wy == 2004);
	CHECK(timex_iso_week(2008, 12, 29, &wy) == 1 && wy == 2009);
	d = timex_week_monday(2004, 31);
	CHECK(d.m == 7 && d.d == 26);
	d = timex_add_months((struct timex_date){2004, 1, 31}, 1);
	CHECK(d.m == 2 && d.d == 29);
	d = timex_add_months((struct timex_date){2004, 1, 15}, -2);
	CHECK(d.y == 2003 && d.m == 11);
	CHECK(timex_nth_weekday(2004, 11, 4, 4) == 25);   /* Thanksgiving */
	CHECK(timex_nth_weekday(2004, 5, 1, -1) == 31);   /* Memorial Day */
	CHECK(!timex_valid(2003, 2, 29) && timex_valid(2004, 2, 29));

	/* anchors */
	struct timex_anchor a;
	CHECK(timex_anchor_parse(&a, "2004-07-29", 10) && a.y == 2004 && !a.has_time);
	CHECK(timex_anchor_parse(&a, "2013-02-12T04:30", 16) && a.has_time && a.hh == 4);
	CHECK(!timex_anchor_parse(&a, "July 2004", 9));
	CHECK(!timex_anchor_parse(&a, "2004-02-30", 10));

	/* the engine */
	struct timex_engine *e = timex_engine_new();
	struct timex_state *st = timex_state_new();
	CHECK_STR(first_value(e, st, "They met Thursday.", "2004-07-29"), "2004-07-29");
	CHECK_STR(first_value(e, st, "They will meet Friday.", "2004-07-29"), "2004-07-30");
	CHECK_STR(first_value(e, st, "They met Friday.", "2004-07-29"), "2004-07-23");
	CHECK_STR(first_value(e, st, "They meet Thursday.", NULL), "XXXX-WXX-4");
	CHECK_STR(first_value(e, st, "It fell in the third quarter.", "1989-10-27"), "1989-Q3");
	CHECK_STR(first_value(e, st, "The quarter was weak.", "1989-10-27"), "1989-Q3");
	CHECK_STR(first_value(e, st, "It was the 1960s.", "2004-07-29"), "196");
	CHECK_STR(first_value(e, st, "It lasted two weeks.", "2004-07-29"), "P2W");
	CHECK_STR(first_value(e, st, "Nothing here at all.", "2004-07-29"), "");
	CHECK_STR(first_value(e, st, "He paid $5 million.", "2004-07-29"), "");

	/* a quarter named earlier makes "a year ago" that quarter last year */
	struct timex_anchor q;
	timex_anchor_parse(&q, "1989-10-27", 10);
	timex_state_reset(st);
	const char *s1 = "Profit rose in the third quarter.";
	const char *s2 = "It fell a year ago.";
	timex_find(e, st, s1, 0, strlen(s1), &q);
	timex_clear_results(st);
	timex_find(e, st, s2, 0, strlen(s2), &q);
	size_t n;
	const struct timex_result *r = timex_results(st, &n);
	CHECK(n == 1);
	if (n)
		CHECK_STR(r[0].value, "1988-Q3");

	/* a dateline */
	const char *doc = "WASHINGTON, July 29, 2004 (AP) -- Talks went on.";
	CHECK(timex_find_dateline(e, st, doc, strlen(doc), &a) && a.y == 2004 && a.m == 7 && a.d == 29);
	const char *nodate = "Talks went on in July.";
	CHECK(!timex_find_dateline(e, st, nodate, strlen(nodate), &a));

	/* the word table: words of every length hash alike from any buffer,
	 * in any case, and only their own bytes count */
	struct news_calendar *cal = news_calendar_new();
	struct timex_lex *lx = timex_lex_new(cal);
	CHECK(timex_lex_get(lx, "july", 4) && (timex_lex_get(lx, "july", 4)->mask & (1u << TX_MONTH)));
	CHECK(timex_lex_get(lx, "thirteenth", 10) != NULL);
	CHECK(timex_lex_get(lx, "approximately", 13) != NULL);   /* 9..16 bytes */
	CHECK(timex_lex_get(lx, "jul", 3) && !timex_lex_get(lx, "ju", 2) && !timex_lex_get(lx, "julyx", 5));
	CHECK(timex_lex_get(lx, "thirteenthx", 11) == NULL);
	CHECK(timex_lex_get(lx, "christmas", 9) != NULL);
	unsigned char text[64] = "ThIrTeEnTh of JULY";   /* zero-padded */
	struct timex_word8 k = timex_word8_letters(text, 10);
	const struct timex_lex_entry *en = timex_lex_find(lx, &k);
	CHECK(en && en->n == 10 && memcmp(en->w, "thirteenth", 10) == 0);
	k = timex_word8_letters(text + 14, 4);
	en = timex_lex_find(lx, &k);
	CHECK(en && (en->flags & TIMEX_W_TRIGGER));
	k = timex_word8_letters(text + 11, 2);   /* "of": in no list */
	CHECK(timex_lex_find(lx, &k) == NULL || !(timex_lex_find(lx, &k)->flags & TIMEX_W_TRIGGER));
	unsigned char nyd[32] = "new year's day";
	k = timex_word8_letters(nyd, 3);
	en = timex_lex_find(lx, &k);
	CHECK(en && (en->flags & TIMEX_W_HOLIDAY));   /* a holiday name begins with "new" */
	k = timex_word8_letters((const unsigned char *)"assumption\0\0\0\0\0\0\0\0", 10);
	en = timex_lex_find(lx, &k);
	CHECK(en && (en->flags & TIMEX_W_AFTER_THE));   /* the Assumption */
	timex_lex_free(lx);
	news_calendar_free(cal);

	/* the prefilter: words across its 64-byte blocks, long words, "the"
	 * before a holiday name and before other words */
	CHECK_STR(first_value(e, st, "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Thursday",
	                      "2004-07-29"), "2004-07-29");
	CHECK_STR(first_value(e, st, "Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Thursday",
	                      "2004-07-29"), "2004-07-29");
	CHECK_STR(first_value(e, st, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	                      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa went on until 2004.", NULL), "2004");
	CHECK_STR(first_value(e, st, "Supercalifragilisticexpialidocious events", NULL), "");
	CHECK_STR(first_value(e, st, "The Fourth of July parade drew crowds.", "2004-07-29"), "2004-07-04");
	CHECK_STR(first_value(e, st, "The Assumption is a feast.", "2004-07-29"), "2004-08-15");
	CHECK_STR(first_value(e, st, "The parade drew crowds.", "2004-07-29"), "");
	CHECK_STR(first_value(e, st, "At the  Christmas market they sang.", "2004-07-29"), "2004-12-25");

	timex_state_free(st);
	timex_engine_free(e);
	return unit_status("test_timex");
}
