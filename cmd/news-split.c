/* news-split: documents in, a doc record and sentence records out. */
#include "cli.h"
#include "doc.h"
#include "input.h"

int main(int argc, char **argv)
{
	struct news_cli cli;
	news_cli_init(&cli, "news-split",
	              "usage: news-split [--header] [--lines | --csv | --tsv | --stream | --text]\n"
	              "                  [--date DATE] [--cluster KEY] [--COLUMN-column NAME] [file ...]",
	              "Split news articles into sentences: a doc record for each document and a\n"
	              "sentence record for each sentence, as a newsutils stream on stdout.",
	              NULL);
	static const struct option longopts[] = {NEWS_COMMON_LONGOPTS, {0, 0, 0, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1)
		if (!news_cli_option(&cli, c, optarg))
			news_cli_usage_error(&cli, NULL);
	news_cli_start(&cli);

	struct news_reader *in = news_reader_open(cli.prog, &cli.in, argv + optind, argc - optind);
	struct news_doc doc;
	news_doc_init(&doc);
	while (news_reader_next(in, &doc))
		news_doc_write(&doc, stdout);
	int status = news_reader_status(in);
	news_reader_close(in);
	news_doc_free(&doc);
	return news_cli_finish(&cli, status);
}
