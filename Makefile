# newsutils: make, make check, make install, make bench.
# Everything under cmd/, lib/, lib/data/, tests/unit/ is picked up by pattern,
# so a new program or module needs no edit here. Extra rules of a module (the
# entity model, say) live in mk/*.mk.

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DESTDIR  ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
WARNINGS ?= -Wall -Wextra -Werror
PKG_CONFIG ?= pkg-config
PCRE2_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags libpcre2-8)
PCRE2_LIBS   ?= $(shell $(PKG_CONFIG) --libs libpcre2-8)
CSV_LIBS     ?= -lcsv
UTF8PROC_LIBS ?= -lutf8proc
STEMMER_LIBS ?= -lstemmer
LIBS = $(PCRE2_LIBS) $(CSV_LIBS) $(UTF8PROC_LIBS) $(STEMMER_LIBS) -lm

# make SANITIZE=1 check: ASan + UBSan over the whole suite, built apart.
ifeq ($(SANITIZE),1)
BUILD ?= build/san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
BUILD ?= build/rel
SANFLAGS =
endif
OUT = $(if $(filter 1,$(SANITIZE)),$(BUILD)/bin,bin)

ALL_CFLAGS = -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) \
             -Ilib $(PCRE2_CFLAGS) $(SANFLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = -pthread $(SANFLAGS) $(LDFLAGS)

LIB_SRC  := $(wildcard lib/*.c)
LIB_OBJ  := $(patsubst lib/%.c,$(BUILD)/lib/%.o,$(LIB_SRC))
DATA_SRC := $(filter-out %README.md %LICENSE %.md,$(wildcard lib/data/*))
DATA_OBJ := $(patsubst lib/data/%,$(BUILD)/data/%.o,$(DATA_SRC))
CMD_SRC  := $(wildcard cmd/*.c)
PROGS    := $(patsubst cmd/%.c,%,$(CMD_SRC))
BINS     := $(patsubst %,$(OUT)/%,$(PROGS))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNITS    := $(patsubst tests/unit/%.c,$(BUILD)/unit/%,$(UNIT_SRC))
MANS     := $(wildcard man/*.[1-9])
LIBA     := $(BUILD)/libnews.a
EMBED    := build/tools/embed

.PHONY: all check unit lint install uninstall bench clean model
all: $(BINS)

$(BUILD)/lib/%.o: lib/%.c $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(EMBED): tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $<

$(BUILD)/data/%.c: lib/data/% $(EMBED)
	@mkdir -p $(@D)
	$(EMBED) $< > $@

$(BUILD)/data/%.o: $(BUILD)/data/%.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ) $(DATA_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/cmd/%.o: cmd/%.c $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(OUT)/%: $(BUILD)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS)

$(BUILD)/unit/%: tests/unit/%.c tests/unit/unit.h $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS)

unit: $(UNITS)

lint:
	mandoc -T lint -W warning $(MANS)

# Every test: lib unit tests, man page lint, bats. Prints "N passed, N failed".
check: all unit
	@NEWS_BIN=$(abspath $(OUT)) UNITS="$(UNITS)" MANS="$(MANS)" sh tests/run.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do cp $(OUT)/$$p $(DESTDIR)$(BINDIR)/$$p; chmod 755 $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do s=$${m##*.}; cp $$m $(DESTDIR)$(MANDIR)/man$$s/; chmod 644 $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

uninstall:
	for p in $(PROGS); do rm -f $(DESTDIR)$(BINDIR)/$$p; done
	for m in $(MANS); do s=$${m##*.}; rm -f $(DESTDIR)$(MANDIR)/man$$s/$${m##*/}; done

bench: all
	NEWS_BIN=$(abspath $(OUT)) sh tests/bench.sh

clean:
	rm -rf build bin

-include $(wildcard mk/*.mk)
.SECONDARY:
