#!/usr/bin/env bats
# make install / uninstall honour PREFIX and DESTDIR.
load helper

@test "make install and uninstall with DESTDIR and PREFIX" {
	[ "${NEWS_BIN}" = "$ROOT/bin" ] || skip "installs the release build only"
	dest=$BATS_TEST_TMPDIR/dest
	make -s -C "$ROOT" install DESTDIR="$dest" PREFIX=/opt/news > /dev/null
	[ -x "$dest/opt/news/bin/news-split" ]
	[ -f "$dest/opt/news/share/man/man1/news-split.1" ]
	[ -f "$dest/opt/news/share/man/man7/newsutils.7" ]
	"$dest/opt/news/bin/news-split" --version
	make -s -C "$ROOT" uninstall DESTDIR="$dest" PREFIX=/opt/news > /dev/null
	[ ! -e "$dest/opt/news/bin/news-split" ]
	[ ! -e "$dest/opt/news/share/man/man7/newsutils.7" ]
}
