/* timex_cal: proleptic Gregorian calendar arithmetic for date normalisation.
 *
 * Temporal expressions are resolved by moving from the anchor date by days,
 * weeks, months or years and by naming ISO weeks, quarters and holidays;
 * this module does that arithmetic on plain (year, month, day) triples, with
 * day numbers counted from 1970-01-01 so that differences are subtractions. */
#ifndef NEWS_TIMEX_CAL_H
#define NEWS_TIMEX_CAL_H

struct timex_date {
	int y, m, d;
};

/* Days since 1970-01-01 (negative before). */
long timex_days(int y, int m, int d);
struct timex_date timex_from_days(long n);
int timex_month_len(int y, int m);
/* ISO weekday: Monday 1 .. Sunday 7. */
int timex_weekday(int y, int m, int d);
/* ISO 8601 week: *wy gets the week-numbering year, returns the week 1..53. */
int timex_iso_week(int y, int m, int d, int *wy);
/* Monday of ISO week w of week-year wy. */
struct timex_date timex_week_monday(int wy, int w);
/* Add n days / n months (day clamped to the month's length) / n years. */
struct timex_date timex_add_days(struct timex_date a, long n);
struct timex_date timex_add_months(struct timex_date a, int n);
/* The n-th (1..5) weekday wd of month m, or the last one when n is -1. */
int timex_nth_weekday(int y, int m, int wd, int n);
/* Whether y-m-d is a real calendar date. */
int timex_valid(int y, int m, int d);

#endif
