/* main.c: the faqbot command line: one table of commands, each with its help. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "answer_json.h"
#include "answer_text.h"
#include "buf.h"
#include "corpus.h"
#include "decline_model.h"
#include "eval.h"
#include "export_csv.h"
#include "import.h"
#include "index_read.h"
#include "index_write.h"
#include "lint.h"
#include "limits.h"
#include "repl.h"
#include "review.h"
#include "search.h"
#include "search_params.h"
#include "serve.h"
#include "starter.h"

#define FAQBOT_VERSION "0.1.0"
#define DEFAULT_CORPUS "corpus"
#define DEFAULT_INDEX "build/faq.idx"

enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_DATA = 2 };
enum { OPTS_BAD = -1, OPTS_HELP = -2 };

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

static int print_help(const command *cmd);

/* A command's options, up to its first operand or "--"; returns the index
 * of that operand (argc: none), OPTS_BAD after saying what is wrong, or
 * OPTS_HELP after printing the help that --help asked for. */
static int parse_opts(const command *cmd, int argc, char **argv, const opt *opts)
{
    int i = 1, help = 0;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            help = 1;
            continue;
        }
        if (strncmp(a, "--", 2) != 0)
            break;
        /* --name VALUE or --name=VALUE */
        const char *eq = strchr(a, '=');
        size_t name_len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        const opt *o = opts;
        while (o->name && !(strlen(o->name) == name_len && memcmp(o->name, a + 2, name_len) == 0))
            o++;
        if (!o->name) {
            fprintf(stderr, "faqbot %s: unknown option %s\nusage: %s\n", cmd->name, a, cmd->usage);
            return OPTS_BAD;
        }
        if (o->takes_value) {
            if (eq) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                fprintf(stderr, "faqbot %s: %s needs a value\nusage: %s\n", cmd->name, a, cmd->usage);
                return OPTS_BAD;
            }
        } else if (eq) {
            fprintf(stderr, "faqbot %s: --%s takes no value\nusage: %s\n", cmd->name, o->name, cmd->usage);
            return OPTS_BAD;
        } else {
            *o->flag = 1;
        }
    }
    if (help) {
        print_help(cmd);
        return OPTS_HELP;
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

/* --params FILE and --set NAME=VALUE (both repeatable, applied in the
 * order given over the defaults: the ranking's parameters, search_params.h)
 * are taken out of argv before the other options are parsed. Returns 0, or
 * -1 (message printed). */
static int take_params(const command *cmd, int *argc, char **argv, search_params *p)
{
    search_params_default(p);
    int n = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i], *v = NULL;
        int file = 0;
        if (strcmp(a, "--") == 0) {
            while (i < *argc)
                argv[n++] = argv[i++];
            break;
        }
        if (strcmp(a, "--params") == 0 || strcmp(a, "--set") == 0) {
            file = a[2] == 'p';
            if (i + 1 == *argc) {
                fprintf(stderr, "faqbot %s: %s needs a value\nusage: %s\n", cmd->name, a, cmd->usage);
                return OPTS_BAD;
            }
            v = argv[++i];
        } else if (strncmp(a, "--params=", 9) == 0 || strncmp(a, "--set=", 6) == 0) {
            file = a[2] == 'p';
            v = strchr(a, '=') + 1;
        } else {
            argv[n++] = argv[i];
            continue;
        }
        char err[512];
        int rc = file ? search_params_load(p, v, err, sizeof err)
                      : search_params_assign(p, v, err, sizeof err);
        if (rc != 0) {
            fprintf(stderr, "faqbot %s: %s %s\n", cmd->name, file ? "--params" : "--set", err);
            return OPTS_BAD;
        }
    }
    *argc = n;
    return 0;
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

/* The problems of a corpus report, one "file:line: [warning: ]what" a line,
 * then how many were left unsaid. */
static void print_problems(FILE *out, const corpus_report *rep)
{
    for (size_t k = 0; k < rep->n; k++) {
        const corpus_problem *p = &rep->items[k];
        fprintf(out, "%s:%u: %s%s\n", p->file, p->line, p->warning ? "warning: " : "", p->what);
    }
    unsigned all = rep->n_errors + rep->n_warnings;
    if (all > rep->n)
        fprintf(out, "... and %u more\n", all - (unsigned)rep->n);
}

static int cmd_index(int argc, char **argv)
{
    const command *cmd = find_command("index");
    const char *dir = DEFAULT_CORPUS, *out = DEFAULT_INDEX, *mem = NULL;
    int lenient = 0;
    opt opts[] = {{"corpus", 1, &dir, NULL}, {"out", 1, &out, NULL}, {"memory", 1, &mem, NULL},
                  {"lenient", 0, NULL, &lenient}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (i < argc) {
        fprintf(stderr, "faqbot index: unexpected argument %s\nusage: %s\n", argv[i], cmd->usage);
        return EXIT_USAGE;
    }
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
    int rc = index_write_dir(dir, &rep, out, memory, &st, err, sizeof err);
    print_problems(stderr, &rep);
    corpus_report_free(&rep);
    if (rc == INDEX_CORPUS_FAILED) {
        fprintf(stderr, "faqbot index: %s\nfaqbot index: the index was not written\n", err);
        return EXIT_DATA;
    }
    if (rc != 0) {
        fprintf(stderr, "faqbot index: %s\nfaqbot index: the old index is unchanged\n", err);
        return EXIT_DATA;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    char asked[64] = "";
    if (st.asked_langs)
        snprintf(asked, sizeof asked, " (and %u more to ask in)", st.asked_langs);
    printf("indexed %u entries in %u languages%s: %u terms, %u translations, %llu bytes, in %.1f ms "
           "-> %s\n",
           st.entries, st.langs, asked, st.terms, st.translations, (unsigned long long)st.bytes,
           ms, out);
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
        size_t n;
        char *text = answer_json_text(ix, q, len, &a, 0, &n);
        printf("%s\n", text ? text : "{\"error\":\"out of memory\"}");
        free(text);
    } else {
        answer_print(stdout, ix, &a, 0);
    }
}

static int cmd_ask(int argc, char **argv)
{
    const command *cmd = find_command("ask");
    const char *path = DEFAULT_INDEX, *lang = NULL, *thr = NULL;
    int json = 0, explain = 0, no_typos = 0;
    search_params params;
    if (take_params(cmd, &argc, argv, &params) != 0)
        return EXIT_USAGE;
    opt opts[] = {{"index", 1, &path, NULL},       {"lang", 1, &lang, NULL},
                  {"threshold", 1, &thr, NULL},    {"json", 0, NULL, &json},
                  {"explain", 0, NULL, &explain},  {"no-typos", 0, NULL, &no_typos},
                  {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
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
    searcher_set_params(s, &params);
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
    opt opts[] = {{"index", 1, &path, NULL}, {"threshold", 1, &thr, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
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
    const char *path = DEFAULT_INDEX, *lang = NULL, *thr = NULL;
    opt opts[] = {{"index", 1, &path, NULL}, {"lang", 1, &lang, NULL}, {"threshold", 1, &thr, NULL},
                  {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    double th = parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    return repl_run(path, lang, th);
}

/* ---- eval ---- */

/* Is name one of the comma-separated list's? */
static int listed(const char *list, const char *name)
{
    size_t m = strlen(name);
    for (const char *p = strstr(list, name); p; p = strstr(p + 1, name))
        if ((p == list || p[-1] == ',') && (p[m] == ',' || p[m] == '\0'))
            return 1;
    return 0;
}

/* eval --fit: the decline model fitted to features files; only: the
 * features to use, by name, comma-separated (NULL: all); after: those
 * fitted after the others, with theirs held. */
static int eval_fit_cmd(char *const *files, int n, const char *only, const char *after)
{
    int use[DF_COUNT];
    for (int f = 0; f < DF_COUNT; f++) {
        use[f] = !only || listed(only, decline_feature_name[f]);
        if (after && listed(after, decline_feature_name[f]))
            use[f] = 2;
    }
    char err[1024];
    if (eval_fit(files, n, use, stdout, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot eval: %s\n", err);
        return EXIT_DATA;
    }
    return EXIT_OK;
}

static int cmd_eval(int argc, char **argv)
{
    const command *cmd = find_command("eval");
    const char *path = DEFAULT_INDEX, *thr = NULL, *vary = NULL, *features = NULL, *only = NULL,
               *after = NULL;
    int sweep = 0, quiet = 0, ablate = 0, explain = 0, list = 0, fit = 0;
    search_params params;
    if (take_params(cmd, &argc, argv, &params) != 0)
        return EXIT_USAGE;
    opt opts[] = {{"index", 1, &path, NULL},         {"threshold", 1, &thr, NULL},
                  {"sweep", 0, NULL, &sweep},         {"quiet", 0, NULL, &quiet},
                  {"ablate", 0, NULL, &ablate},       {"explain", 0, NULL, &explain},
                  {"list-params", 0, NULL, &list},    {"vary", 1, &vary, NULL},
                  {"features", 1, &features, NULL},   {"fit", 0, NULL, &fit},
                  {"only", 1, &only, NULL},           {"after", 1, &after, NULL},
                  {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (list) {
        eval_list_params(stdout);
        return EXIT_OK;
    }
    if (i >= argc) {
        fprintf(stderr, "faqbot eval: which query files?\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    double th = parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    char err[1024];
    if (fit)
        return eval_fit_cmd(argv + i, argc - i, only, after);
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    int rc;
    if (features) {
        FILE *f = fopen(features, "w");
        if (!f) {
            fprintf(stderr, "faqbot eval: %s: %s\n", features, strerror(errno));
            faq_index_close(ix);
            return EXIT_DATA;
        }
        rc = eval_features(ix, argv + i, argc - i, &params, f, err, sizeof err);
        if (fclose(f) != 0 && rc == 0) {
            snprintf(err, sizeof err, "%s: %s", features, strerror(errno));
            rc = -1;
        }
    } else {
        eval_opts eo = {&params, th, !quiet, explain, sweep, ablate, vary};
        rc = eval_run(ix, argv + i, argc - i, &eo, stdout, err, sizeof err);
    }
    faq_index_close(ix);
    if (rc != 0) {
        fprintf(stderr, "faqbot eval: %s\n", err);
        return rc == -2 ? EXIT_USAGE : EXIT_DATA;
    }
    return EXIT_OK;
}

/* ---- import ---- */

/* All of a file (or stdin for NULL or "-"), bounded; NULL (message
 * printed) on failure. */
static char *slurp(const char *name, const char *path, size_t *len)
{
    FILE *in = path && strcmp(path, "-") != 0 ? fopen(path, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "faqbot %s: %s: %s\n", name, path, strerror(errno));
        return NULL;
    }
    size_t cap = 0, got;
    char *text = NULL;
    *len = 0;
    int oom = grow(&text, &cap, 1 << 16, 1, 1 << 16) != 0;
    while (!oom && (got = fread(text + *len, 1, cap - 1 - *len, in)) > 0) {
        *len += got;
        if (*len == cap - 1) {
            if (cap >= FAQ_MAX_FILE_BYTES) {
                fprintf(stderr, "faqbot %s: input larger than %u bytes\n", name, FAQ_MAX_FILE_BYTES);
                free(text);
                text = NULL;
                break;
            }
            oom = grow(&text, &cap, cap + 1, 1, 1 << 16) != 0;
        }
    }
    if (oom) {
        free(text);
        text = NULL;
        fprintf(stderr, "faqbot %s: out of memory\n", name);
    }
    int bad = in != stdin ? fclose(in) != 0 : ferror(in);
    if (text && bad) {
        fprintf(stderr, "faqbot %s: %s: read error\n", name, path ? path : "standard input");
        free(text);
        return NULL;
    }
    if (text)
        text[*len] = '\0';
    return text;
}

static int cmd_import(int argc, char **argv)
{
    const command *cmd = find_command("import");
    const char *title = "FAQ", *prefix = "faq", *format = NULL;
    opt opts[] = {{"title", 1, &title, NULL}, {"prefix", 1, &prefix, NULL},
                  {"format", 1, &format, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    import_format f = IMPORT_GUESS;
    if (format && import_format_parse(format, &f) != 0) {
        fprintf(stderr, "faqbot import: --format is csv, tsv, qa, numbered or html\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    const char *path = i < argc ? argv[i] : NULL;
    size_t len;
    char *text = slurp("import", path, &len);
    if (!text)
        return EXIT_DATA;
    if (f == IMPORT_GUESS)
        f = import_guess(path && strcmp(path, "-") != 0 ? path : NULL, text, len);
    /* the Markdown is made in memory: on failure nothing reaches stdout */
    char err[512], *md = NULL;
    size_t md_len = 0;
    import_doc doc = {0};
    int n = import_read(f, text, len, &doc, err, sizeof err);
    FILE *mem = n >= 0 ? open_memstream(&md, &md_len) : NULL;
    if (n >= 0 && (!mem || import_write_md(&doc, title, prefix, mem) != 0 || fclose(mem) != 0)) {
        snprintf(err, sizeof err, "out of memory");
        n = -1;
    }
    import_doc_free(&doc);
    free(text);
    if (n < 0) {
        fprintf(stderr, "faqbot import: %s%s(%s): %s\n", path ? path : "", path ? " " : "",
                import_format_name(f), err);
        free(md);
        return EXIT_DATA;
    }
    fwrite(md, 1, md_len, stdout);
    free(md);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "faqbot import: write error\n");
        return EXIT_DATA;
    }
    fprintf(stderr, "faqbot import: %d entries (%s)\n", n, import_format_name(f));
    return EXIT_OK;
}

/* ---- serve ---- */

/* serve parses its own options; the tuning is taken as ask and eval take it */
static int cmd_serve(int argc, char **argv)
{
    search_params p;
    if (take_params(find_command("serve"), &argc, argv, &p) != 0)
        return EXIT_USAGE;
    return serve_main(argc, argv, &p);
}

/* ---- export ---- */

static int cmd_export(int argc, char **argv)
{
    const command *cmd = find_command("export");
    const char *dir = DEFAULT_CORPUS, *format = "csv", *lang = NULL;
    opt opts[] = {{"corpus", 1, &dir, NULL}, {"format", 1, &format, NULL}, {"lang", 1, &lang, NULL},
                  {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (i < argc || strcmp(format, "csv") != 0) {
        fprintf(stderr, "faqbot export: %s\nusage: %s\n", i < argc ? "unexpected argument" : "--format is csv",
                cmd->usage);
        return EXIT_USAGE;
    }
    char err[2048], *csv = NULL;
    size_t csv_len = 0;
    corpus *c;
    if (corpus_load(dir, &c, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot export: %s\n", err);
        return EXIT_DATA;
    }
    FILE *mem = open_memstream(&csv, &csv_len);
    int n = mem ? export_csv(c, lang, mem, err, sizeof err) : -1;
    if (!mem)
        snprintf(err, sizeof err, "out of memory");
    if (mem && fclose(mem) != 0 && n >= 0) {
        snprintf(err, sizeof err, "out of memory");
        n = -1;
    }
    corpus_free(c);
    if (n < 0) {
        fprintf(stderr, "faqbot export: %s\n", err);
        free(csv);
        return EXIT_DATA;
    }
    fwrite(csv, 1, csv_len, stdout);
    free(csv);
    fprintf(stderr, "faqbot export: %d entries\n", n);
    return fflush(stdout) != 0 ? EXIT_DATA : EXIT_OK;
}

/* ---- init ---- */

static int cmd_init(int argc, char **argv)
{
    const command *cmd = find_command("init");
    const char *lang = NULL;
    opt opts[] = {{"lang", 1, &lang, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    const char *dir = i < argc ? argv[i] : NULL;
    if (dir) {
        /* options after the folder too: "init DIR --lang es" */
        int j = parse_opts(cmd, argc - i, argv + i, opts);
        if (j < 0)
            return j == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
        i += j;
    }
    if (!dir || i != argc || !lang) {
        fprintf(stderr, "faqbot init: %s\nusage: %s\n",
                !dir ? "which folder?" : i != argc ? "one folder only" : "which language (--lang)?",
                cmd->usage);
        return EXIT_USAGE;
    }
    char path[4096], err[4200];
    if (starter_write(dir, lang, path, sizeof path, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot init: %s\n", err);
        return EXIT_DATA;
    }
    printf("wrote %s: edit it, then: faqbot index --corpus %s\n", path, dir);
    return EXIT_OK;
}

/* ---- lint ---- */

typedef struct lint_out {
    const faq_index *ix;
    json_t *json;       /* the findings' array, or NULL for text */
    int n;
} lint_out;

/* One finding: a line of text, or an object of the JSON array. */
static void emit_finding(lint_out *lo, const char *file, int file_len, unsigned line, const char *kind,
                         const char *severity, const char *what)
{
    lo->n++;
    if (!lo->json) {
        printf("%.*s:%u: %s\n", file_len, file, line, what);
        return;
    }
    json_array_append_new(lo->json, json_pack("{s:s%,s:I,s:s,s:s,s:s}", "file", file, (size_t)file_len,
                                              "line", (json_int_t)line, "kind", kind, "severity",
                                              severity, "message", what));
}

static void print_finding(void *ctx, const lint_finding *f)
{
    lint_out *lo = ctx;
    const faq_index *ix = lo->ix;
    faq_entry e, o;
    char what[2048];
    const char *kind = "";
    faq_index_entry(ix, f->entry, &e);
    if (f->other != UINT32_MAX)
        faq_index_entry(ix, f->other, &o);
    switch (f->kind) {
    case LINT_NEAR_DUPLICATE:
        kind = "near-duplicate";
        snprintf(what, sizeof what, "near-duplicate: \"%.*s\" (%.*s) and \"%.*s\" (%.*s, %.*s:%u) score within %.0f%%",
                 (int)e.question.len, e.question.s, (int)e.id.len, e.id.s, (int)o.question.len,
                 o.question.s, (int)o.id.len, o.id.s, (int)o.file.len, o.file.s, o.line,
                 100 * (1 - f->ratio));
        break;
    case LINT_UNREACHABLE:
        kind = "unreachable";
        snprintf(what, sizeof what, "unreachable: its own question \"%.*s\" retrieves %.*s first",
                 (int)e.question.len, e.question.s, (int)o.id.len, o.id.s);
        break;
    case LINT_MISSING_TRANSLATION:
        kind = "missing-translation";
        snprintf(what, sizeof what, "missing translation: id %.*s has no entry in \"%s\"", (int)e.id.len,
                 e.id.s, faq_index_lang_code(ix, f->lang));
        break;
    }
    emit_finding(lo, e.file.s, (int)e.file.len, e.line, kind, "warning", what);
}

/* The checks of a built index, on lo. Returns 0, or -1 (message printed). */
static int lint_index(const char *path, lint_out *lo)
{
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return -1;
    lo->ix = ix;
    int n = faq_lint(ix, print_finding, lo);
    faq_index_close(ix);
    if (n < 0)
        fprintf(stderr, "faqbot lint: out of memory\n");
    return n < 0 ? -1 : 0;
}

/* The corpus's own problems on lo, then, when it reads clean, the checks of
 * an index built from it in a scratch folder. Returns 0, or -1 (printed). */
static int lint_corpus(const char *dir, lint_out *lo)
{
    char err[2048];
    corpus *c;
    corpus_report rep = {0};
    int loaded = corpus_load_report(dir, &rep, &c, err, sizeof err);
    for (size_t k = 0; k < rep.n; k++) {
        const corpus_problem *p = &rep.items[k];
        emit_finding(lo, p->file, (int)strlen(p->file), p->line, "corpus", "error", p->what);
    }
    lo->n += (int)(rep.n_errors + rep.n_warnings - rep.n);   /* counted past the list */
    int problems = rep.n_errors > 0;
    corpus_report_free(&rep);
    if (loaded != 0) {
        if (problems)
            return 0;
        fprintf(stderr, "faqbot lint: %s\n", err);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char scratch[4096], path[4200];
    snprintf(scratch, sizeof scratch, "%s/faqbot-lint.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch)) {
        fprintf(stderr, "faqbot lint: %s: %s\n", scratch, strerror(errno));
        corpus_free(c);
        return -1;
    }
    snprintf(path, sizeof path, "%s/faq.idx", scratch);
    index_stats st;
    int rc = index_write(c, path, &st, err, sizeof err);
    corpus_free(c);
    if (rc != 0)
        fprintf(stderr, "faqbot lint: %s\n", err);
    else
        rc = lint_index(path, lo);
    unlink(path);
    rmdir(scratch);
    return rc;
}

static int cmd_lint(int argc, char **argv)
{
    const command *cmd = find_command("lint");
    const char *path = NULL, *dir = NULL, *format = "text";
    opt opts[] = {{"index", 1, &path, NULL}, {"corpus", 1, &dir, NULL},
                  {"format", 1, &format, NULL}, {NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (i < argc || (path && dir) || (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)) {
        fprintf(stderr, "faqbot lint: %s\nusage: %s\n",
                i < argc ? "unexpected argument" : path && dir ? "--corpus or --index, not both"
                                                             : "--format is text or json",
                cmd->usage);
        return EXIT_USAGE;
    }
    lint_out lo = {NULL, NULL, 0};
    if (strcmp(format, "json") == 0 && !(lo.json = json_array())) {
        fprintf(stderr, "faqbot lint: out of memory\n");
        return EXIT_DATA;
    }
    int rc = dir ? lint_corpus(dir, &lo) : lint_index(path ? path : DEFAULT_INDEX, &lo);
    if (rc != 0) {
        json_decref(lo.json);
        return EXIT_DATA;
    }
    if (lo.json) {
        json_t *j = json_pack("{s:o,s:i}", "findings", lo.json, "count", lo.n);
        char *text = j ? json_dumps(j, JSON_INDENT(2)) : NULL;
        printf("%s\n", text ? text : "{\"error\":\"out of memory\"}");
        free(text);
        json_decref(j);
    } else {
        printf("lint: %d finding%s\n", lo.n, lo.n == 1 ? "" : "s");
    }
    /* findings exit 1, so that a CI step fails on them */
    return lo.n ? EXIT_USAGE : EXIT_OK;
}

/* ---- check ---- */

static int cmd_check(int argc, char **argv)
{
    const command *cmd = find_command("check");
    opt opts[] = {{NULL, 0, NULL, NULL}};
    int i = parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    const char *path = i < argc ? argv[i] : DEFAULT_INDEX;
    faq_index *ix;
    if (open_index(path, &ix) != 0)
        return EXIT_DATA;
    char err[1024];
    int rc = faq_index_check(ix, err, sizeof err);
    if (rc != FAQ_INDEX_OK)
        fprintf(stderr, "faqbot check: %s: %s\n", path, err);
    else
        printf("%s: ok, %u entries, %llu bytes checked\n", path, faq_index_entry_count(ix),
               (unsigned long long)faq_index_size(ix));
    faq_index_close(ix);
    return rc == FAQ_INDEX_OK ? EXIT_OK : EXIT_DATA;
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
     "faqbot index [--corpus DIR] [--out FILE] [--memory SIZE] [--lenient]   (defaults: corpus/,\n"
     "  build/faq.idx, 256M; --lenient: a malformed heading, id or alternate line is a warning,\n"
     "  not an error)"},
    {"ask", cmd_ask, "Answer a question, or one question per line of standard input.",
     "faqbot ask [--index FILE] [--lang CODE] [--json] [--explain] [--threshold X] [--no-typos] "
     "[--params FILE] [--set NAME=VALUE]... [QUESTION...]"},
    {"repl", cmd_repl, "Ask questions interactively (:help, :lang CODE, :reload, :quit).",
     "faqbot repl [--index FILE] [--lang CODE] [--threshold X]"},
    {"serve", cmd_serve, "Serve the chat page and the JSON API over HTTP.",
     "faqbot serve [--index FILE] [--bind ADDR] [--port N] [--web DIR] [--threads N] [--threshold X] "
     "[--log-questions] [--unanswered FILE] [--feedback-log FILE] [--access-log FILE] "
     "[--allow-origin ORIGIN]... [--frame-ancestors SRC] [--trust-proxy ADDR]... [--endpoint-key KEY] "
     "[--params FILE] [--set NAME=VALUE]..."},
    {"eval", cmd_eval, "Measure answer quality on query files (lang, query, expected id or NONE).",
     "faqbot eval [--index FILE] [--threshold X] [--sweep] [--quiet] [--explain] [--ablate] "
     "[--vary NAME=V1,V2,...] "
     "[--params FILE] [--set NAME=VALUE]... [--features OUT] FILE.tsv...   (parameters: faqbot "
     "eval --list-params)\n"
     "       faqbot eval --fit [--only NAME,...] [--after NAME,...] FEATURES..."},
    {"import", cmd_import, "Turn a FAQ (QnA Maker CSV/TSV, Q:/A: text, numbered text, FAQPage web page) "
     "into faqbot Markdown on stdout.",
     "faqbot import [--format csv|tsv|qa|numbered|html] [--title TEXT] [--prefix ID-PREFIX] [FILE|-]\n"
     "  (the format, unless given, from the file name, else from the text)"},
    {"export", cmd_export, "Write a corpus as QnA Maker's CSV (Question, Answer, Source, Metadata) on stdout.",
     "faqbot export [--corpus DIR] [--lang CODE] [--format csv]"},
    {"init", cmd_init, "Start a FAQ: a corpus folder with a sample entry and its format explained.",
     "faqbot init DIR --lang CODE   (CODE: en, es, fr or pt)"},
    {"lint", cmd_lint, "Report corpus errors, near-duplicate questions, unreachable entries, missing "
     "translations; exit 1 when any.",
     "faqbot lint [--corpus DIR | --index FILE] [--format text|json]   (default: --index build/faq.idx)"},
    {"check", cmd_check, "Read a whole index file and verify its checksums and structure (exit 2 if corrupt).",
     "faqbot check [INDEX]   (default: build/faq.idx)"},
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
    fprintf(out, "\nfaqbot COMMAND --help for a command's options. Exit codes: 0 ok, 1 usage (lint: findings), 2 bad data.\n");
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
