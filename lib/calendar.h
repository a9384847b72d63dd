/* calendar: holidays and observances named in news, and their dates.
 *
 * News names days by holiday ("Thanksgiving", "Easter Monday 2018", "Eid
 * al-Adha", "Diwali in 2019"); news-dates needs the Gregorian date such a
 * name stands for in a given year. This module recognises the names (aliases
 * in lib/data/calendar_holidays.txt, `alias<TAB>rule`) and computes each
 * holiday's date for years 1900-2100 from calendar arithmetic:
 *
 *   exact: fixed dates, nth/last weekday rules, Western and Orthodox Easter
 *     and their movable feasts, the Hebrew calendar (molad and dehiyyot; the
 *     date given is the holiday's first daytime day, the evening before
 *     begins it);
 *   astronomical, usually exact: the Chinese new year and festivals (new
 *     moons and solar terms in China Standard Time; leap-month corner cases
 *     such as 2033 may be a month off);
 *   approximate (+-1 day): Islamic holidays (month starts the day after the
 *     first Mecca sunset following the conjunction, close to Umm al-Qura;
 *     sighting countries often start a day later), and Hindu/Sikh/Buddhist
 *     lunisolar festivals (tithi by interpolating the moon's elongation
 *     between new and full moons, at fixed Indian sunrise/sunset/midnight,
 *     Lahiri ayanamsa; local almanacs may differ by a day).
 *
 * Holiday ids are small integers, stable within one build; the name tables
 * are built once by news_calendar_new() and are read-only afterwards, so
 * one table may serve several threads. A date costs microseconds for the
 * astronomical calendars (a few for Hindu festivals): fine per match, worth
 * caching per (id, year) only if called for every token. */
#ifndef NEWS_CALENDAR_H
#define NEWS_CALENDAR_H

#include <stddef.h>

struct news_calendar;

/* Load the alias table (embedded list). Returns NULL on allocation failure. */
struct news_calendar *news_calendar_new(void);
void news_calendar_free(struct news_calendar *cal);

/* The length in bytes of the longest holiday name starting at text[off]
 * (ASCII case-insensitive, ' and U+2019 alike, runs of white space alike,
 * an optional leading "the "), bounded by non-alphanumerics on both sides;
 * 0 when none. *holiday_id gets the holiday when found. Words that begin no
 * name are rejected by a two-byte table and a hash of the first word, so
 * calling it at every word start is cheap. */
size_t news_calendar_match(const struct news_calendar *cal, const char *text,
                           size_t len, size_t off, int *holiday_id);

/* The number of aliases loaded (for tests and reports). */
size_t news_calendar_aliases(const struct news_calendar *cal);
/* Alias i (< news_calendar_aliases) as it is matched: ASCII lower case, '
 * for U+2019, one space between words; not NUL-terminated. A caller can
 * tell from the first words which word starts need news_calendar_match. */
const char *news_calendar_alias(const struct news_calendar *cal, size_t i, size_t *len);

/* The Gregorian date of holiday_id in year (1900-2100): 1 and *month, *day
 * set on success; 0 for an unknown id, a year out of range, or a holiday
 * not observed that year (e.g. Yom HaAtzmaut before 1949). */
int news_calendar_date(int holiday_id, int year, int *month, int *day);

/* Western (Gregorian) Easter Sunday of any year of the Gregorian calendar,
 * not only 1900-2100: the computus needs no tables. */
void news_calendar_easter(int year, int *month, int *day);

/* The holiday's canonical rule name ("us_thanksgiving"), NULL if unknown. */
const char *news_calendar_name(int holiday_id);
/* The id of a canonical rule name, -1 if unknown. */
int news_calendar_id(const char *name);
/* The number of holidays (ids are 0 .. count-1). */
int news_calendar_count(void);

#endif
