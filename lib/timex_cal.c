/* timex_cal: calendar arithmetic (see timex_cal.h). */
#include "timex_cal.h"

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int timex_month_len(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12)
		return 31;
	return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

int timex_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= timex_month_len(y, m);
}

/* The days-from-civil construction: shift the year to start in March so the
 * leap day is the last day of the shifted year, then count 400-year eras. */
long timex_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long mp = (m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct timex_date timex_from_days(long n)
{
	n += 719468;
	long era = (n >= 0 ? n : n - 146096) / 146097;
	long doe = n - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct timex_date r;
	r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	r.y = (int)(yoe + era * 400 + (r.m <= 2));
	return r;
}

int timex_weekday(int y, int m, int d)
{
	long n = timex_days(y, m, d);     /* 1970-01-01 was a Thursday */
	long w = ((n % 7) + 7 + 3) % 7;   /* 0 = Monday */
	return (int)w + 1;
}

int timex_iso_week(int y, int m, int d, int *wy)
{
	/* The week belongs to the year of its Thursday. */
	long n = timex_days(y, m, d);
	long thu = n - timex_weekday(y, m, d) + 4;
	struct timex_date t = timex_from_days(thu);
	long jan1 = timex_days(t.y, 1, 1);
	if (wy)
		*wy = t.y;
	return (int)((thu - jan1) / 7 + 1);
}

struct timex_date timex_week_monday(int wy, int w)
{
	/* Jan 4 is always in week 1. */
	long jan4 = timex_days(wy, 1, 4);
	long mon1 = jan4 - timex_weekday(wy, 1, 4) + 1;
	return timex_from_days(mon1 + 7L * (w - 1));
}

struct timex_date timex_add_days(struct timex_date a, long n)
{
	return timex_from_days(timex_days(a.y, a.m, a.d) + n);
}

struct timex_date timex_add_months(struct timex_date a, int n)
{
	long mi = (long)a.y * 12 + (a.m - 1) + n;
	struct timex_date r;
	r.y = (int)(mi >= 0 ? mi / 12 : -((-mi + 11) / 12));
	r.m = (int)(mi - (long)r.y * 12) + 1;
	int len = timex_month_len(r.y, r.m);
	r.d = a.d > len ? len : a.d;
	return r;
}

int timex_nth_weekday(int y, int m, int wd, int n)
{
	if (n < 0) {
		int last = timex_month_len(y, m);
		int w = timex_weekday(y, m, last);
		return last - ((w - wd + 7) % 7);
	}
	int w1 = timex_weekday(y, m, 1);
	int d = 1 + (wd - w1 + 7) % 7 + 7 * (n - 1);
	return d <= timex_month_len(y, m) ? d : d - 7;
}
