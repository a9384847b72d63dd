/* ner_rules: see ner_rules.h. */
#include "ner_rules.h"

#include <stdlib.h>

#include "ner_util.h"
#include "rx.h"

struct ner_rules {
	struct news_rx *org;
	struct news_rx *dateline;
};

/* A dateline: the place in capitals that opens a wire story, then a date,
 * a region, the agency or a dash (`BRUSSELS 1996-08-22`, `LONDON (Reuters)
 * -`, `WASHINGTON, July 29 --`). */
static const char dateline_pattern[] =
	"^\\s*(\\p{Lu}[\\p{Lu}.'\\-]+(?:\\s\\p{Lu}[\\p{Lu}.'\\-]+){0,2})"
	"(?=\\s*(?:,|\\(|\\d|--|-|\\x{2014}|$))";

/* A capitalised word of a name: letters, digits, & ' . - inside. */
#define CAPWORD "\\p{Lu}[\\p{L}\\p{N}&'.\\-]*"

static const char org_pattern[] =
	"(?<![\\p{L}\\p{N}.&'-])"
	"(?:"
	/* a company: up to five capitalised words (or &) and a legal suffix */
	"(?:" CAPWORD "|&)(?:\\s+(?:" CAPWORD "|&)){0,4},?\\s+"
	"(?:Corp\\.|Corporation|Co\\.|Cos\\.|Inc\\.|Incorporated|Ltd\\.|Limited|LLC|"
	"L\\.L\\.C\\.|PLC|plc|Plc|AG|GmbH|N\\.V\\.|S\\.A\\.|S\\.p\\.A\\.|Holdings|Industries|"
	"Bancorp|Airlines|Group)"
	"(?![\\p{L}\\p{N}])"
	"|"
	/* an institution of somewhere: Ministry of Defence, University of Chicago */
	"(?:(?:" CAPWORD ")\\s+){0,2}"
	"(?:Ministry|Department|University|Bank|Council|Court|Institute|Academy|Museum|"
	"Federation|League|Party|Church|Commission|Committee|Organi[sz]ation|Association|"
	"Agency|Bureau|College|Board|Chamber|Federal Reserve Bank)"
	"\\s+of\\s+(?:the\\s+)?" CAPWORD "(?:\\s+(?:and\\s+)?" CAPWORD "){0,3}"
	")";

struct ner_rules *ner_rules_new(void)
{
	struct ner_rules *r = ner_xmalloc(sizeof *r);
	r->org = news_rx_new(org_pattern, 0);
	r->dateline = news_rx_new(dateline_pattern, 0);
	return r;
}

void ner_rules_free(struct ner_rules *r)
{
	if (!r)
		return;
	news_rx_free(r->org);
	news_rx_free(r->dateline);
	free(r);
}

int ner_rules_next_org(struct ner_rules *r, const char *s, size_t n, size_t from,
                       size_t *start, size_t *end)
{
	if (from >= n || news_rx_match(r->org, s, n, from) <= 0)
		return 0;
	*start = news_rx_start(r->org, 0);
	*end = news_rx_end(r->org, 0);
	return 1;
}

int ner_rules_dateline(struct ner_rules *r, const char *s, size_t n, size_t *start, size_t *end)
{
	if (news_rx_match(r->dateline, s, n, 0) <= 1)
		return 0;
	*start = news_rx_start(r->dateline, 1);
	*end = news_rx_end(r->dateline, 1);
	return 1;
}
