/* cmd_index.c: the commands that write and verify an index file: index, check. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_index.h"
#include "corpus.h"
#include "index_read.h"
#include "index_write.h"
#include "limits.h"

/* ---- index ---- */

/* The problems of a corpus report, one "file[:line]: [warning: ]what" a line,
 * then how many were left unsaid. */
static void print_problems(FILE *out, const corpus_report *rep)
{
    for (size_t k = 0; k < rep->n; k++) {
        const corpus_problem *p = &rep->items[k];
        char ln[CORPUS_LINE_ROOM];
        fprintf(out, "%s%s: %s%s\n", p->file, corpus_problem_line(p->line, ln),
                p->warning ? "warning: " : "", p->what);
    }
    unsigned all = rep->n_errors + rep->n_warnings;
    if (all > rep->n)
        fprintf(out, "... and %u more\n", all - (unsigned)rep->n);
}

/* Ctrl-C (or a kill, a closed terminal) while the index is built: the old
 * index is untouched (the new one is renamed over it only when whole), but
 * the half-written new one would stay beside it; removed, and said, then
 * the signal's own end (the shell sees an interrupt). */
static void interrupted(int sig)
{
    static const char msg[] = "faqbot index: interrupted: the old index is unchanged\n";
    index_write_abandon();
    ssize_t w = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void)w;
    signal(sig, SIG_DFL);
    raise(sig);
}

/* interrupted() for the signals that end a build, but those ignored (a
 * background job's SIGINT), which stay so. */
static void catch_interrupts(void)
{
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++) {
        struct sigaction sa, old;
        if (sigaction(sigs[k], NULL, &old) != 0 || old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = interrupted;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[k], &sa, NULL);
    }
}

/* The folder the index goes in, looked at before the corpus is read: the
 * default's build/ is made, as a FAQ of one's own is indexed outside the
 * source tree where build/ is; another --out's folder must be there.
 * Returns 1 when it made the folder, 0 when it was there, or -1 said. */
static int out_folder_ready(const char *out, int is_default)
{
    const char *slash = strrchr(out, '/');
    char folder[4096];
    size_t n = !slash ? 1 : slash == out ? 1 : (size_t)(slash - out);
    if (n >= sizeof folder)
        return 0;   /* the write says what is wrong */
    memcpy(folder, !slash ? "." : out, n);
    folder[n] = '\0';
    struct stat st;
    if (stat(folder, &st) == 0) {
        /* the new index is written beside the old one, then renamed over
         * it: a folder one may not write in (its permissions, a read-only
         * file system) is said here, before the corpus is read, not as the
         * first temporary file's failure */
        if (S_ISDIR(st.st_mode) && access(folder, W_OK | X_OK) == 0)
            return 0;
        if (!S_ISDIR(st.st_mode))
            errno = ENOTDIR;
    } else if (errno == ENOENT && is_default && mkdir(folder, 0777) == 0) {
        return 1;
    }
    fprintf(stderr, "faqbot index: cannot write %s: %s: %s (--out FILE: where the index goes)\n", out,
            folder, strerror(errno));
    return -1;
}

int cmd_index(const cli_command *cmd, int argc, char **argv)
{
    const char *dir = CLI_DEFAULT_CORPUS, *out = NULL, *mem = NULL;
    int lenient = 0;
    cli_opt opts[] = {CLI_VALUE("corpus", &dir), CLI_VALUE("out", &out), CLI_VALUE("memory", &mem),
                      CLI_FLAG("lenient", &lenient), CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (cli_refuse_operand(cmd, argc, argv, i, "corpus", NULL) != 0)
        return EXIT_USAGE;
    int out_default = !out;
    if (out_default)
        out = FAQ_DEFAULT_INDEX;
    int made = out_folder_ready(out, out_default);
    if (made < 0)
        return EXIT_DATA;
    /* --memory SIZE: bytes, or with K, M or G */
    size_t memory = INDEX_MEMORY_DEFAULT;
    if (mem) {
        char *end;
        unsigned long long v = strtoull(mem, &end, 10);
        int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20
                  : *end == 'G' || *end == 'g' ? 30 : 0;
        if (end == mem || (shift && end[1]) || (!shift && *end) || v == 0 || v > (1ull << 40) >> shift) {
            fprintf(stderr, "faqbot index: --memory wants a size such as 256M, not %s\n", mem);
            return EXIT_USAGE;
        }
        memory = (size_t)(v << shift);
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char err[2048];
    corpus_report rep = {0};
    rep.lenient = lenient;
    index_stats st;
    catch_interrupts();
    int rc = index_write_dir(dir, &rep, out, memory, &st, err, sizeof err);
    print_problems(stderr, &rep);
    corpus_report_free(&rep);
    if (rc != 0 && made) {
        /* no index written: no empty build/ left where it was run by mistake */
        char folder[4096];
        snprintf(folder, sizeof folder, "%s", out);
        *strrchr(folder, '/') = '\0';
        rmdir(folder);
    }
    if (rc == INDEX_CORPUS_FAILED) {
        fprintf(stderr, "faqbot index: %s\n", err);
        cli_hint_no_corpus("index", dir);
        fprintf(stderr, "faqbot index: the index was not written\n");
        return EXIT_DATA;
    }
    if (rc != 0) {
        fprintf(stderr, "faqbot index: %s\nfaqbot index: the old index is unchanged\n", err);
        return EXIT_DATA;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    char asked[sizeof st.asked_codes + 64] = "";
    if (st.asked_langs)   /* named: "4 more" leaves the editor to guess which */
        snprintf(asked, sizeof asked, " (and %u more to ask in: %s)", st.asked_langs, st.asked_codes);
    /* the FAQ's entries apart from the small talk the packs add, which
     * would otherwise hide a FAQ that came out empty */
    printf("indexed %u FAQ entr%s and %u of small talk in %u language%s%s: %u terms, %u translations, "
           "%llu bytes, in %.1f ms -> %s\n",
           st.faq_entries, st.faq_entries == 1 ? "y" : "ies", st.entries - st.faq_entries, st.langs,
           st.langs == 1 ? "" : "s", asked,
           st.terms, st.translations, (unsigned long long)st.bytes, ms, out);
    /* a language faqbot has no pack for works with less: said, with the
     * files that would give it the rest */
    char *notes = corpus_pack_notes(dir);
    for (char *line = notes, *nl; line && (nl = strchr(line, '\n')) != NULL; line = nl + 1)
        fprintf(stderr, "faqbot index: note: %.*s\n", (int)(nl - line), line);
    free(notes);
    return EXIT_OK;
}

/* ---- check ---- */

int cmd_check(const cli_command *cmd, int argc, char **argv)
{
    cli_opt opts[] = {CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    const char *path = i < argc ? argv[i] : FAQ_DEFAULT_INDEX;
    faq_index *ix;
    if (cli_open_index(cmd->name, 0, path, &ix) != 0)
        return EXIT_DATA;
    char err[1024];
    int rc = faq_index_check(ix, err, sizeof err);
    if (rc != FAQ_INDEX_OK)
        fprintf(stderr, "faqbot %s: %s: %s\n", cmd->name, path, err);
    else {
        /* counted as index counted them: the small talk the packs add apart */
        uint32_t all = faq_index_entry_count(ix), faq = 0;
        for (uint32_t e = 0; e < all; e++) {
            faq_entry en;
            faq_index_entry(ix, e, &en);
            faq += en.kind != ENTRY_SMALLTALK;
        }
        printf("%s: ok, %u FAQ entr%s and %u of small talk, %llu bytes checked\n", path, faq,
               faq == 1 ? "y" : "ies", all - faq, (unsigned long long)faq_index_size(ix));
    }
    faq_index_close(ix);
    return rc == FAQ_INDEX_OK ? EXIT_OK : EXIT_DATA;
}
