#include "calendar.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wordlist.h"

NEWS_DATA(calendar_holidays);

/* ---- day numbers --------------------------------------------------------
 * "rd" counts days with day 1 = Gregorian 0001-01-01; the Julian Day at the
 * midnight starting day rd is rd + 1721424.5. */

static int greg_leap(long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static long rd_from_greg(long y, int m, int d)
{
	long py = y - 1;
	long n = 365 * py + py / 4 - py / 100 + py / 400 + (367L * m - 362) / 12;
	if (m > 2)
		n -= greg_leap(y) ? 1 : 2;
	return n + d;
}

static void greg_from_rd(long rd, int *y, int *m, int *d)
{
	long yy = rd * 400 / 146097 + 1;
	while (rd_from_greg(yy, 1, 1) > rd)
		yy--;
	while (rd_from_greg(yy + 1, 1, 1) <= rd)
		yy++;
	int mm = 12;
	while (rd_from_greg(yy, mm, 1) > rd)
		mm--;
	*y = (int)yy;
	*m = mm;
	*d = (int)(rd - rd_from_greg(yy, mm, 1) + 1);
}

static long rd_from_julian(long y, int m, int d)
{
	long py = y - 1;
	long n = -2 + 365 * py + py / 4 + (367L * m - 362) / 12;
	if (m > 2)
		n -= (y % 4 == 0) ? 1 : 2;
	return n + d;
}

static int weekday(long rd) { return (int)(((rd % 7) + 7) % 7); }  /* 0 = Sunday */

static double jd_from_rd(long rd) { return (double)rd + 1721424.5; }

/* The rd of the civil day containing Julian Day jd at UTC offset hours. */
static long rd_at(double jd, double utc_offset_hours)
{
	return (long)floor(jd - 1721424.5 + utc_offset_hours / 24.0);
}

/* ---- fixed and weekday rules ------------------------------------------- */

/* The nth (1..5) weekday wd of month m, or the last when n < 0. */
static long nth_weekday(int y, int m, int wd, int n)
{
	if (n > 0) {
		long first = rd_from_greg(y, m, 1);
		return first + (wd - weekday(first) + 7) % 7 + 7L * (n - 1);
	}
	long last = (m == 12 ? rd_from_greg(y + 1, 1, 1) : rd_from_greg(y, m + 1, 1)) - 1;
	return last - (weekday(last) - wd + 7) % 7 + 7L * (n + 1);
}

/* The weekday wd on or before rd. */
static long weekday_on_or_before(long rd, int wd) { return rd - (weekday(rd) - wd + 7) % 7; }

/* ---- Easter ---------------------------------------------------------------
 * Gregorian computus (epact with the solar and lunar corrections) and the
 * Julian computus of the Orthodox churches, converted to Gregorian. */

static long easter_western(int y)
{
	int golden = y % 19;
	int century = y / 100;
	int lunar = (8 * century + 13) / 25;                  /* metonic drift */
	/* days from March 21 to the Paschal full moon, with the two exceptions
	 * that keep it on or before April 18 */
	int pfm = (19 * golden + century - century / 4 - lunar + 15) % 30;
	if (pfm == 29 || (pfm == 28 && golden > 10))
		pfm--;
	long full_moon = rd_from_greg(y, 3, 21) + pfm;
	return full_moon + 7 - weekday(full_moon);
}

void news_calendar_easter(int year, int *month, int *day)
{
	int y;
	greg_from_rd(easter_western(year), &y, month, day);
}

static long easter_orthodox(int y)
{
	int golden = y % 19;
	int pfm = (19 * golden + 15) % 30;                    /* after Julian March 21 */
	long full_moon = rd_from_julian(y, 3, 21) + pfm;
	return full_moon + 7 - weekday(full_moon);
}

/* ---- Hebrew calendar ------------------------------------------------------
 * Years counted from the creation epoch; months numbered from Nisan = 1 as in
 * the Bible, the year begins on 1 Tishri (7). Parts: 1080 to the hour. */

enum { NISAN = 1, IYYAR, SIVAN, TAMMUZ, AV, ELUL, TISHRI, HESHVAN, KISLEV,
       TEVET, SHEVAT, ADAR, ADAR2 };

static const long hebrew_epoch = -1373427;   /* rd of 1 Tishri AM 1 */

static int hebrew_leap(long y) { return (7 * y + 1) % 19 < 7; }

/* Days from the epoch to the molad of Tishri, with the rule that Rosh
 * Hashanah never falls on Sunday, Wednesday or Friday. */
static long hebrew_elapsed(long y)
{
	long months = (235 * y - 234) / 19;
	long parts = 12084 + 13753 * months;
	long day = 29 * months + parts / 25920;
	if ((3 * (day + 1)) % 7 < 3)
		day++;
	return day;
}

/* The two other postponements keep year lengths within 353-355/383-385. */
static long hebrew_new_year(long y)
{
	long ny0 = hebrew_elapsed(y - 1), ny1 = hebrew_elapsed(y), ny2 = hebrew_elapsed(y + 1);
	int delay = 0;
	if (ny2 - ny1 == 356)
		delay = 2;
	else if (ny1 - ny0 == 382)
		delay = 1;
	return hebrew_epoch + ny1 + delay;
}

static int hebrew_month_days(long y, int m)
{
	long len = hebrew_new_year(y + 1) - hebrew_new_year(y);
	switch (m) {
	case IYYAR: case TAMMUZ: case ELUL: case TEVET: case ADAR2: return 29;
	case ADAR: return hebrew_leap(y) ? 30 : 29;
	case HESHVAN: return len % 10 == 5 ? 30 : 29;
	case KISLEV: return len % 10 == 3 ? 29 : 30;
	default: return 30;
	}
}

/* rd of day d of month m in year y. Purim's Adar is Adar II in leap years;
 * callers pass ADAR and this resolves it. */
static long rd_from_hebrew(long y, int m, int d)
{
	if (m == ADAR && hebrew_leap(y))
		m = ADAR2;
	static const int order[] = { TISHRI, HESHVAN, KISLEV, TEVET, SHEVAT, ADAR,
	                             ADAR2, NISAN, IYYAR, SIVAN, TAMMUZ, AV, ELUL };
	long rd = hebrew_new_year(y);
	for (size_t i = 0; i < sizeof order / sizeof *order && order[i] != m; i++)
		if (order[i] != ADAR2 || hebrew_leap(y))
			rd += hebrew_month_days(y, order[i]);
	return rd + d - 1;
}

/* The Hebrew year whose month m falls in Gregorian year g: months from
 * Tishri to Tevet open the year in the autumn (Tevet may spill into
 * January, which callers do not ask about). */
static long hebrew_year_for(int g, int m)
{
	return (m >= TISHRI && m <= KISLEV) ? g + 3761L : g + 3760L;
}

/* ---- astronomy ----------------------------------------------------------
 * Mean lunar phases with the main periodic terms (J. Meeus, Astronomical
 * Algorithms, ch. 49; a few minutes of error) and the Sun's apparent
 * longitude from the low-precision series (ch. 25; about 0.01 degree, so a
 * solar term to within ~15 minutes). Times are Julian Days in UT. */

static double deg_sin(double deg) { return sin(deg * 3.14159265358979323846 / 180.0); }

static double delta_t_days(double jd)
{
	double year = 2000.0 + (jd - 2451545.0) / 365.25;
	double u = (year - 1820.0) / 100.0;
	return (-20.0 + 32.0 * u * u) / 86400.0;
}

/* The new moon (phase 0) or full moon (phase 1) of lunation k, counted
 * from the new moon of 2000-01-06. */
static double moon_phase(long k, int full)
{
	double kk = (double)k + (full ? 0.5 : 0.0);
	double t = kk / 1236.85, t2 = t * t;
	double jde = 2451550.09766 + 29.530588861 * kk + 0.00015437 * t2
	             - 0.000000150 * t2 * t + 0.00000000073 * t2 * t2;
	double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
	double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2;
	double mp = 201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t2 * t;
	double f = 160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t2 * t;
	double om = 124.7746 - 1.56375588 * kk + 0.0020672 * t2;
	double c;
	if (!full)
		c = -0.40720 * deg_sin(mp) + 0.17241 * e * deg_sin(m);
	else
		c = -0.40614 * deg_sin(mp) + 0.17302 * e * deg_sin(m);
	c += (full ? 0.01614 : 0.01608) * deg_sin(2 * mp)
	     + (full ? 0.01043 : 0.01039) * deg_sin(2 * f)
	     + (full ? 0.00734 : 0.00739) * e * deg_sin(mp - m)
	     - (full ? 0.00515 : 0.00514) * e * deg_sin(mp + m)
	     + (full ? 0.00209 : 0.00208) * e * e * deg_sin(2 * m)
	     - 0.00111 * deg_sin(mp - 2 * f) - 0.00057 * deg_sin(mp + 2 * f)
	     + 0.00056 * e * deg_sin(2 * mp + m) - 0.00042 * deg_sin(3 * mp)
	     + 0.00042 * e * deg_sin(m + 2 * f) + 0.00038 * e * deg_sin(m - 2 * f)
	     - 0.00024 * e * deg_sin(2 * mp - m) - 0.00017 * deg_sin(om);
	jde += c;
	return jde - delta_t_days(jde);
}

/* The lunation whose new moon is the last one at or before jd. */
static long lunation_at(double jd)
{
	long k = (long)floor((jd - 2451550.09766) / 29.530588861);
	while (moon_phase(k, 0) > jd)
		k--;
	while (moon_phase(k + 1, 0) <= jd)
		k++;
	return k;
}

static double norm360(double x)
{
	x = fmod(x, 360.0);
	return x < 0 ? x + 360.0 : x;
}

/* The Sun's apparent tropical longitude in degrees at jd (UT). */
static double sun_longitude(double jd)
{
	double t = (jd + delta_t_days(jd) - 2451545.0) / 36525.0;
	double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
	double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
	double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * deg_sin(m)
	           + (0.019993 - 0.000101 * t) * deg_sin(2 * m) + 0.000289 * deg_sin(3 * m);
	double om = 125.04 - 1934.136 * t;
	return norm360(l0 + c - 0.00569 - 0.00478 * deg_sin(om));
}

/* Lahiri ayanamsa, linear over the two centuries that matter here. */
static double ayanamsa(double jd)
{
	return 23.853 + 0.013969 * (jd - 2451545.0) / 365.25;
}

static double sun_sidereal(double jd) { return norm360(sun_longitude(jd) - ayanamsa(jd)); }

/* The moment near jd_guess at which the Sun's longitude reaches target. */
static double solar_term(double target, double jd_guess, int sidereal)
{
	double jd = jd_guess;
	for (int i = 0; i < 8; i++) {
		double lon = sidereal ? sun_sidereal(jd) : sun_longitude(jd);
		double diff = fmod(target - lon + 540.0, 360.0) - 180.0;
		jd += diff * 365.2422 / 360.0;
		if (fabs(diff) < 1e-6)
			break;
	}
	return jd;
}

/* ---- Islamic calendar ------------------------------------------------------
 * A month begins on the day after the first sunset in Mecca that follows
 * the conjunction (close to the Umm al-Qura practice; countries that wait
 * for a sighting often begin a day later: +-1 day). Lunation 0 (new moon
 * of 2000-01-06) began Shawwal 1420. */

static const double mecca_utc = 3.0, mecca_sunset = 18.3;   /* local hours */

static long islamic_month_start(long k)
{
	double conj = moon_phase(k, 0);
	double local = conj - 1721424.5 + mecca_utc / 24.0;
	long day = (long)floor(local);
	double hour = (local - (double)day) * 24.0;
	return hour < mecca_sunset ? day + 1 : day + 2;
}

static int islamic_month_of(long k) { return (int)(((17049 + k) % 12 + 12) % 12) + 1; }

/* The first rd in Gregorian year y of day d of Islamic month m, with the
 * month's lunation in *kout. */
static long islamic_in_year(int y, int m, int d, long *kout)
{
	long k0 = lunation_at(jd_from_rd(rd_from_greg(y, 1, 1))) - 2;
	long jan1 = rd_from_greg(y, 1, 1), next = rd_from_greg(y + 1, 1, 1);
	for (long k = k0; k < k0 + 16; k++) {
		if (islamic_month_of(k) != m)
			continue;
		long rd = islamic_month_start(k) + d - 1;
		if (rd >= jan1 && rd < next) {
			if (kout)
				*kout = k;
			return rd;
		}
	}
	return 0;
}

/* ---- Chinese calendar ------------------------------------------------------
 * Month 11 contains the winter solstice; in a solstice year with 13 new
 * moons the first month without a principal term (a multiple of 30 degrees
 * of solar longitude) is a leap month. Days are civil days in UTC+8. */

static const double china_utc = 8.0;

static long china_new_moon_day(long k) { return rd_at(moon_phase(k, 0), china_utc); }

/* Principal terms crossed during days [a, b) (midnights in China). */
static int has_principal_term(long a, long b)
{
	double la = sun_longitude(jd_from_rd(a) - china_utc / 24.0);
	double lb = sun_longitude(jd_from_rd(b) - china_utc / 24.0);
	return (int)floor(la / 30.0) != (int)floor(lb / 30.0);
}

/* The lunation starting month 11 of the solstice of December, year y. */
static long china_month11(int y)
{
	double sol = solar_term(270.0, jd_from_rd(rd_from_greg(y, 12, 21)), 0);
	long sday = rd_at(sol, china_utc);
	long k = lunation_at(sol);
	while (china_new_moon_day(k + 1) <= sday)
		k++;
	while (china_new_moon_day(k) > sday)
		k--;
	return k;
}

/* rd of day d of (non-leap) month m of the Chinese year starting in
 * Gregorian year y; month 12 here is the one opening the Gregorian year
 * (the twelfth month of the previous Chinese year). */
static long chinese_date(int y, int m, int d)
{
	long k0 = china_month11(y - 1), k1 = china_month11(y);
	int leap_sui = k1 - k0 == 13;
	int label = 11, leap_done = 0;
	for (long k = k0 + 1; k < k1; k++) {
		long a = china_new_moon_day(k), b = china_new_moon_day(k + 1);
		if (leap_sui && !leap_done && !has_principal_term(a, b)) {
			leap_done = 1;       /* repeats the previous label */
			continue;
		}
		label = label % 12 + 1;
		if (label == m)
			return a + d - 1;
	}
	return 0;
}

/* ---- Hindu lunisolar calendar (approximate) ---------------------------------
 * Amanta months: month m (Chaitra = 1 .. Phalguna = 12) begins at the new
 * moon with the sidereal Sun in sign m-2 (Meena for Chaitra); when two new
 * moons share a sign the first month is adhika (intercalary) and the
 * festival falls in the second. A tithi is 12 degrees of lunar elongation;
 * the elongation is interpolated between new and full moons (error up to a
 * few hours), and the tithi is read at a fixed Indian time: sunrise 06:00,
 * sunset 18:00, midnight 24:00 IST. Expected error: +-1 day, more often in
 * years where almanacs apply local rules (Bhadra, pradosh spans). */

static const double india_utc = 5.5;

enum { AT_SUNRISE, AT_SUNSET_LAST, AT_MIDNIGHT };

static double elongation(double jd)
{
	long k = lunation_at(jd);
	double nm = moon_phase(k, 0), fm = moon_phase(k, 1), nm2 = moon_phase(k + 1, 0);
	if (jd < fm)
		return 180.0 * (jd - nm) / (fm - nm);
	return 180.0 + 180.0 * (jd - fm) / (nm2 - fm);
}

/* The day of tithi in the month opened by new moon k (0 if not found). */
static long hindu_day_in_month(long k, int tithi, int when)
{
	long start = rd_at(moon_phase(k, 0), india_utc) - 1;
	double hour = when == AT_SUNRISE ? 6.0 : when == AT_SUNSET_LAST ? 18.0 : 24.0;
	long first = 0, last = 0;
	for (long rd = start; rd < start + 33; rd++) {
		double jd = jd_from_rd(rd) + (hour - india_utc) / 24.0;
		long kk = lunation_at(jd);
		int t = (int)(elongation(jd) / 12.0) + 1;
		if (kk != k)
			t = kk < k ? 0 : 31;
		if (t >= tithi && !first)
			first = rd;
		if (t == tithi)
			last = rd;
		if (t > tithi)
			break;
	}
	if (when == AT_SUNSET_LAST && last)
		return last;
	return first;
}

/* The festival on tithi of amanta month m, plus offset days, falling in
 * Gregorian year y. Month m opens at the new moon with the sidereal Sun in
 * sign m-2; of two such new moons in a row the first opens the adhika
 * (intercalary) month and the festival keeps to the second, nija one. */
static long hindu_tithi_day(int y, int m, int tithi, int when, int offset)
{
	int sign = (m + 10) % 12;
	long jan1 = rd_from_greg(y, 1, 1), next = rd_from_greg(y + 1, 1, 1);
	long k0 = lunation_at(jd_from_rd(jan1 - 45));
	int s = (int)(sun_sidereal(moon_phase(k0, 0)) / 30.0);
	for (long k = k0; k < k0 + 16; k++) {
		int s_next = (int)(sun_sidereal(moon_phase(k + 1, 0)) / 30.0);
		if (s == sign && s_next != sign) {
			long rd = hindu_day_in_month(k, tithi, when);
			if (rd)
				rd += offset;
			if (rd >= jan1 && rd < next)
				return rd;
		}
		s = s_next;
	}
	return 0;
}

/* The civil day in India on which the sidereal Sun enters longitude lon. */
static long sidereal_ingress(int y, double lon, int month_guess)
{
	double jd = solar_term(lon, jd_from_rd(rd_from_greg(y, month_guess, 14)), 1);
	return rd_at(jd, india_utc);
}

/* ---- the rule table --------------------------------------------------------- */

enum kind {
	FIXED,          /* a = month, b = day */
	NTH_WEEKDAY,    /* a = month, b = weekday (0 Sun), c = n (-1 last), d = offset days */
	WEEKDAY_BEFORE, /* the weekday b on or before a/c (month/day), d = offset */
	EASTER,         /* a = offset days */
	ORTHODOX,       /* a = offset days */
	JULIAN_FIXED,   /* a = month, b = day of the Julian calendar, in the Gregorian year */
	HEBREW,         /* a = month, b = day, c = first Gregorian year observed */
	HEBREW_SPECIAL, /* a = 1 Yom HaShoah, 2 Yom HaZikaron, 3 Yom HaAtzmaut, 4 Tisha B'Av */
	ISLAMIC,        /* a = month, b = day */
	ISLAMIC_WIDA,   /* the last Friday of Ramadan */
	CHINESE,        /* a = month, b = day, d = offset */
	CHINA_TERM,     /* a = solar longitude, b = month guess (day in UTC+8) */
	EQUINOX_TEHRAN, /* the March equinox's day in Tehran, the next if after noon */
	HINDU,          /* a = amanta month, b = tithi, c = when, d = offset */
	INGRESS,        /* a = sidereal longitude, b = month guess, d = offset */
};

struct rule {
	const char *name;
	enum kind kind;
	int a, b, c, d;
};

static const struct rule rules[] = {
	{"new_years_day", FIXED, 1, 1, 0, 0},
	{"new_years_eve", FIXED, 12, 31, 0, 0},
	{"epiphany", FIXED, 1, 6, 0, 0},
	{"groundhog_day", FIXED, 2, 2, 0, 0},
	{"candlemas", FIXED, 2, 2, 0, 0},
	{"valentines_day", FIXED, 2, 14, 0, 0},
	{"st_patricks_day", FIXED, 3, 17, 0, 0},
	{"international_womens_day", FIXED, 3, 8, 0, 0},
	{"april_fools_day", FIXED, 4, 1, 0, 0},
	{"earth_day", FIXED, 4, 22, 0, 0},
	{"st_georges_day", FIXED, 4, 23, 0, 0},
	{"anzac_day", FIXED, 4, 25, 0, 0},
	{"may_day", FIXED, 5, 1, 0, 0},
	{"cinco_de_mayo", FIXED, 5, 5, 0, 0},
	{"flag_day", FIXED, 6, 14, 0, 0},
	{"juneteenth", FIXED, 6, 19, 0, 0},
	{"canada_day", FIXED, 7, 1, 0, 0},
	{"independence_day", FIXED, 7, 4, 0, 0},
	{"bastille_day", FIXED, 7, 14, 0, 0},
	{"halloween", FIXED, 10, 31, 0, 0},
	{"all_saints_day", FIXED, 11, 1, 0, 0},
	{"all_souls_day", FIXED, 11, 2, 0, 0},
	{"guy_fawkes_night", FIXED, 11, 5, 0, 0},
	{"veterans_day", FIXED, 11, 11, 0, 0},
	{"st_andrews_day", FIXED, 11, 30, 0, 0},
	{"world_aids_day", FIXED, 12, 1, 0, 0},
	{"christmas_eve", FIXED, 12, 24, 0, 0},
	{"christmas", FIXED, 12, 25, 0, 0},
	{"boxing_day", FIXED, 12, 26, 0, 0},
	{"kwanzaa", FIXED, 12, 26, 0, 0},
	{"australia_day", FIXED, 1, 26, 0, 0},
	{"waitangi_day", FIXED, 2, 6, 0, 0},
	{"st_davids_day", FIXED, 3, 1, 0, 0},
	{"assumption", FIXED, 8, 15, 0, 0},
	{"immaculate_conception", FIXED, 12, 8, 0, 0},
	{"human_rights_day", FIXED, 12, 10, 0, 0},
	{"pi_day", FIXED, 3, 14, 0, 0},
	{"world_vegan_day", FIXED, 11, 1, 0, 0},
	{"bosss_day", FIXED, 10, 16, 0, 0},
	{"kings_day", FIXED, 4, 27, 0, 0},
	{"mlk_day", NTH_WEEKDAY, 1, 1, 3, 0},
	{"presidents_day", NTH_WEEKDAY, 2, 1, 3, 0},
	{"patriots_day", NTH_WEEKDAY, 4, 1, 3, 0},
	{"mothers_day", NTH_WEEKDAY, 5, 0, 2, 0},
	{"memorial_day", NTH_WEEKDAY, 5, 1, -1, 0},
	{"fathers_day", NTH_WEEKDAY, 6, 0, 3, 0},
	{"labor_day", NTH_WEEKDAY, 9, 1, 1, 0},
	{"grandparents_day", NTH_WEEKDAY, 9, 1, 1, 6},
	{"columbus_day", NTH_WEEKDAY, 10, 1, 2, 0},
	{"canadian_thanksgiving", NTH_WEEKDAY, 10, 1, 2, 0},
	{"election_day", NTH_WEEKDAY, 11, 1, 1, 1},
	{"us_thanksgiving", NTH_WEEKDAY, 11, 4, 4, 0},
	{"black_friday", NTH_WEEKDAY, 11, 4, 4, 1},
	{"cyber_monday", NTH_WEEKDAY, 11, 4, 4, 4},
	{"uk_early_may_bank_holiday", NTH_WEEKDAY, 5, 1, 1, 0},
	{"uk_spring_bank_holiday", NTH_WEEKDAY, 5, 1, -1, 0},
	{"uk_summer_bank_holiday", NTH_WEEKDAY, 8, 1, -1, 0},
	{"remembrance_sunday", NTH_WEEKDAY, 11, 0, 2, 0},
	{"family_day", NTH_WEEKDAY, 2, 1, 3, 0},
	{"civic_holiday", NTH_WEEKDAY, 8, 1, 1, 0},
	{"victoria_day", WEEKDAY_BEFORE, 5, 1, 24, 0},
	{"advent_sunday", WEEKDAY_BEFORE, 12, 0, 3, 0},
	{"administrative_professionals_day", NTH_WEEKDAY, 4, 6, -1, -3},
	{"easter", EASTER, 0, 0, 0, 0},
	{"lent", EASTER, -46, 0, 0, 0},
	{"septuagesima", EASTER, -63, 0, 0, 0},
	{"shrove_tuesday", EASTER, -47, 0, 0, 0},
	{"ash_wednesday", EASTER, -46, 0, 0, 0},
	{"mothering_sunday", EASTER, -21, 0, 0, 0},
	{"palm_sunday", EASTER, -7, 0, 0, 0},
	{"maundy_thursday", EASTER, -3, 0, 0, 0},
	{"good_friday", EASTER, -2, 0, 0, 0},
	{"holy_saturday", EASTER, -1, 0, 0, 0},
	{"easter_monday", EASTER, 1, 0, 0, 0},
	{"divine_mercy_sunday", EASTER, 7, 0, 0, 0},
	{"ascension", EASTER, 39, 0, 0, 0},
	{"pentecost", EASTER, 49, 0, 0, 0},
	{"whit_monday", EASTER, 50, 0, 0, 0},
	{"trinity_sunday", EASTER, 56, 0, 0, 0},
	{"corpus_christi", EASTER, 60, 0, 0, 0},
	{"orthodox_easter", ORTHODOX, 0, 0, 0, 0},
	{"clean_monday", ORTHODOX, -48, 0, 0, 0},
	{"lazarus_saturday", ORTHODOX, -8, 0, 0, 0},
	{"orthodox_palm_sunday", ORTHODOX, -7, 0, 0, 0},
	{"orthodox_good_friday", ORTHODOX, -2, 0, 0, 0},
	{"orthodox_holy_saturday", ORTHODOX, -1, 0, 0, 0},
	{"orthodox_easter_monday", ORTHODOX, 1, 0, 0, 0},
	{"orthodox_ascension", ORTHODOX, 39, 0, 0, 0},
	{"orthodox_pentecost", ORTHODOX, 49, 0, 0, 0},
	{"orthodox_christmas", JULIAN_FIXED, 12, 25, 0, 0},
	{"orthodox_new_year", JULIAN_FIXED, 1, 1, 0, 0},
	{"rosh_hashanah", HEBREW, TISHRI, 1, 0, 0},
	{"yom_kippur", HEBREW, TISHRI, 10, 0, 0},
	{"sukkot", HEBREW, TISHRI, 15, 0, 0},
	{"hoshana_rabbah", HEBREW, TISHRI, 21, 0, 0},
	{"shemini_atzeret", HEBREW, TISHRI, 22, 0, 0},
	{"simchat_torah", HEBREW, TISHRI, 23, 0, 0},
	{"hanukkah", HEBREW, KISLEV, 25, 0, 0},
	{"tu_bishvat", HEBREW, SHEVAT, 15, 0, 0},
	{"purim", HEBREW, ADAR, 14, 0, 0},
	{"passover", HEBREW, NISAN, 15, 0, 0},
	{"lag_baomer", HEBREW, IYYAR, 18, 0, 0},
	{"shavuot", HEBREW, SIVAN, 6, 0, 0},
	{"tisha_bav", HEBREW_SPECIAL, 4, 0, 0, 0},
	{"tu_bav", HEBREW, AV, 15, 0, 0},
	{"yom_yerushalayim", HEBREW, IYYAR, 28, 1968, 0},
	{"yom_hashoah", HEBREW_SPECIAL, 1, 0, 1951, 0},
	{"yom_hazikaron", HEBREW_SPECIAL, 2, 0, 1949, 0},
	{"yom_haatzmaut", HEBREW_SPECIAL, 3, 0, 1949, 0},
	{"islamic_new_year", ISLAMIC, 1, 1, 0, 0},
	{"ashura", ISLAMIC, 1, 10, 0, 0},
	{"mawlid", ISLAMIC, 3, 12, 0, 0},
	{"isra_and_miraj", ISLAMIC, 7, 27, 0, 0},
	{"shab_e_barat", ISLAMIC, 8, 15, 0, 0},
	{"ramadan", ISLAMIC, 9, 1, 0, 0},
	{"laylat_al_qadr", ISLAMIC, 9, 26, 0, 0},
	{"jumuatul_wida", ISLAMIC_WIDA, 0, 0, 0, 0},
	{"eid_al_fitr", ISLAMIC, 10, 1, 0, 0},
	{"day_of_arafah", ISLAMIC, 12, 9, 0, 0},
	{"eid_al_adha", ISLAMIC, 12, 10, 0, 0},
	{"chinese_new_year", CHINESE, 1, 1, 0, 0},
	{"chinese_new_years_eve", CHINESE, 1, 1, 0, -1},
	{"lantern_festival", CHINESE, 1, 15, 0, 0},
	{"dragon_boat_festival", CHINESE, 5, 5, 0, 0},
	{"qixi", CHINESE, 7, 7, 0, 0},
	{"ghost_festival", CHINESE, 7, 15, 0, 0},
	{"mid_autumn_festival", CHINESE, 8, 15, 0, 0},
	{"double_ninth_festival", CHINESE, 9, 9, 0, 0},
	{"laba_festival", CHINESE, 12, 8, 0, 0},
	{"qingming", CHINA_TERM, 15, 4, 0, 0},
	{"dongzhi", CHINA_TERM, 270, 12, 0, 0},
	{"nowruz", EQUINOX_TEHRAN, 0, 0, 0, 0},
	{"diwali", HINDU, 7, 30, AT_SUNSET_LAST, 0},
	{"dhanteras", HINDU, 7, 28, AT_SUNSET_LAST, 0},
	{"govardhan_puja", HINDU, 7, 30, AT_SUNSET_LAST, 1},
	{"bhai_dooj", HINDU, 7, 30, AT_SUNSET_LAST, 2},
	{"holika_dahan", HINDU, 12, 15, AT_SUNSET_LAST, 0},
	{"holi", HINDU, 12, 15, AT_SUNSET_LAST, 1},
	{"maha_shivaratri", HINDU, 11, 29, AT_MIDNIGHT, 0},
	{"vasant_panchami", HINDU, 11, 5, AT_SUNRISE, 0},
	{"ugadi", HINDU, 1, 1, AT_SUNRISE, 0},
	{"ram_navami", HINDU, 1, 9, AT_SUNRISE, 0},
	{"hanuman_jayanti", HINDU, 1, 15, AT_SUNRISE, 0},
	{"akshaya_tritiya", HINDU, 2, 3, AT_SUNRISE, 0},
	{"vesak", HINDU, 2, 15, AT_SUNRISE, 0},
	{"guru_purnima", HINDU, 4, 15, AT_SUNRISE, 0},
	{"raksha_bandhan", HINDU, 5, 15, AT_SUNRISE, 0},
	{"janmashtami", HINDU, 5, 23, AT_MIDNIGHT, 0},
	{"ganesh_chaturthi", HINDU, 6, 4, AT_SUNRISE, 0},
	{"navaratri", HINDU, 7, 1, AT_SUNRISE, 0},
	{"durga_ashtami", HINDU, 7, 8, AT_SUNRISE, 0},
	{"dussehra", HINDU, 7, 10, AT_SUNRISE, 0},
	{"karva_chauth", HINDU, 7, 19, AT_SUNRISE, 0},
	{"chhath", HINDU, 8, 6, AT_SUNRISE, 0},
	{"guru_nanak_jayanti", HINDU, 8, 15, AT_SUNRISE, 0},
	{"ratha_yatra", HINDU, 4, 2, AT_SUNRISE, 0},
	{"valmiki_jayanti", HINDU, 7, 15, AT_SUNRISE, 0},
	{"guru_ravidass_jayanti", HINDU, 11, 15, AT_SUNRISE, 0},
	{"mahavir_jayanti", HINDU, 1, 13, AT_SUNRISE, 0},
	{"guru_gobind_singh_jayanti", HINDU, 10, 7, AT_SUNRISE, 0},
	{"makar_sankranti", INGRESS, 270, 1, 0, 0},
	{"bhogi", INGRESS, 270, 1, 0, -1},
	{"mattu_pongal", INGRESS, 270, 1, 0, 1},
	{"kaanum_pongal", INGRESS, 270, 1, 0, 2},
	{"rabindra_jayanti", INGRESS, 0, 4, 0, 24},
	{"lohri", INGRESS, 270, 1, 0, -1},
	{"vaisakhi", INGRESS, 0, 4, 0, 0},
};

enum { NRULES = (int)(sizeof rules / sizeof *rules) };

int news_calendar_count(void) { return NRULES; }

const char *news_calendar_name(int id)
{
	return id >= 0 && id < NRULES ? rules[id].name : NULL;
}

int news_calendar_id(const char *name)
{
	for (int i = 0; i < NRULES; i++)
		if (strcmp(rules[i].name, name) == 0)
			return i;
	return -1;
}

static int id_of(const char *name, size_t n)
{
	for (int i = 0; i < NRULES; i++)
		if (strlen(rules[i].name) == n && memcmp(rules[i].name, name, n) == 0)
			return i;
	return -1;
}

static long hebrew_special(int y, int which)
{
	long hy = y + 3760L;
	if (which == 4) {   /* 9 Av, put off to Sunday when it falls on the Sabbath */
		long rd = rd_from_hebrew(hy, AV, 9);
		return weekday(rd) == 6 ? rd + 1 : rd;
	}
	long shoah = rd_from_hebrew(hy, NISAN, 27);
	long atz = rd_from_hebrew(hy, IYYAR, 5);
	if (which == 1) {   /* moved off the days next to the Sabbath */
		if (weekday(shoah) == 5)
			return shoah - 1;
		if (weekday(shoah) == 0 && y >= 1997)
			return shoah + 1;
		return shoah;
	}
	/* Independence Day avoids Friday and the Sabbath (moved to Thursday)
	 * and, since 2004, Monday (moved to Tuesday, so Remembrance Day is not
	 * on Sunday); Remembrance Day is always the day before. */
	int wd = weekday(atz);
	if (wd == 5)
		atz -= 1;
	else if (wd == 6)
		atz -= 2;
	else if (wd == 1 && y >= 2004)
		atz += 1;
	return which == 3 ? atz : atz - 1;
}

int news_calendar_date(int id, int year, int *month, int *day)
{
	if (id < 0 || id >= NRULES || year < 1900 || year > 2100)
		return 0;
	const struct rule *r = &rules[id];
	if (r->c >= 1900 && year < r->c && (r->kind == HEBREW_SPECIAL || r->kind == HEBREW))
		return 0;
	long rd = 0;
	switch (r->kind) {
	case FIXED:
		rd = rd_from_greg(year, r->a, r->b);
		break;
	case NTH_WEEKDAY:
		rd = nth_weekday(year, r->a, r->b, r->c) + r->d;
		break;
	case WEEKDAY_BEFORE:
		rd = weekday_on_or_before(rd_from_greg(year, r->a, r->c), r->b) + r->d;
		break;
	case EASTER:
		rd = easter_western(year) + r->a;
		break;
	case ORTHODOX:
		rd = easter_orthodox(year) + r->a;
		break;
	case JULIAN_FIXED: {
		/* the Julian date of this or the previous Julian year that lands
		 * in the Gregorian year */
		long jan1 = rd_from_greg(year, 1, 1);
		rd = rd_from_julian(year, r->a, r->b);
		long prev = rd_from_julian(year - 1, r->a, r->b);
		if (prev >= jan1)
			rd = prev;
		break;
	}
	case HEBREW:
		rd = rd_from_hebrew(hebrew_year_for(year, r->a), r->a, r->b);
		break;
	case HEBREW_SPECIAL:
		rd = hebrew_special(year, r->a);
		break;
	case ISLAMIC:
		rd = islamic_in_year(year, r->a, r->b, NULL);
		break;
	case ISLAMIC_WIDA: {
		/* the Ramadan whose last Friday falls in the year (one that
		 * begins in December may end in January) */
		long jan1 = rd_from_greg(year, 1, 1), next = rd_from_greg(year + 1, 1, 1);
		long k0 = lunation_at(jd_from_rd(jan1)) - 2;
		for (long k = k0; k < k0 + 16 && !rd; k++) {
			if (islamic_month_of(k) != 9)
				continue;
			long friday = weekday_on_or_before(islamic_month_start(k + 1) - 1, 5);
			if (friday >= jan1 && friday < next)
				rd = friday;
		}
		break;
	}
	case CHINESE:
		rd = chinese_date(year, r->a, r->b);
		if (rd)
			rd += r->d;
		break;
	case CHINA_TERM: {
		double jd = solar_term(r->a, jd_from_rd(rd_from_greg(year, r->b, 20)), 0);
		rd = rd_at(jd, china_utc);
		break;
	}
	case EQUINOX_TEHRAN: {
		double jd = solar_term(0.0, jd_from_rd(rd_from_greg(year, 3, 20)), 0);
		double local = jd - 1721424.5 + 3.5 / 24.0;
		rd = (long)floor(local);
		if (local - (double)rd >= 0.5)
			rd++;
		break;
	}
	case HINDU:
		rd = hindu_tithi_day(year, r->a, r->b, r->c, r->d);
		break;
	case INGRESS:
		rd = sidereal_ingress(year, r->a, r->b) + r->d;
		break;
	}
	if (rd <= 0)
		return 0;
	int y, m, d;
	greg_from_rd(rd, &y, &m, &d);
	if (y != year)
		return 0;
	*month = m;
	*day = d;
	return 1;
}

/* ---- names ------------------------------------------------------------------
 * Aliases are normalised (ASCII lower case, U+2019 as ', one space between
 * words) and kept sorted; a lookup normalises a short window of the text and
 * binary-searches the entries sharing its first word, longest first. */

enum { MAX_NAME = 64, FIRST_SLOTS = 2048 };

struct alias {
	char key[MAX_NAME];
	unsigned char len, first_len;
	short id;
};

struct news_calendar {
	struct alias *aliases;
	size_t n;
	size_t max_first;            /* the longest first word of a name */
	unsigned char pairs[4096];   /* 1 for the first two bytes of a name (pair_key) */
	struct first_word {
		uint32_t hash;               /* of an alias's first word, 0 empty */
		unsigned char reach;         /* the longest such alias */
	} first_words[FIRST_SLOTS];
};

/* The first two bytes of a word, ASCII case folded (bits alike for both
 * sides, so non-letters need no care). */
static unsigned pair_key(unsigned char a, unsigned char b)
{
	return ((unsigned)(a | 32) & 63u) << 6 | ((unsigned)(b | 32) & 63u);
}

static uint32_t word_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ? h : 1;
}

/* Record that an alias of len normalised bytes begins with the word s[0..n). */
static void first_word_add(struct news_calendar *cal, const char *s, size_t n, size_t len)
{
	uint32_t h = word_hash(s, n);
	for (size_t i = h % FIRST_SLOTS;; i = (i + 1) % FIRST_SLOTS) {
		struct first_word *f = &cal->first_words[i];
		if (!f->hash)
			f->hash = h;
		if (f->hash == h) {
			if (len > f->reach)
				f->reach = (unsigned char)len;
			return;
		}
	}
}

/* The length of the longest alias that may begin with the word s[0..n), 0
 * if none does. (A hash collision only costs a full look-up.) */
static size_t first_word_reach(const struct news_calendar *cal, const char *s, size_t n)
{
	uint32_t h = word_hash(s, n);
	for (size_t i = h % FIRST_SLOTS; cal->first_words[i].hash; i = (i + 1) % FIRST_SLOTS)
		if (cal->first_words[i].hash == h)
			return cal->first_words[i].reach;
	return 0;
}

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int is_blank(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Normalise text[off..] into out (at most cap bytes); src[i] gets the text
 * offset just past normalised byte i. Returns the normalised length. */
static size_t normalise(const char *text, size_t len, size_t off, char *out,
                        size_t *src, size_t cap)
{
	size_t n = 0, i = off;
	while (i < len && n < cap) {
		unsigned char c = (unsigned char)text[i];
		if (is_blank(c)) {
			size_t j = i;
			while (j < len && is_blank((unsigned char)text[j]))
				j++;
			if (n == 0)
				break;
			out[n] = ' ';
			src[n++] = j;
			i = j;
			continue;
		}
		if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80
		    && ((unsigned char)text[i + 2] == 0x99 || (unsigned char)text[i + 2] == 0x98)) {
			out[n] = '\'';
			src[n++] = i + 3;
			i += 3;
			continue;
		}
		if (c == '`')
			c = '\'';
		out[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		src[n++] = i + 1;
		i++;
	}
	return n;
}

/* Words end at spaces and at punctuation no name has inside its first word
 * (a trailing period is handled by the caller: "st." is a word). */
static const unsigned char word_stop[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, [';'] = 1, [':'] = 1,
	['!'] = 1, ['?'] = 1, ['('] = 1, [')'] = 1, ['"'] = 1, ['['] = 1, [']'] = 1,
	['/'] = 1,
};

static size_t first_word_len(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !word_stop[(unsigned char)s[i]])
		i++;
	return i;
}

static int alias_cmp(const void *pa, const void *pb)
{
	const struct alias *a = pa, *b = pb;
	size_t n = a->first_len < b->first_len ? a->first_len : b->first_len;
	int c = memcmp(a->key, b->key, n);
	if (c)
		return c;
	if (a->first_len != b->first_len)
		return a->first_len < b->first_len ? -1 : 1;
	return (int)b->len - (int)a->len;   /* longer aliases first */
}

struct news_calendar *news_calendar_new(void)
{
	struct news_calendar *cal = calloc(1, sizeof *cal);
	if (!cal)
		return NULL;
	const char *p = news_data_calendar_holidays, *end = p + news_data_calendar_holidays_len;
	size_t lines = 0;
	for (const char *q = p; q < end; q++)
		lines += *q == '\n';
	cal->aliases = calloc(lines + 1, sizeof *cal->aliases);
	if (!cal->aliases) {
		free(cal);
		return NULL;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		const char *tab = memchr(p, '\t', (size_t)(nl - p));
		if (*p != '#' && tab && tab > p) {
			const char *v = tab + 1, *ve = nl;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' '))
				ve--;
			int id = id_of(v, (size_t)(ve - v));
			struct alias *a = &cal->aliases[cal->n];
			size_t src[MAX_NAME];
			size_t n = normalise(p, (size_t)(tab - p), 0, a->key, src, MAX_NAME);
			while (n > 0 && a->key[n - 1] == ' ')
				n--;
			if (id >= 0 && n > 0 && n < MAX_NAME) {
				a->len = (unsigned char)n;
				a->first_len = (unsigned char)first_word_len(a->key, n);
				a->id = (short)id;
				cal->n++;
			}
		}
		p = nl + 1;
	}
	qsort(cal->aliases, cal->n, sizeof *cal->aliases, alias_cmp);
	for (size_t i = 0; i < cal->n; i++) {
		const char *k = cal->aliases[i].key;
		cal->pairs[pair_key((unsigned char)k[0], (unsigned char)k[1])] = 1;
	}
	cal->pairs[pair_key('t', 'h')] = 1;   /* "the" */
	cal->max_first = 3;
	for (size_t i = 0; i < cal->n; i++)
		if (cal->aliases[i].first_len > cal->max_first)
			cal->max_first = cal->aliases[i].first_len;
	for (size_t i = 0; i < cal->n; i++)   /* fewer than FIRST_SLOTS / 2 words */
		first_word_add(cal, cal->aliases[i].key, cal->aliases[i].first_len, cal->aliases[i].len);
	return cal;
}

void news_calendar_free(struct news_calendar *cal)
{
	if (!cal)
		return;
	free(cal->aliases);
	free(cal);
}

size_t news_calendar_aliases(const struct news_calendar *cal) { return cal->n; }

const char *news_calendar_alias(const struct news_calendar *cal, size_t i, size_t *len)
{
	*len = cal->aliases[i].len;
	return cal->aliases[i].key;
}

/* The longest alias with first word s[0..fw) that is a word-bounded
 * prefix of s[0..n). */
static size_t match_word(const struct news_calendar *cal, const char *s, size_t n,
                         size_t fw, const size_t *src, const char *text, size_t len,
                         int *id)
{
	struct alias probe = {0};
	memcpy(probe.key, s, fw);
	probe.first_len = (unsigned char)fw;
	probe.len = 255;   /* sorts before every entry with this first word */
	size_t lo = 0, hi = cal->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (alias_cmp(&cal->aliases[mid], &probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < cal->n; i++) {
		const struct alias *a = &cal->aliases[i];
		if (a->first_len != fw || memcmp(a->key, s, fw) != 0)
			break;
		if (a->len > n || memcmp(a->key, s, a->len) != 0)
			continue;
		size_t end = src[a->len - 1];
		if (end < len && is_alnum((unsigned char)text[end]))
			continue;
		*id = a->id;
		return end;   /* sorted longest first */
	}
	return 0;
}

static size_t match_norm(const struct news_calendar *cal, const char *s, size_t n,
                         const size_t *src, const char *text, size_t len, int *id)
{
	size_t fw = first_word_len(s, n);
	if (fw == 0 || fw >= MAX_NAME)
		return 0;
	size_t end = match_word(cal, s, n, fw, src, text, len, id);
	/* "Christmas." and "Christmas'" end a sentence or a quote */
	while (!end && fw > 1 && (s[fw - 1] == '.' || s[fw - 1] == '\''))
	{
		fw--;
		end = match_word(cal, s, fw, fw, src, text, len, id);
	}
	return end;
}

/* The length of the longest alias that may begin with the word s[0..fw)
 * or with it less trailing periods and apostrophes; 0 if none may. */
static size_t first_word_variants_reach(const struct news_calendar *cal, const char *s, size_t fw)
{
	size_t reach = 0;
	for (; fw > 0; fw--) {
		size_t r = first_word_reach(cal, s, fw);
		if (r > reach)
			reach = r;
		if (s[fw - 1] != '.' && s[fw - 1] != '\'')
			break;
	}
	return reach;
}

/* The first word at text[off], lower-cased with U+2019 as ', into buf;
 * its normalised length, or 0 when longer than cap (no name's first word). */
static size_t word_at(const char *text, size_t len, size_t off, char *buf, size_t cap)
{
	size_t n = 0;
	for (size_t i = off; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (word_stop[c])
			break;
		if (n == cap)
			return 0;
		if (c == 0xE2 && i + 2 < len && (unsigned char)text[i + 1] == 0x80
		    && ((unsigned char)text[i + 2] == 0x99 || (unsigned char)text[i + 2] == 0x98)) {
			c = '\'';
			i += 2;
		} else if (c == '`') {
			c = '\'';
		} else if (c >= 'A' && c <= 'Z') {
			c += 32;
		}
		buf[n++] = (char)c;
	}
	return n;
}

size_t news_calendar_match(const struct news_calendar *cal, const char *text,
                           size_t len, size_t off, int *holiday_id)
{
	/* most words cannot begin a name: a table look-up, then the first word
	 * alone, reject them before the whole window is normalised */
	if (!cal || off + 1 >= len || !is_alnum((unsigned char)text[off])
	    || !cal->pairs[pair_key((unsigned char)text[off], (unsigned char)text[off + 1])])
		return 0;
	if (off > 0 && is_alnum((unsigned char)text[off - 1]))
		return 0;
	char buf[MAX_NAME + 4];
	size_t src[MAX_NAME + 4];
	size_t cap = cal->max_first + 2;   /* room for a trailing period and quote */
	size_t fw = word_at(text, len, off, buf, cap);
	int the = fw == 3 && memcmp(buf, "the", 3) == 0;
	/* Only as much of the text is normalised as the longest name that can
	 * begin here needs (and at least the first word, whose length the
	 * match recomputes). */
	size_t reach = first_word_variants_reach(cal, buf, fw), need = reach > fw ? reach : fw;
	if (the) {   /* "the" counts only before a name */
		size_t next = off + 3;
		while (next < len && is_blank((unsigned char)text[next]))
			next++;
		if (next == off + 3 || next >= len)
			return 0;
		size_t fw2 = word_at(text, len, next, buf, cap);
		size_t reach2 = first_word_variants_reach(cal, buf, fw2);
		if (!reach2)
			return 0;
		if (4 + reach2 > need)
			need = 4 + reach2;
		if (4 + fw2 > need)
			need = 4 + fw2;
	} else if (!reach) {
		return 0;
	}
	if (need > MAX_NAME + 4)
		need = MAX_NAME + 4;
	size_t n = normalise(text, len, off, buf, src, need);
	int id = -1;
	size_t end = match_norm(cal, buf, n, src, text, len, &id);
	if (!end && the && n > 4 && buf[3] == ' ')
		end = match_norm(cal, buf + 4, n - 4, src + 4, text, len, &id);
	if (!end)
		return 0;
	*holiday_id = id;
	return end - off;
}
