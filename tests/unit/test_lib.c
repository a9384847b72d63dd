/* Unit tests of the stream library: escaping, UTF-8, records, word sets,
 * the regex wrapper and document record ordering. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "escape.h"
#include "record.h"
#include "rx.h"
#include "unit.h"
#include "utf8.h"
#include "wordlist.h"

static void test_escape(void)
{
	const char raw[] = "a\tb\nc\rd\\e\0f";
	struct nbuf esc = {0}, back = {0};
	news_escape(&esc, raw, sizeof raw - 1);
	CHECK(esc.len == 15);
	CHECK(memcmp(esc.data, "a\\tb\\nc\\rd\\\\e\0f", 15) == 0);
	news_unescape(&back, esc.data, esc.len);
	CHECK(back.len == sizeof raw - 1 && memcmp(back.data, raw, back.len) == 0);
	CHECK(news_unescaped_equals(esc.data, esc.len, raw, sizeof raw - 1));
	CHECK(!news_unescaped_equals(esc.data, esc.len, raw, sizeof raw - 2));
	nbuf_clear(&back);
	news_unescape(&back, "x\\qy\\", 5);   /* unknown escape, lone backslash */
	CHECK_STR(back.data, "xqy\\");
	nbuf_free(&esc);
	nbuf_free(&back);
}

static void test_utf8(void)
{
	size_t adv;
	CHECK(news_utf8_decode("\xc3\xa9", 2, 0, &adv) == 0xE9 && adv == 2);
	CHECK(news_utf8_decode("\xe2\x80\x9c", 3, 0, &adv) == 0x201C && adv == 3);
	CHECK(news_utf8_decode("\xff", 1, 0, &adv) == NEWS_REPLACEMENT && adv == 1);
	CHECK(news_utf8_decode("\xe2\x80", 2, 0, &adv) == NEWS_REPLACEMENT && adv == 1);
	CHECK(news_utf8_decode("\xc0\xaf", 2, 0, &adv) == NEWS_REPLACEMENT);  /* overlong */
	CHECK(news_utf8_decode("\xed\xa0\x80", 3, 0, &adv) == NEWS_REPLACEMENT); /* surrogate */
	size_t back;
	CHECK(news_utf8_decode_back("a\xe2\x80\x9d", 4, &back) == 0x201D && back == 3);
	CHECK(news_utf8_decode_back("a\x80", 2, &back) == NEWS_REPLACEMENT && back == 1);
	CHECK(news_is_space(0xA0) && news_is_space(0xFEFF) && news_is_space('\r'));
	CHECK(!news_is_space('x') && !news_is_space(0xE9));
	CHECK(news_is_upper(0xC9) && news_is_lower(0xE9) && news_is_letter(0x4E2D));
	CHECK(news_is_quote(0x201C) && news_is_dash(0x2014));
	const char *s = " \xc2\xa0 word \xc2\xa0";
	CHECK(news_skip_space(s, strlen(s), 0) == 4);
	CHECK(news_trim_back(s, 0, strlen(s)) == 8);
	struct nbuf low = {0};
	news_lower_utf8(&low, "\xc3\x89T\xc3\x89 NATO", 10);
	CHECK_STR(low.data, "\xc3\xa9t\xc3\xa9 nato");
	nbuf_free(&low);
}

static void test_record(void)
{
	struct news_fields fs = {0};
	const char line[] = "d\t1\tsentence\t0\t5\tab\\tc\t1\t\textra";
	news_fields_split(&fs, line, sizeof line - 1);
	CHECK(fs.n == 9);
	CHECK(news_field_is(fs.f[NEWS_F_KIND], "sentence"));
	CHECK(news_field_num(fs.f[NEWS_F_END]) == 5);
	CHECK(news_field_num(fs.f[NEWS_F_TEXT]) == -1);
	CHECK(news_field_get(&fs, 20).len == 0);
	struct nbuf t = {0};
	news_field_unescape(fs.f[NEWS_F_TEXT], &t);
	CHECK_STR(t.data, "ab\tc");
	nbuf_free(&t);
	news_fields_split(&fs, "", 0);
	CHECK(fs.n == 1 && fs.f[0].len == 0);
	news_fields_free(&fs);
}

static void test_wordset(void)
{
	const char list[] = "# comment\nNATO\tNorth Atlantic Treaty Organization\nU.S.\r\n\nÉtat\n";
	struct news_wordset *ws = news_wordset_new(list, sizeof list - 1, 0);
	CHECK(news_wordset_size(ws) == 3);
	CHECK(news_wordset_has(ws, "U.S.", 4));
	CHECK(!news_wordset_has(ws, "u.s.", 4));
	size_t vlen;
	const char *v = news_wordset_get(ws, "NATO", 4, &vlen);
	CHECK(v && vlen == 34 && strncmp(v, "North Atlantic", 14) == 0);
	news_wordset_free(ws);
	ws = news_wordset_new(list, sizeof list - 1, NEWS_WS_FOLD);
	CHECK(news_wordset_has(ws, "nato", 4) && news_wordset_has(ws, "\xc3\xa9tat", 5));
	for (int i = 0; i < 1000; i++) {   /* growth keeps old entries */
		char k[16];
		int n = snprintf(k, sizeof k, "w%d", i);
		news_wordset_put(ws, k, (size_t)n, NULL, 0);
	}
	CHECK(news_wordset_size(ws) == 1003 && news_wordset_has(ws, "W999", 4));
	CHECK(news_wordset_has(ws, "NATO", 4));
	news_wordset_free(ws);
}

static void test_rx(void)
{
	struct news_rx *rx = news_rx_new("(?<day>Mon|Tues)day\\b", NEWS_RX_CASELESS);
	const char *s = "on monday and Tuesday";
	CHECK(news_rx_match(rx, s, strlen(s), 0) == 2);
	CHECK(news_rx_start(rx, 0) == 3 && news_rx_end(rx, 0) == 9);
	int g = news_rx_group(rx, "day");
	CHECK(g == 1 && news_rx_end(rx, g) == 6);
	CHECK(news_rx_match(rx, s, strlen(s), 9) && news_rx_start(rx, 0) == 14);
	CHECK(!news_rx_match_at(rx, s, strlen(s), 4));
	const char bad[] = "x \xff Monday";
	CHECK(news_rx_match(rx, bad, sizeof bad - 1, 0) && news_rx_start(rx, 0) == 4);
	news_rx_free(rx);
}

static void test_doc_order(void)
{
	struct news_doc d;
	news_doc_init(&d);
	nbuf_set(&d.id, "x", 1);
	nbuf_set(&d.text, "One two. Three four.", 20);
	news_doc_add_sentence(&d, 0, 8, 1);
	news_doc_add_sentence(&d, 9, 20, 1);
	news_doc_add(&d, 2, "entity", 9, 14, "MISC", "Three", NULL, 0);
	news_doc_add(&d, 1, "entity", 4, 7, "MISC", "two", NULL, 0);
	news_doc_add(&d, 1, "date", 0, 3, "DATE", "x", NULL, 0);
	CHECK(news_doc_sentence_at(&d, 10) == 2 && news_doc_sentence_at(&d, 8) == 0);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	news_doc_write(&d, f);
	fclose(f);
	const char *want =
		"x\t0\tdoc\t0\t20\tOne two. Three four.\t\t\t\t\n"
		"x\t1\tsentence\t0\t8\tOne two.\t1\t\n"
		"x\t1\tdate\t0\t3\tOne\tDATE\tx\n"
		"x\t1\tentity\t4\t7\ttwo\tMISC\ttwo\n"
		"x\t2\tsentence\t9\t20\tThree four.\t1\t\n"
		"x\t2\tentity\t9\t14\tThree\tMISC\tThree\n";
	CHECK_STR(out, want);
	free(out);
	news_doc_free(&d);

	f = open_memstream(&out, &len);
	const char *extra[] = {"a\tb", NULL};
	struct news_loose_record lr = {"x", 1, 3, "summary", 4, 7, "t\\o", 3, "1", 1,
	                               "x,y", 3, extra, 2};
	news_record_write(&lr, f);
	fclose(f);
	CHECK_STR(out, "x\t3\tsummary\t4\t7\tt\\\\o\t1\tx,y\ta\\tb\t\n");
	free(out);
}

int main(void)
{
	test_escape();
	test_utf8();
	test_record();
	test_wordset();
	test_rx();
	test_doc_order();
	return unit_status("test_lib");
}
