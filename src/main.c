/* main.c: the faqbot command line: one table of commands, each with its help. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer_json.h"
#include "answer_text.h"
#include "corpus.h"
#include "eval.h"
#include "import_faq.h"
#include "index_read.h"
#include "index_write.h"
#include "lint.h"
#include "limits.h"
#include "repl.h"
#include "review.h"
#include "search.h"
#include "serve.h"

#define FAQBOT_VERSION "0.1.0"
#define DEFAULT_CORPUS "corpus"
#define DEFAULT_INDEX "build/faq.idx"

enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_DATA = 2 };

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
    const char *usage;
} command;

static const command *find_command(const char *name);

/* Options of the form --name VALUE or --flag; returns the index of the
 * first operand, or -1 (message printed) on a bad option. */
typedef struct opt { const char *name; int takes_value; const char **value; int *flag; } opt;

static int parse_opts(const command *cmd, int argc, char **argv, const opt *opts, int *help)
{
    int i = 1;
    *help = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return i + 1;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            *help = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0)
            return i;
        /* --name VALUE or --name=VALUE */
        const char *eq = strchr(a, '=');
        size_t name_len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        const opt *o = opts;
        while (o->name && !(strlen(o->name) == name_len && memcmp(o->name, a + 2, name_len) == 0))
            o++;
        if (!o->name) {
            fprintf(stderr, "faqbot %s: unknown option %s\nusage: %s\n", cmd->name, a, cmd->usage);
            return -1;
        }
        if (o->takes_value) {
            if (eq) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                fprintf(stderr, "faqbot %s: %s needs a value\nusage: %s\n", cmd->name, a, cmd->usage);
                return -1;
            }
        } else if (eq) {
            fprintf(stderr, "faqbot %s: --%s takes no value\nusage: %s\n", cmd->name, o->name, cmd->usage);
            return -1;
        } else {
            *o->flag = 1;
        }
    }
    return i;
}

static int print_help(const command *cmd)
{
    printf("%s\n\nusage: %s\n", cmd->summary, cmd->usage);
    return EXIT_OK;
}

static double parse_threshold(const char *s, const command *cmd)
{
    if (!s)
        return -1;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || v < 0 || v > 1) {
        fprintf(stderr, "faqbot %s: --threshold takes a number from 0 to 1\n", cmd->name);
        return -2;
    }
    return v;
}

static int open_index(const char *path, faq_index **ix)
{
    char err[1024];
    if (faq_index_open(path, ix, err, sizeof err) != FAQ_INDEX_OK) {
        fprintf(stderr, "faqbot: %s\n", err);
        return -1;
    }
    return 0;
}

/* ---- index ---- */

static int cmd_index(int argc, char **argv)
{
    const command *cmd = find_command("index");
    const char *dir = DEFAULT_CORPUS, *out = DEFAULT_INDEX;
    int help;
    opt opts[] = {{"corpus", 1, &dir, NULL}, {"out", 1, &out, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    if (i < argc) {
        fprintf(stderr, "faqbot index: unexpected argument %s\nusage: %s\n", argv[i], cmd->usage);
        return EXIT_USAGE;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char err[2048];
    corpus *c;
    if (corpus_load(dir, &c, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot index: %s\nfaqbot index: the index was not written\n", err);
        return EXIT_DATA;
    }
    index_stats st;
    int rc = index_write(c, out, &st, err, sizeof err);
    corpus_free(c);
    if (rc != 0) {
        fprintf(stderr, "faqbot index: %s\nfaqbot index: the old index is unchanged\n", err);
        return EXIT_DATA;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    printf("indexed %u entries in %u languages: %u terms, %llu bytes, in %.1f ms -> %s\n",
           st.entries, st.langs, st.terms, (unsigned long long)st.bytes, ms, out);
    return EXIT_OK;
}

/* ---- ask ---- */

static void answer_one(searcher *s, const faq_index *ix, const char *q, size_t len,
                       const faq_query_opts *o, int json)
{
    faq_answer a;
    if (searcher_ask(s, q, len, o, &a) != 0) {
        fprintf(stderr, "faqbot ask: out of memory\n");
        exit(EXIT_DATA);
    }
    if (json) {
        json_t *j = answer_to_json(ix, q, len, &a);
        char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
        printf("%s\n", text ? text : "{\"error\":\"out of memory\"}");
        free(text);
        json_decref(j);
    } else {
        answer_print(stdout, ix, &a, 0);
    }
}

static int cmd_ask(int argc, char **argv)
{
    const command *cmd = find_command("ask");
    const char *path = DEFAULT_INDEX, *lang = NULL, *thr = NULL;
    int json = 0, explain = 0, no_typos = 0, help;
    opt opts[] = {{"index", 1, &path, NULL},       {"lang", 1, &lang, NULL},
                  {"threshold", 1, &thr, NULL},    {"json", 0, NULL, &json},
                  {"explain", 0, NULL, &explain},  {"no-typos", 0, NULL, &no_typos},
                  {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    faq_query_opts o = {0};
    o.threshold = parse_threshold(thr, cmd);
    if (o.threshold < -1.5)
        return EXIT_USAGE;
    o.explain = explain;
    o.no_typos = no_typos;
    o.highlight = json;
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    if (lang && faq_index_lang_find(ix, lang) < 0) {
        fprintf(stderr, "faqbot ask: no language \"%s\" in %s\n", lang, path);
        faq_index_close(ix);
        return EXIT_USAGE;
    }
    o.lang = lang;
    searcher *s = searcher_new(ix);
    if (!s) {
        fprintf(stderr, "faqbot ask: out of memory\n");
        faq_index_close(ix);
        return EXIT_DATA;
    }
    if (i < argc) {
        /* the words of the command line are one question */
        size_t cap = 1, len = 0;
        for (int k = i; k < argc; k++)
            cap += strlen(argv[k]) + 1;
        char *q = malloc(cap);
        if (!q) {
            fprintf(stderr, "faqbot ask: out of memory\n");
            searcher_free(s);
            faq_index_close(ix);
            return EXIT_DATA;
        }
        for (int k = i; k < argc; k++) {
            size_t n = strlen(argv[k]);
            if (k > i)
                q[len++] = ' ';
            memcpy(q + len, argv[k], n);
            len += n;
        }
        answer_one(s, ix, q, len, &o, json);
        free(q);
    } else {
        /* batch: one answer for every line, empty and invalid ones too */
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, stdin)) >= 0) {
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
                n--;
            answer_one(s, ix, line, (size_t)n, &o, json);
            if (!json)
                printf("\n");
            fflush(stdout);
        }
        free(line);
    }
    searcher_free(s);
    faq_index_close(ix);
    return EXIT_OK;
}

/* ---- review ---- */

typedef struct review_out {
    const faq_index *ix;
    int unmatched;           /* groups without an entry printed so far */
} review_out;

/* A proposed entry's heading as the corpus has it, then `? question` lines
 * ready to paste under it; the questions no entry answers come last. */
static void print_group(void *ctx, const review_group *g)
{
    review_out *ro = ctx;
    if (g->entry != UINT32_MAX) {
        faq_entry e;
        faq_index_entry(ro->ix, g->entry, &e);
        printf("## %.*s {#%.*s}\n# %.*s:%u: %d question%s, asked %d time%s, confidence %.2f\n",
               (int)e.question.len, e.question.s, (int)e.id.len, e.id.s, (int)e.file.len, e.file.s,
               e.line, g->n_questions, g->n_questions == 1 ? "" : "s", g->times,
               g->times == 1 ? "" : "s", g->confidence);
    } else {
        if (ro->unmatched++ == 0)
            printf("# No entry answers these: new questions for the FAQ\n\n");
        printf("# %s: %d question%s, asked %d time%s\n", faq_index_lang_code(ro->ix, g->lang),
               g->n_questions, g->n_questions == 1 ? "" : "s", g->times, g->times == 1 ? "" : "s");
    }
    for (int i = 0; i < g->n_questions; i++)
        printf("? %s\n", g->questions[i]);
    printf("\n");
}

static int cmd_review(int argc, char **argv)
{
    const command *cmd = find_command("review");
    const char *path = DEFAULT_INDEX, *thr = NULL;
    int help;
    opt opts[] = {{"index", 1, &path, NULL}, {"threshold", 1, &thr, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    if (i >= argc) {
        fprintf(stderr, "faqbot review: which logs?\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    double th = parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    review_out ro = {ix, 0};
    char err[1024];
    int skipped;
    int n = review_run(ix, argv + i, argc - i, th < 0 ? REVIEW_DEFAULT_THRESHOLD : th, print_group,
                       &ro, &skipped, err, sizeof err);
    faq_index_close(ix);
    if (n < 0) {
        fprintf(stderr, "faqbot review: %s\n", err);
        return EXIT_DATA;
    }
    fprintf(stderr, "faqbot review: %d group%s, %d with an entry proposed; %d line%s of neither log format skipped\n",
            n, n == 1 ? "" : "s", n - ro.unmatched, skipped, skipped == 1 ? "" : "s");
    return EXIT_OK;
}

/* ---- repl ---- */

static int cmd_repl(int argc, char **argv)
{
    const command *cmd = find_command("repl");
    const char *path = DEFAULT_INDEX, *lang = NULL;
    int help;
    opt opts[] = {{"index", 1, &path, NULL}, {"lang", 1, &lang, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    return repl_run(path, lang);
}

/* ---- eval ---- */

static int cmd_eval(int argc, char **argv)
{
    const command *cmd = find_command("eval");
    const char *path = DEFAULT_INDEX, *thr = NULL;
    int sweep = 0, quiet = 0, help;
    opt opts[] = {{"index", 1, &path, NULL}, {"threshold", 1, &thr, NULL},
                  {"sweep", 0, NULL, &sweep}, {"quiet", 0, NULL, &quiet}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    if (i >= argc) {
        fprintf(stderr, "faqbot eval: which query files?\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    double th = parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    char err[1024];
    int rc = eval_run(ix, argv + i, argc - i, th, sweep, !quiet, stdout, err, sizeof err);
    faq_index_close(ix);
    if (rc != 0) {
        fprintf(stderr, "faqbot eval: %s\n", err);
        return EXIT_DATA;
    }
    return EXIT_OK;
}

/* ---- import ---- */

static int cmd_import(int argc, char **argv)
{
    const command *cmd = find_command("import");
    const char *title = "FAQ", *prefix = "faq";
    int help;
    opt opts[] = {{"title", 1, &title, NULL}, {"prefix", 1, &prefix, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    FILE *in = i < argc && strcmp(argv[i], "-") != 0 ? fopen(argv[i], "rb") : stdin;
    if (!in) {
        fprintf(stderr, "faqbot import: %s: %s\n", argv[i], strerror(errno));
        return EXIT_DATA;
    }
    size_t cap = 1 << 16, len = 0, got;
    char *text = malloc(cap);
    while (text && (got = fread(text + len, 1, cap - len, in)) > 0) {
        len += got;
        if (len == cap) {
            if (cap >= FAQ_MAX_FILE_BYTES) {
                fprintf(stderr, "faqbot import: input larger than %u bytes\n", FAQ_MAX_FILE_BYTES);
                free(text);
                return EXIT_DATA;
            }
            char *t = realloc(text, cap *= 2);
            if (!t)
                break;
            text = t;
        }
    }
    if (in != stdin)
        fclose(in);
    char err[512];
    int n = text ? import_numbered_faq(text, len, title, prefix, stdout, err, sizeof err) : -1;
    free(text);
    if (n < 0) {
        fprintf(stderr, "faqbot import: %s\n", text ? err : "out of memory");
        return EXIT_DATA;
    }
    fprintf(stderr, "faqbot import: %d entries\n", n);
    return EXIT_OK;
}

/* ---- lint ---- */

static void print_finding(void *ctx, const lint_finding *f)
{
    const faq_index *ix = ctx;
    faq_entry e, o;
    faq_index_entry(ix, f->entry, &e);
    if (f->other != UINT32_MAX)
        faq_index_entry(ix, f->other, &o);
    switch (f->kind) {
    case LINT_NEAR_DUPLICATE:
        printf("%.*s:%u: near-duplicate: \"%.*s\" (%.*s) and \"%.*s\" (%.*s, %.*s:%u) score within %.0f%%\n",
               (int)e.file.len, e.file.s, e.line, (int)e.question.len, e.question.s, (int)e.id.len,
               e.id.s, (int)o.question.len, o.question.s, (int)o.id.len, o.id.s, (int)o.file.len,
               o.file.s, o.line, 100 * (1 - f->ratio));
        break;
    case LINT_UNREACHABLE:
        printf("%.*s:%u: unreachable: its own question \"%.*s\" retrieves %.*s first\n",
               (int)e.file.len, e.file.s, e.line, (int)e.question.len, e.question.s,
               (int)o.id.len, o.id.s);
        break;
    case LINT_MISSING_TRANSLATION:
        printf("%.*s:%u: missing translation: id %.*s has no entry in \"%s\"\n", (int)e.file.len,
               e.file.s, e.line, (int)e.id.len, e.id.s, faq_index_lang_code(ix, f->lang));
        break;
    }
}

static int cmd_lint(int argc, char **argv)
{
    const command *cmd = find_command("lint");
    const char *path = DEFAULT_INDEX;
    int help;
    opt opts[] = {{"index", 1, &path, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts, &help);
    if (i < 0)
        return EXIT_USAGE;
    if (help)
        return print_help(cmd);
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    int n = faq_lint(ix, print_finding, ix);
    printf("lint: %d finding%s\n", n, n == 1 ? "" : "s");
    faq_index_close(ix);
    return n < 0 ? EXIT_DATA : EXIT_OK;
}

/* ---- the table ---- */

static int cmd_help(int argc, char **argv);
static int cmd_version(int argc, char **argv)
{
    printf("faqbot %s\n", FAQBOT_VERSION);
    return EXIT_OK;
}

static const command commands[] = {
    {"index", cmd_index, "Read the corpus and write the index (atomically).",
     "faqbot index [--corpus DIR] [--out FILE]   (defaults: corpus/, build/faq.idx)"},
    {"ask", cmd_ask, "Answer a question, or one question per line of standard input.",
     "faqbot ask [--index FILE] [--lang CODE] [--json] [--explain] [--threshold X] [--no-typos] [QUESTION...]"},
    {"repl", cmd_repl, "Ask questions interactively (:help, :lang CODE, :reload, :quit).",
     "faqbot repl [--index FILE] [--lang CODE]"},
    {"serve", serve_main, "Serve the chat page and the JSON API over HTTP.",
     "faqbot serve [--index FILE] [--bind ADDR] [--port N] [--web DIR] [--threads N] "
     "[--log-questions] [--unanswered FILE] [--feedback-log FILE] [--access-log FILE] "
     "[--allow-origin ORIGIN]... [--frame-ancestors SRC] [--trust-proxy ADDR]... [--endpoint-key KEY]"},
    {"eval", cmd_eval, "Measure answer quality on query files (lang, query, expected id or NONE).",
     "faqbot eval [--index FILE] [--threshold X] [--sweep] [--quiet] FILE.tsv..."},
    {"import", cmd_import, "Turn a numbered plain-text FAQ (\"1.2. Question\") into faqbot Markdown on stdout.",
     "faqbot import [--title TEXT] [--prefix ID-PREFIX] [FILE|-]"},
    {"lint", cmd_lint, "Report near-duplicate questions, unreachable entries, missing translations.",
     "faqbot lint [--index FILE]"},
    {"help", cmd_help, "Show the commands, or one command's help.", "faqbot help [COMMAND]"},
    {"review", cmd_review, "Turn declined and voted-down questions into alternate questions for their entries.",
     "faqbot review [--index FILE] [--threshold X] LOG...   (--unanswered and --feedback-log files)"},
    {"--version", cmd_version, "Print the version.", "faqbot --version"},
    {NULL, NULL, NULL, NULL},
};

static const command *find_command(const char *name)
{
    for (const command *c = commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

static void usage(FILE *out)
{
    fprintf(out, "faqbot %s: a multilingual FAQ chatbot\n\nusage: faqbot COMMAND [OPTIONS]\n\n", FAQBOT_VERSION);
    for (const command *c = commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\nfaqbot COMMAND --help for a command's options. Exit codes: 0 ok, 1 usage, 2 bad data.\n");
}

static int cmd_help(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0))
        return print_help(find_command("help"));
    if (argc > 1) {
        const command *c = find_command(argv[1]);
        if (!c) {
            fprintf(stderr, "faqbot: no command \"%s\"\n", argv[1]);
            return EXIT_USAGE;
        }
        return print_help(c);
    }
    usage(stdout);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return EXIT_OK;
    }
    const command *c = find_command(argv[1]);
    if (!c) {
        fprintf(stderr, "faqbot: unknown command \"%s\"\n\n", argv[1]);
        usage(stderr);
        return EXIT_USAGE;
    }
    return c->run(argc - 1, argv + 1);
}
