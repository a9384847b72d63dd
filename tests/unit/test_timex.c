/* Unit tests of the calendar arithmetic and the timex engine. */
#include <string.h>
#include "timex.h"
#include "timex_cal.h"
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
	int em, ed = timex_easter(2004, &em);
	CHECK(em == 4 && ed == 11);
	ed = timex_easter(2013, &em);
	CHECK(em == 3 && ed == 31);
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

	timex_state_free(st);
	timex_engine_free(e);
	return unit_status("test_timex");
}
