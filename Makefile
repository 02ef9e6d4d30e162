# faqbot: build, index, test, bench. All outputs under $(BUILD)/.
.SUFFIXES:

CC       ?= cc
BUILD    ?= build
OPT      ?= -O2 -g
SANITIZE ?=
PREFIX   ?= /usr/local
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -Wall -Wextra -Wshadow -Wmissing-prototypes -Wno-unused-parameter -Werror \
             $(OPT) $(if $(SANITIZE),-fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all) \
             -MMD -MP -I/usr/include/libxml2 -DPREFIX='"$(PREFIX)"' $(CFLAGS)
LDLIBS_ALL = -lstemmer -lpcre2-8 -lutf8proc -lexttextcat-2.0 -lmicrohttpd -ljansson \
             -lcmark -ledit -lxml2 -lhunspell -lz -lm -lpthread $(LDLIBS)
LDFLAGS_ALL = $(if $(SANITIZE),-fsanitize=$(SANITIZE)) $(LDFLAGS)

SRC       := $(wildcard src/*.c)
# The command line (main.c, its table; cli.c; the commands, cmd_*.c) is the
# binary's own: the core library, which the tests link, holds the rest.
CLI_SRC   := src/main.c src/cli.c $(wildcard src/cmd_*.c)
CLI_OBJ   := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
CORE_SRC  := $(filter-out $(CLI_SRC),$(SRC))
CORE_OBJ  := $(CORE_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lang_pack.o $(BUILD)/obj/unicode_tables.o
PACKFILES := $(wildcard lang/*/*.txt lang/*/*.md)
UNIT_SRC  := $(wildcard tests/unit/test_*.c)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

FAQBOT    := $(BUILD)/faqbot
INDEX     := $(BUILD)/faq.idx
PORT      ?= 8080
CORPUS    ?= corpus
FUZZ_SECONDS ?= 60
FUZZ_SEED ?=
SOAK_SECONDS ?= 60

.PHONY: all deps index run test check unit e2e asan browser bench bench-peers bench-quality bench-scaling bench-memory bench-http-instr fuzz soak valgrind clean eval eval-xlang

all: $(FAQBOT)

deps:
	@sh tools/install-deps $(DEPS_SET)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

# The shipped language packs, compiled in (src/lang_pack.h).
$(BUILD)/gen/lang_pack.c: tools/embed-packs $(PACKFILES)
	@mkdir -p $(dir $@)
	sh tools/embed-packs $@ $(PACKFILES)

$(BUILD)/obj/lang_pack.o: $(BUILD)/gen/lang_pack.c src/lang_pack.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src -c $< -o $@

# What PCRE2 and utf8proc say of the one- and two-byte code points
# (src/unicode_tables.h), asked once here instead of by every process.
$(BUILD)/gen-unicode-tables: tools/gen-unicode-tables.c src/unicode_tables.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -iquote src -o $@ $< -lpcre2-8 -lutf8proc

$(BUILD)/gen/unicode_tables.c: $(BUILD)/gen-unicode-tables
	@mkdir -p $(dir $@)
	$(BUILD)/gen-unicode-tables > $@.tmp
	mv $@.tmp $@

$(BUILD)/obj/unicode_tables.o: $(BUILD)/gen/unicode_tables.c src/unicode_tables.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src -c $< -o $@

$(BUILD)/libfaqbot.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $(CORE_OBJ)

$(FAQBOT): $(CLI_OBJ) $(BUILD)/libfaqbot.a
	$(CC) $(LDFLAGS_ALL) -o $@ $(CLI_OBJ) $(BUILD)/libfaqbot.a $(LDLIBS_ALL)

# Each unit test reads the environment as the command line does (the core
# reads none): tests/unit/environment.c, and cli.o that reads it.
UNIT_ENV  := $(BUILD)/obj/unit_environment.o $(BUILD)/obj/cli.o

$(BUILD)/obj/unit_environment.o: tests/unit/environment.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src -c $< -o $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libfaqbot.a $(UNIT_ENV)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -iquote src $(LDFLAGS_ALL) -o $@ $< $(UNIT_ENV) $(BUILD)/libfaqbot.a $(LDLIBS_ALL) -lcmocka

# The allocation-failure test fails the Nth allocation of the core: its
# calls to the allocator are wrapped at link time.
$(BUILD)/tests/test_oom: LDFLAGS_ALL += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup

index: $(FAQBOT)
	$(FAQBOT) index --corpus $(CORPUS) --out $(INDEX)

run: deps
	$(MAKE) all
	$(MAKE) index
	$(FAQBOT) serve --index $(INDEX) --port $(PORT) --web web

# Unit tests (cmocka) then end-to-end tests of the real binary.
check: unit e2e

unit: $(UNIT_BIN)
	@sh tests/run-unit $(UNIT_BIN)

e2e: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/run-e2e

# The same suite built with AddressSanitizer and UBSan.
asan:
	$(MAKE) BUILD=$(BUILD)/asan SANITIZE=address,undefined OPT="-O1 -g" check

browser: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/browser/run

# Everything, as CI runs it: unit and end-to-end tests, the same under ASan
# and UBSan, the end-to-end tests under valgrind, the browser test, then
# short fuzz and soak runs. Each stage prints the clock as it starts, so a
# slow machine shows which stage took the time.
test: deps
	@echo "== all: $$(date -u +%T)"
	$(MAKE) all
	@echo "== check: $$(date -u +%T)"
	$(MAKE) check
	@echo "== asan: $$(date -u +%T)"
	$(MAKE) asan
	@echo "== valgrind: $$(date -u +%T)"
	$(MAKE) valgrind
	@echo "== browser: $$(date -u +%T)"
	$(MAKE) browser
	@echo "== fuzz: $$(date -u +%T)"
	$(MAKE) fuzz FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) FUZZ_SEED=$(TEST_FUZZ_SEED)
	@echo "== soak: $$(date -u +%T)"
	$(MAKE) soak SOAK_SECONDS=$(TEST_SOAK_SECONDS)
	@echo "== done: $$(date -u +%T)"

TEST_FUZZ_SECONDS ?= 30
# A fixed seed, so that a fuzz failure in CI can be replayed: `make fuzz
# FUZZ_SEED=1 FUZZ_ONLY=...` starts as CI's run did (docs/reliability.md
# says how far the two stay alike). `make fuzz` alone explores with a new
# seed each time.
TEST_FUZZ_SEED ?= 1
TEST_SOAK_SECONDS ?= 20

# The end-to-end suite with faqbot under valgrind memcheck, two tests at a
# time: valgrind runs a program on one core, and this stage is most of
# `make test`'s time.
VALGRIND_JOBS ?= 2
valgrind: $(FAQBOT)
	@E2E_JOBS=$(VALGRIND_JOBS) FAQBOT_REAL=$(abspath $(FAQBOT)) FAQBOT=$(abspath tests/valgrind-faqbot) BUILD=$(abspath $(BUILD)) sh tests/run-e2e

bench: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/run

# Answer quality on the seed FAQ, Debian's (when installed) and the held-out corpus.
eval: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/eval-all

# Questions in a language the index lacks: one language of the seed and of
# Debian's FAQ indexed, the others' rows asked (docs/quality.md).
eval-xlang: $(FAQBOT)
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/eval-xlang

bench-peers: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/peers/run

# Top-1 of faqbot beside plain BM25 (Xapian, FTS5) on every corpus of the quality loop.
bench-quality: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/peers/quality

bench-scaling: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/scaling

# Resident memory of `ask` and of the server against the corpus, and of the
# server across index swaps under load.
bench-memory: deps
	$(MAKE) all
	@FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh bench/memory

# Instructions a request of the server (callgrind): /healthz, distinct and
# cached /api/ask, the eval's questions with --no-cache, and where a distinct
# one goes. FAQBOT_BASE=another build
# measures it too.
bench-http-instr: deps
	$(MAKE) all
	@mkdir -p $(BUILD)/bench
	$(FAQBOT) index --corpus $(CORPUS) --out $(BUILD)/bench/seed.idx
	@FAQBOT=$(abspath $(FAQBOT)) INDEX=$(abspath $(BUILD)/bench/seed.idx) sh bench/http-instr

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) sh tests/fuzz/run

soak: $(FAQBOT)
	@SOAK_SECONDS=$(SOAK_SECONDS) FAQBOT=$(abspath $(FAQBOT)) BUILD=$(abspath $(BUILD)) sh tests/soak/run

clean:
	rm -rf $(BUILD)

# ---- installing ----
# Where `make install` puts things; the binary looks for its web page and
# data under $(PREFIX)/share/faqbot. DESTDIR stages the tree elsewhere.
.PHONY: install uninstall FORCE
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/faqbot
MANDIR   = $(PREFIX)/share/man
UNITDIR  = $(PREFIX)/lib/systemd/system

# What `make deps` installs: `make run` needs the run-time and build
# packages only; `make test` and `make bench*` add their tools (a target's
# variable reaches its prerequisite deps).
DEPS_SET ?= run
test: DEPS_SET = test
bench bench-peers bench-quality bench-scaling bench-memory bench-http-instr: DEPS_SET = bench

# A PREFIX other than the last build's recompiles what holds it.
$(BUILD)/prefix: FORCE
	@mkdir -p $(dir $@)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
$(BUILD)/obj/cmd_serve.o: $(BUILD)/prefix
FORCE:

WEB_FILES  := $(wildcard web/*.html web/*.js web/*.css)

install: $(FAQBOT)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/web $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR)
	install -m 755 $(FAQBOT) $(DESTDIR)$(BINDIR)/faqbot
	install -m 644 $(WEB_FILES) $(DESTDIR)$(DATADIR)/web/
	install -m 644 docs/faqbot.1 $(DESTDIR)$(MANDIR)/man1/faqbot.1
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@DATADIR@|$(DATADIR)|g' tools/faqbot.service > $(DESTDIR)$(UNITDIR)/faqbot.service
	chmod 644 $(DESTDIR)$(UNITDIR)/faqbot.service

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/faqbot $(DESTDIR)$(MANDIR)/man1/faqbot.1 $(DESTDIR)$(UNITDIR)/faqbot.service
	rm -rf $(DESTDIR)$(DATADIR)

-include $(CORE_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
