/* timex_lex: word classes of the temporal grammar (see timex_lex.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "buf.h"
#include "calendar.h"
#include "timex_lex.h"

struct lexent {
	const char *w;
	unsigned char cls;
	signed char v;
};

static const struct lexent lexicon[] = {
	{"january", TX_MONTH, 1}, {"february", TX_MONTH, 2}, {"march", TX_MONTH, 3},
	{"april", TX_MONTH, 4}, {"may", TX_MONTH, 5}, {"june", TX_MONTH, 6},
	{"july", TX_MONTH, 7}, {"august", TX_MONTH, 8}, {"september", TX_MONTH, 9},
	{"october", TX_MONTH, 10}, {"november", TX_MONTH, 11}, {"december", TX_MONTH, 12},
	{"jan", TX_MONABBR, 1}, {"feb", TX_MONABBR, 2}, {"mar", TX_MONABBR, 3},
	{"apr", TX_MONABBR, 4}, {"jun", TX_MONABBR, 6}, {"jul", TX_MONABBR, 7},
	{"aug", TX_MONABBR, 8}, {"sep", TX_MONABBR, 9}, {"sept", TX_MONABBR, 9},
	{"oct", TX_MONABBR, 10}, {"nov", TX_MONABBR, 11}, {"dec", TX_MONABBR, 12},
	{"monday", TX_WDAY, 1}, {"tuesday", TX_WDAY, 2}, {"wednesday", TX_WDAY, 3},
	{"thursday", TX_WDAY, 4}, {"friday", TX_WDAY, 5}, {"saturday", TX_WDAY, 6},
	{"sunday", TX_WDAY, 7},
	{"mon", TX_WDABBR, 1}, {"tue", TX_WDABBR, 2}, {"tues", TX_WDABBR, 2},
	{"wed", TX_WDABBR, 3}, {"thu", TX_WDABBR, 4}, {"thur", TX_WDABBR, 4},
	{"thurs", TX_WDABBR, 4}, {"fri", TX_WDABBR, 5}, {"sat", TX_WDABBR, 6},
	{"sun", TX_WDABBR, 7},
	{"mondays", TX_WDAYS, 1}, {"tuesdays", TX_WDAYS, 2}, {"wednesdays", TX_WDAYS, 3},
	{"thursdays", TX_WDAYS, 4}, {"fridays", TX_WDAYS, 5}, {"saturdays", TX_WDAYS, 6},
	{"sundays", TX_WDAYS, 7},
	{"one", TX_NUMW, 1}, {"two", TX_NUMW, 2}, {"three", TX_NUMW, 3}, {"four", TX_NUMW, 4},
	{"five", TX_NUMW, 5}, {"six", TX_NUMW, 6}, {"seven", TX_NUMW, 7}, {"eight", TX_NUMW, 8},
	{"nine", TX_NUMW, 9}, {"ten", TX_NUMW, 10}, {"eleven", TX_NUMW, 11},
	{"twelve", TX_NUMW, 12}, {"thirteen", TX_NUMW, 13}, {"fourteen", TX_NUMW, 14},
	{"fifteen", TX_NUMW, 15}, {"sixteen", TX_NUMW, 16}, {"seventeen", TX_NUMW, 17},
	{"eighteen", TX_NUMW, 18}, {"nineteen", TX_NUMW, 19}, {"twenty", TX_NUMW, 20},
	{"thirty", TX_NUMW, 30}, {"forty", TX_NUMW, 40}, {"fifty", TX_NUMW, 50},
	{"sixty", TX_NUMW, 60}, {"seventy", TX_NUMW, 70}, {"eighty", TX_NUMW, 80},
	{"ninety", TX_NUMW, 90}, {"hundred", TX_NUMW, 100}, {"dozen", TX_NUMW, 12},
	{"several", TX_NUMW, -1}, {"few", TX_NUMW, -1}, {"many", TX_NUMW, -1},
	{"some", TX_NUMW, -1}, {"couple", TX_NUMW, -2}, {"numerous", TX_NUMW, -1},
	{"first", TX_ORDW, 1}, {"second", TX_ORDW, 2}, {"third", TX_ORDW, 3},
	{"fourth", TX_ORDW, 4}, {"fifth", TX_ORDW, 5}, {"sixth", TX_ORDW, 6},
	{"seventh", TX_ORDW, 7}, {"eighth", TX_ORDW, 8}, {"ninth", TX_ORDW, 9},
	{"tenth", TX_ORDW, 10}, {"eleventh", TX_ORDW, 11}, {"twelfth", TX_ORDW, 12},
	{"thirteenth", TX_ORDW, 13}, {"fourteenth", TX_ORDW, 14}, {"fifteenth", TX_ORDW, 15},
	{"sixteenth", TX_ORDW, 16}, {"seventeenth", TX_ORDW, 17}, {"eighteenth", TX_ORDW, 18},
	{"nineteenth", TX_ORDW, 19}, {"twentieth", TX_ORDW, 20}, {"thirtieth", TX_ORDW, 30},
	{"second", TX_UNIT, U_SEC}, {"sec", TX_UNIT, U_SEC}, {"seconds", TX_UNITS, U_SEC},
	{"secs", TX_UNITS, U_SEC},
	{"minute", TX_UNIT, U_MIN}, {"min", TX_UNIT, U_MIN}, {"minutes", TX_UNITS, U_MIN},
	{"mins", TX_UNITS, U_MIN},
	{"hour", TX_UNIT, U_HOUR}, {"hr", TX_UNIT, U_HOUR}, {"hours", TX_UNITS, U_HOUR},
	{"hrs", TX_UNITS, U_HOUR},
	{"day", TX_UNIT, U_DAY}, {"days", TX_UNITS, U_DAY},
	{"night", TX_UNIT, U_NIGHT}, {"nights", TX_UNITS, U_NIGHT},
	{"week", TX_UNIT, U_WEEK}, {"weeks", TX_UNITS, U_WEEK}, {"wk", TX_UNIT, U_WEEK},
	{"weekend", TX_UNIT, U_WEEKEND}, {"weekends", TX_UNITS, U_WEEKEND},
	{"fortnight", TX_UNIT, U_FORTNIGHT}, {"fortnights", TX_UNITS, U_FORTNIGHT},
	{"month", TX_UNIT, U_MONTH}, {"months", TX_UNITS, U_MONTH}, {"mo", TX_UNIT, U_MONTH},
	{"quarter", TX_UNIT, U_QUARTER}, {"quarters", TX_UNITS, U_QUARTER},
	{"qtr", TX_UNIT, U_QUARTER},
	{"half", TX_UNIT, U_HALF},
	{"year", TX_UNIT, U_YEAR}, {"years", TX_UNITS, U_YEAR}, {"yr", TX_UNIT, U_YEAR},
	{"yrs", TX_UNITS, U_YEAR},
	{"decade", TX_UNIT, U_DECADE}, {"decades", TX_UNITS, U_DECADE},
	{"century", TX_UNIT, U_CENTURY}, {"centuries", TX_UNITS, U_CENTURY},
	{"morning", TX_POD, P_MO}, {"mornings", TX_POD, P_MO},
	{"afternoon", TX_POD, P_AF}, {"afternoons", TX_POD, P_AF},
	{"evening", TX_POD, P_EV}, {"evenings", TX_POD, P_EV},
	{"night", TX_POD, P_NI}, {"nights", TX_POD, P_NI},
	{"midday", TX_POD, P_MI}, {"daytime", TX_POD, P_DT},
	{"spring", TX_SEASON, S_SP}, {"summer", TX_SEASON, S_SU}, {"fall", TX_SEASON, S_FA},
	{"autumn", TX_SEASON, S_FA}, {"winter", TX_SEASON, S_WI},
	{"last", TX_DEIC, D_LAST}, {"next", TX_DEIC, D_NEXT}, {"this", TX_DEIC, D_THIS},
	{"coming", TX_DEIC, D_COMING}, {"upcoming", TX_DEIC, D_COMING},
	{"past", TX_DEIC, D_PAST}, {"previous", TX_DEIC, D_PREV}, {"prior", TX_DEIC, D_PREV},
	{"following", TX_DEIC, D_FOLLOWING}, {"current", TX_DEIC, D_CURRENT},
	{"recent", TX_DEIC, D_RECENT}, {"these", TX_DEIC, D_THIS},
	{"daily", TX_SETW, U_DAY}, {"nightly", TX_SETW, U_NIGHT}, {"weekly", TX_SETW, U_WEEK},
	{"monthly", TX_SETW, U_MONTH}, {"quarterly", TX_SETW, U_QUARTER},
	{"annually", TX_SETW, U_YEAR}, {"annual", TX_SETW, U_YEAR}, {"yearly", TX_SETW, U_YEAR},
	{"hourly", TX_SETW, U_HOUR}, {"biweekly", TX_SETW, U_FORTNIGHT},
	{"est", TX_TZ, 1}, {"edt", TX_TZ, 1}, {"cst", TX_TZ, 1}, {"cdt", TX_TZ, 1},
	{"mst", TX_TZ, 1}, {"mdt", TX_TZ, 1}, {"pst", TX_TZ, 1}, {"pdt", TX_TZ, 1},
	{"gmt", TX_TZ, 1}, {"utc", TX_TZ, 1}, {"bst", TX_TZ, 1}, {"cet", TX_TZ, 1},
	{"cest", TX_TZ, 1}, {"et", TX_TZ, 1}, {"pt", TX_TZ, 1}, {"ct", TX_TZ, 1},
	/* Tense cues: the verb nearest an expression decides whether a bare
	 * weekday or month is the past or the coming one. */
	{"will", TX_TENSE, TN_FUT}, {"'ll", TX_TENSE, TN_FUT}, {"shall", TX_TENSE, TN_FUT},
	{"would", TX_TENSE, TN_FUT}, {"wo", TX_TENSE, TN_FUT}, {"going", TX_TENSE, TN_FUT},
	{"scheduled", TX_TENSE, TN_FUT}, {"supposed", TX_TENSE, TN_FUT},
	{"plans", TX_TENSE, TN_FUT}, {"plan", TX_TENSE, TN_FUT}, {"due", TX_TENSE, TN_FUT},
	{"expected", TX_TENSE, TN_FUT}, {"expects", TX_TENSE, TN_FUT},
	{"slated", TX_TENSE, TN_FUT},
	{"upcoming", TX_TENSE, TN_FUT}, {"planning", TX_TENSE, TN_FUT},
	{"soon", TX_TENSE, TN_FUT}, {"next", TX_TENSE, TN_FUT}, {"tomorrow", TX_TENSE, TN_FUT},
	{"yesterday", TX_TENSE, TN_PAST}, {"last", TX_TENSE, TN_PAST}, {"ago", TX_TENSE, TN_PAST},
	{"said", TX_TENSE, TN_PAST}, {"was", TX_TENSE, TN_PAST}, {"were", TX_TENSE, TN_PAST},
	{"had", TX_TENSE, TN_PAST}, {"did", TX_TENSE, TN_PAST}, {"told", TX_TENSE, TN_PAST},
	{"met", TX_TENSE, TN_PAST}, {"came", TX_TENSE, TN_PAST}, {"went", TX_TENSE, TN_PAST},
	{"made", TX_TENSE, TN_PAST}, {"took", TX_TENSE, TN_PAST}, {"gave", TX_TENSE, TN_PAST},
	{"got", TX_TENSE, TN_PAST}, {"saw", TX_TENSE, TN_PAST}, {"began", TX_TENSE, TN_PAST},
	{"left", TX_TENSE, TN_PAST}, {"held", TX_TENSE, TN_PAST}, {"won", TX_TENSE, TN_PAST},
	{"lost", TX_TENSE, TN_PAST}, {"fell", TX_TENSE, TN_PAST}, {"rose", TX_TENSE, TN_PAST},
	{"became", TX_TENSE, TN_PAST}, {"brought", TX_TENSE, TN_PAST},
	{"bought", TX_TENSE, TN_PAST}, {"sold", TX_TENSE, TN_PAST}, {"sent", TX_TENSE, TN_PAST},
	{"spent", TX_TENSE, TN_PAST}, {"paid", TX_TENSE, TN_PAST}, {"struck", TX_TENSE, TN_PAST},
	{"thought", TX_TENSE, TN_PAST}, {"found", TX_TENSE, TN_PAST}, {"kept", TX_TENSE, TN_PAST},
	{"led", TX_TENSE, TN_PAST}, {"ran", TX_TENSE, TN_PAST}, {"felt", TX_TENSE, TN_PAST},
	{"knew", TX_TENSE, TN_PAST}, {"wrote", TX_TENSE, TN_PAST}, {"spoke", TX_TENSE, TN_PAST},
	{"shot", TX_TENSE, TN_PAST}, {"broke", TX_TENSE, TN_PAST}, {"chose", TX_TENSE, TN_PAST},
	{"drew", TX_TENSE, TN_PAST}, {"flew", TX_TENSE, TN_PAST}, {"grew", TX_TENSE, TN_PAST},
	{"fought", TX_TENSE, TN_PAST}, {"caught", TX_TENSE, TN_PAST},
	{"sought", TX_TENSE, TN_PAST}, {"stood", TX_TENSE, TN_PAST}, {"withdrew", TX_TENSE, TN_PAST},
	{"has", TX_TENSE, TN_PAST}, {"have", TX_TENSE, TN_PAST},
	{"'d", TX_TENSE, TN_PAST}, {"hit", TX_TENSE, TN_PAST}, {"quit", TX_TENSE, TN_PAST},
	/* Words that open an expression (the third quarter, about 3 p.m.) and the
	 * first words of holiday names: the recogniser tries only these positions. */
	{"the", TX_START, 0}, {"a", TX_START, 0}, {"an", TX_START, 0}, {"every", TX_START, 0},
	{"each", TX_START, 0}, {"early", TX_START, 0}, {"late", TX_START, 0},
	{"mid", TX_START, 0}, {"earlier", TX_START, 0}, {"later", TX_START, 0},
	{"about", TX_START, 0}, {"around", TX_START, 0}, {"approximately", TX_START, 0},
	{"roughly", TX_START, 0}, {"nearly", TX_START, 0}, {"almost", TX_START, 0},
	{"more", TX_START, 0}, {"less", TX_START, 0}, {"fewer", TX_START, 0},
	{"over", TX_START, 0}, {"under", TX_START, 0}, {"at", TX_START, 0}, {"up", TX_START, 0},
	{"no", TX_START, 0}, {"some", TX_START, 0}, {"just", TX_START, 0}, {"well", TX_START, 0},
	{"end", TX_START, 0}, {"beginning", TX_START, 0}, {"start", TX_START, 0},
	{"middle", TX_START, 0}, {"close", TX_START, 0}, {"turn", TX_START, 0},
	{"dawn", TX_START, 0}, {"fiscal", TX_HOLI, 0}, {"half", TX_HOLI, 0},
	{"quarter", TX_HOLI, 0}, {"noon", TX_HOLI, 0}, {"midnight", TX_HOLI, 0},
	{"midday", TX_HOLI, 0}, {"overnight", TX_HOLI, 0}, {"today", TX_HOLI, 0},
	{"tonight", TX_HOLI, 0}, {"tomorrow", TX_HOLI, 0}, {"yesterday", TX_HOLI, 0},
	{"tomorrows", TX_HOLI, 0}, {"yesterdays", TX_HOLI, 0},
	{"now", TX_HOLI, 0}, {"currently", TX_HOLI, 0}, {"nowadays", TX_HOLI, 0},
	{"recently", TX_HOLI, 0}, {"lately", TX_HOLI, 0}, {"current", TX_HOLI, 0},
	{"future", TX_HOLI, 0}, {"past", TX_START, 0}, {"present", TX_HOLI, 0},
	{"q", TX_HOLI, 0}, {"shortly", TX_START, 0}, {"these", TX_START, 0},
	{"year", TX_START, 0}, {"per", TX_START, 0}, {"christmas", TX_HOLI, 0},
	{"xmas", TX_HOLI, 0}, {"new", TX_HOLI, 0}, {"thanksgiving", TX_HOLI, 0},
	{"labor", TX_HOLI, 0}, {"labour", TX_HOLI, 0}, {"memorial", TX_HOLI, 0},
	{"independence", TX_HOLI, 0}, {"fourth", TX_HOLI, 0}, {"halloween", TX_HOLI, 0},
	{"valentine", TX_HOLI, 0}, {"valentines", TX_HOLI, 0}, {"veterans", TX_HOLI, 0},
	{"veteran", TX_HOLI, 0}, {"armistice", TX_HOLI, 0}, {"remembrance", TX_HOLI, 0},
	{"martin", TX_HOLI, 0}, {"mlk", TX_HOLI, 0}, {"presidents", TX_HOLI, 0},
	{"president", TX_HOLI, 0}, {"mother", TX_HOLI, 0}, {"mothers", TX_HOLI, 0},
	{"father", TX_HOLI, 0}, {"fathers", TX_HOLI, 0}, {"columbus", TX_HOLI, 0},
	{"easter", TX_HOLI, 0}, {"good", TX_HOLI, 0}, {"palm", TX_HOLI, 0}, {"ash", TX_HOLI, 0},
	{"maundy", TX_HOLI, 0}, {"pentecost", TX_HOLI, 0}, {"whit", TX_HOLI, 0},
	{"ascension", TX_HOLI, 0}, {"boxing", TX_HOLI, 0}, {"st", TX_HOLI, 0},
	{"saint", TX_HOLI, 0}, {"groundhog", TX_HOLI, 0}, {"earth", TX_HOLI, 0},
	{"april", TX_HOLI, 0}, {"election", TX_HOLI, 0}, {"black", TX_HOLI, 0},
	{"cyber", TX_HOLI, 0}, {"cinco", TX_HOLI, 0}, {"juneteenth", TX_HOLI, 0},
	{"bastille", TX_HOLI, 0}, {"canada", TX_HOLI, 0}, {"australia", TX_HOLI, 0},
	{"all", TX_HOLI, 0}, {"epiphany", TX_HOLI, 0}, {"may", TX_HOLI, 0}, {"guy", TX_HOLI, 0},
	{"boss", TX_HOLI, 0}, {"world", TX_HOLI, 0},
	/* Words that make a sentence worth parsing on their own. */
	{"today", TX_TRIG, 0}, {"tonight", TX_TRIG, 0}, {"tomorrow", TX_TRIG, 0},
	{"tomorrows", TX_TRIG, 0}, {"yesterdays", TX_TRIG, 0},
	{"yesterday", TX_TRIG, 0}, {"now", TX_TRIG, 0}, {"currently", TX_TRIG, 0},
	{"recently", TX_TRIG, 0}, {"lately", TX_TRIG, 0}, {"nowadays", TX_TRIG, 0},
	{"current", TX_TRIG, 0}, {"recent", TX_TRIG, 0}, {"future", TX_TRIG, 0},
	{"past", TX_TRIG, 0}, {"present", TX_TRIG, 0}, {"noon", TX_TRIG, 0},
	{"midnight", TX_TRIG, 0}, {"midday", TX_TRIG, 0}, {"overnight", TX_TRIG, 0},
	{"christmas", TX_TRIG, 0}, {"xmas", TX_TRIG, 0}, {"thanksgiving", TX_TRIG, 0},
	{"easter", TX_TRIG, 0}, {"halloween", TX_TRIG, 0}, {"pentecost", TX_TRIG, 0},
	{"epiphany", TX_TRIG, 0}, {"juneteenth", TX_TRIG, 0}, {"cinco", TX_TRIG, 0},
	{"nineteen", TX_TRIG, 0}, {"eighteen", TX_TRIG, 0}, {"thousand", TX_TRIG, 0},
	{"am", TX_TRIG, 0}, {"pm", TX_TRIG, 0}, {"oclock", TX_TRIG, 0}, {"clock", TX_TRIG, 0},
	{"mardi", TX_TRIG, 0}, {"pentecost", TX_TRIG, 0}, {"saint", TX_HOLI, 0}, {"shrove", TX_HOLI, 0},
	{"trinity", TX_HOLI, 0}, {"pancake", TX_HOLI, 0},
	{"is", TX_TENSE, TN_PRES}, {"are", TX_TENSE, TN_PRES}, 
	{"says", TX_TENSE, TN_PRES}, {"does", TX_TENSE, TN_PRES},
};

static const char number_pattern[] =
	"[12]\\d{3}(?!\\d)|\\d{1,2}/\\d|\\d{1,2}-\\d{1,2}-\\d|\\d{1,2}\\.\\d{1,2}\\.\\d"
	"|\\d{1,2}:\\d\\d|\\d{1,2}\\s?(?i:[ap]\\.?m\\b|[ap]\\b|h\\b|h\\d\\d)|\\d{1,2}(?i:th|st|nd|rd)\\b"
	"|\\d{2,4}s\\b|[12]\\d{3}(?i:q\\d)|\\d{3,4}\\s?(?i:[ap]\\.?m\\b)|\\d{1,2}(?i:ish)\\b"
	"|\\d{1,2} \\d\\d\\b";

const char *timex_lex_number_pattern(void)
{
	return number_pattern;
}

int timex_lex_is_trigger(const struct timex_lexinfo *info)
{
	const unsigned mask = 1u << TX_MONTH | 1u << TX_MONABBR | 1u << TX_WDAY | 1u << TX_WDABBR
		| 1u << TX_WDAYS | 1u << TX_UNIT | 1u << TX_UNITS | 1u << TX_POD | 1u << TX_SEASON
		| 1u << TX_SETW | 1u << TX_TRIG;
	return info && (info->mask & mask);
}

struct timex_lex {
	struct timex_lex_slot index[1u << TIMEX_LEX_BITS];
	struct timex_lex_entry *entries;
	size_t nentries, cap;
	int holiday_nonletter;  /* some holiday alias begins with a non-letter */
	int holiday_long;       /* ... or with more than TIMEX_WORD_MAX letters */
};

static int same_word(const struct timex_lex_entry *en, const struct timex_word8 *k)
{
	return timex_lex_same(en, k);
}

/* The entry of w (lower case), added when it is missing. */
static struct timex_lex_entry *intern(struct timex_lex *lx, const char *w, size_t n)
{
	if (n > TIMEX_WORD_MAX || n == 0) {
		fprintf(stderr, "timex_lex: word too long: %.*s\n", (int)n, w);
		abort();
	}
	unsigned char pad[TIMEX_WORD_MAX + 16] = {0};
	memcpy(pad, w, n);
	struct timex_word8 k = timex_word8(pad, n);
	uint32_t h = timex_lex_hash8(&k);
	size_t i = h >> (32 - TIMEX_LEX_BITS);
	for (;; i = (i + 1) & ((1u << TIMEX_LEX_BITS) - 1)) {
		struct timex_lex_slot *s = &lx->index[i];
		if (!s->entry)
			break;
		struct timex_lex_entry *en = &lx->entries[s->entry - 1];
		if (s->hash == h && s->n == n && same_word(en, &k))
			return en;
	}
	if (lx->nentries + 1 >= (1u << TIMEX_LEX_BITS) / 2) {
		fprintf(stderr, "timex_lex: word table full\n");
		abort();
	}
	NEWS_GROW(lx->entries, lx->cap, lx->nentries + 1);
	struct timex_lex_entry *en = &lx->entries[lx->nentries++];
	memset(en, 0, sizeof *en);
	memcpy(en->w, w, n);
	en->n = (unsigned char)n;
	lx->index[i] = (struct timex_lex_slot){h, (unsigned short)lx->nentries, (unsigned char)n};
	return en;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct timex_lex *timex_lex_new(const struct news_calendar *cal)
{
	struct timex_lex *lx = news_xcalloc(1, sizeof *lx);
	size_t n = sizeof lexicon / sizeof lexicon[0];
	for (size_t i = 0; i < n; i++) {
		struct timex_lex_entry *en = intern(lx, lexicon[i].w, strlen(lexicon[i].w));
		en->info.mask |= 1u << lexicon[i].cls;
		en->info.val[lexicon[i].cls] = lexicon[i].v;
	}
	/* The prefilter scans runs of ASCII letters and asks only about words
	 * of 2 to 15 letters. */
	for (size_t i = 0; i < lx->nentries; i++) {
		struct timex_lex_entry *en = &lx->entries[i];
		int letters = en->n >= 2 && en->n < 16;
		for (size_t k = 0; k < en->n; k++)
			letters &= is_letter((unsigned char)en->w[k]);
		if (letters && timex_lex_is_trigger(&en->info))
			en->flags |= TIMEX_W_TRIGGER;
	}
	/* A holiday name can begin only where the run of letters is the run
	 * its alias begins with ("the" counts: the Fourth of July). */
	intern(lx, "the", 3)->flags |= TIMEX_W_HOLIDAY;
	size_t na = cal ? news_calendar_aliases(cal) : 0;
	for (size_t i = 0; i < na; i++) {
		size_t len, k = 0;
		const char *key = news_calendar_alias(cal, i, &len);
		while (k < len && is_letter((unsigned char)key[k]))
			k++;
		if (k == 0)
			lx->holiday_nonletter = 1;
		else if (k > TIMEX_WORD_MAX)
			lx->holiday_long = 1;
		else
			intern(lx, key, k)->flags |= TIMEX_W_HOLIDAY;
		if (len > 4 && memcmp(key, "the ", 4) == 0) {
			size_t m = 4;
			while (m < len && is_letter((unsigned char)key[m]))
				m++;
			if (m == 4)
				lx->holiday_nonletter = 1;
			else if (m - 4 > TIMEX_WORD_MAX)
				lx->holiday_long = 1;
			else
				intern(lx, key + 4, m - 4)->flags |= TIMEX_W_AFTER_THE;
		}
	}
	return lx;
}

void timex_lex_free(struct timex_lex *lx)
{
	if (!lx)
		return;
	free(lx->entries);
	free(lx);
}

void timex_lex_add_starts(struct timex_lex *lx, const char *w, uint64_t bits)
{
	intern(lx, w, strlen(w))->starts |= bits;
}

void timex_lex_add_class_starts(struct timex_lex *lx, enum timex_cls cls, uint64_t bits)
{
	for (size_t i = 0; i < lx->nentries; i++)
		if (lx->entries[i].info.mask & (1u << cls))
			lx->entries[i].starts |= bits;
}

void timex_lex_bloom(const struct timex_lex *lx, unsigned flags,
                     uint64_t bloom[(1u << TIMEX_BLOOM_BITS) / 64])
{
	memset(bloom, 0, (1u << TIMEX_BLOOM_BITS) / 8);
	for (size_t i = 0; i < (1u << TIMEX_LEX_BITS); i++) {
		const struct timex_lex_slot *s = &lx->index[i];
		if (s->entry && (lx->entries[s->entry - 1].flags & flags)) {
			uint32_t b = s->hash & ((1u << TIMEX_BLOOM_BITS) - 1);
			bloom[b / 64] |= 1ull << (b % 64);
		}
	}
}

struct timex_lex_index timex_lex_index(const struct timex_lex *lx)
{
	return (struct timex_lex_index){lx->index, lx->entries};
}

const struct timex_lex_entry *timex_lex_find(const struct timex_lex *lx,
                                             const struct timex_word8 *k)
{
	struct timex_lex_index ix = timex_lex_index(lx);
	return timex_lex_lookup(&ix, k);
}

int timex_lex_holiday_nonletter(const struct timex_lex *lx)
{
	return lx->holiday_nonletter;
}

int timex_lex_holiday_long(const struct timex_lex *lx)
{
	return lx->holiday_long;
}

const struct timex_lexinfo *timex_lex_get(const struct timex_lex *lx,
                                          const char *w, size_t n)
{
	if (n > TIMEX_WORD_MAX)
		return NULL;
	unsigned char pad[TIMEX_WORD_MAX + 16] = {0};
	memcpy(pad, w, n);
	struct timex_word8 k = timex_word8(pad, n);
	const struct timex_lex_entry *en = timex_lex_find(lx, &k);
	return en && en->info.mask ? &en->info : NULL;
}
