/* cmd_quality.c: the commands that measure and mend a FAQ: review, eval, lint. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_quality.h"
#include "corpus.h"
#include "corpus_dups.h"
#include "corpus_load.h"
#include "corpus_parse.h"
#include "decline_model.h"
#include "eval.h"
#include "eval_fit.h"
#include "index_write.h"
#include "lint.h"
#include "messages.h"
#include "review.h"

/* ---- review ---- */

typedef struct review_out {
    const faq_index *ix;
    int unmatched;           /* groups without an entry printed so far */
    int wrong;               /* of those, answered by an entry voted down */
} review_out;

/* A proposed entry's heading as the corpus has it, then `? question` lines
 * ready to paste under it; then the questions an entry answered and was
 * voted down for, under that entry's name (its answer to read again, or a
 * new entry to write: no heading to paste under); the questions no entry
 * answers come last. */
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
        /* the entry lacks the questions' language: pasted under its
         * heading, they would be alternates of another language's text */
        if (e.lang != g->lang) {
            char name[128];
            int en = faq_index_lang_find(ro->ix, "en");
            if (en >= 0)
                msg_lang_name(ro->ix, (uint32_t)en, g->lang, name, sizeof name);
            else
                snprintf(name, sizeof name, "%s", faq_index_lang_code(ro->ix, g->lang));
            printf("# add a version of {#%.*s} in %s: it has none; these questions are its alternates\n",
                   (int)e.id.len, e.id.s, name);
        }
    } else if (g->voted_down != UINT32_MAX) {
        faq_entry e;
        faq_index_entry(ro->ix, g->voted_down, &e);
        if (ro->wrong++ == 0)
            printf("# Answered wrongly: \xF0\x9F\x91\x8E on the answer given, and no other entry answers these\n\n");
        ro->unmatched++;
        printf("# %s: %d question%s, asked %d time%s, answered by {#%.*s} \"%.*s\" (%.*s:%u)\n",
               faq_index_lang_code(ro->ix, g->lang), g->n_questions, g->n_questions == 1 ? "" : "s",
               g->times, g->times == 1 ? "" : "s", (int)e.id.len, e.id.s, (int)e.question.len,
               e.question.s, (int)e.file.len, e.file.s, e.line);
    } else {
        if (ro->unmatched++ - ro->wrong == 0)
            printf("# No entry answers these: new questions for the FAQ\n\n");
        printf("# %s: %d question%s, asked %d time%s\n", faq_index_lang_code(ro->ix, g->lang),
               g->n_questions, g->n_questions == 1 ? "" : "s", g->times, g->times == 1 ? "" : "s");
    }
    for (int i = 0; i < g->n_questions; i++)
        printf("? %s\n", g->questions[i]);
    printf("\n");
}

int cmd_review(const cli_command *cmd, int argc, char **argv)
{
    const char *path = FAQ_DEFAULT_INDEX, *thr = NULL;
    cli_opt opts[] = {CLI_VALUE("index", &path), CLI_VALUE("threshold", &thr), CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (i >= argc) {
        fprintf(stderr, "faqbot review: which logs?\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    double th = cli_parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    faq_index *ix;
    if (cli_open_index(cmd->name, 1, path, &ix) != 0)
        return EXIT_DATA;
    review_out ro = {ix, 0, 0};
    char err[1024];
    review_counts counts;
    int n = review_run(ix, argv + i, argc - i, th < 0 ? REVIEW_DEFAULT_THRESHOLD : th, print_group,
                       &ro, &counts, err, sizeof err);
    faq_index_close(ix);
    if (n < 0) {
        fprintf(stderr, "faqbot review: %s\n", err);
        return EXIT_DATA;
    }
    fprintf(stderr, "faqbot review: %d group%s, %d with an entry proposed, %d answered wrongly; "
            "%d line%s of neither log format skipped\n", n, n == 1 ? "" : "s", n - ro.unmatched, ro.wrong,
            counts.skipped, counts.skipped == 1 ? "" : "s");
    if (counts.gone)
        fprintf(stderr, "faqbot review: note: %d \xF0\x9F\x91\x8E vote%s on ids the index does not hold (%s): "
                "renamed or deleted since; %s reviewed as asked\n", counts.gone, counts.gone == 1 ? "" : "s",
                counts.gone_ids, counts.gone == 1 ? "its question is" : "their questions are");
    return EXIT_OK;
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
static int eval_fit_cmd(char *const *files, int n, const char *only, const char *after,
                        const search_params *hold)
{
    decline_model held;
    if (hold) {
        held.bias = hold->decline_bias;
        char name[64];
        for (int f = 0; f < DF_COUNT; f++) {
            snprintf(name, sizeof name, "decline_%s", decline_feature_name[f]);
            const search_param_field *pf = search_param_find(name);
            held.w[f] = pf ? search_param_get(hold, pf) : 0;
        }
    }
    int use[DF_COUNT];
    for (int f = 0; f < DF_COUNT; f++) {
        use[f] = !only || listed(only, decline_feature_name[f]);
        if (after && listed(after, decline_feature_name[f]))
            use[f] = 2;
    }
    char err[1024];
    if (eval_fit(files, n, use, hold ? &held : NULL, stdout, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot eval: %s\n", err);
        return EXIT_DATA;
    }
    return EXIT_OK;
}

int cmd_eval(const cli_command *cmd, int argc, char **argv)
{
    const char *path = FAQ_DEFAULT_INDEX, *thr = NULL, *vary = NULL, *features = NULL, *only = NULL,
               *after = NULL;
    int sweep = 0, quiet = 0, ablate = 0, explain = 0, list = 0, fit = 0, hold = 0;
    search_params params;
    if (cli_take_params(cmd, &argc, argv, &params) != 0)
        return EXIT_USAGE;
    cli_opt opts[] = {CLI_VALUE("index", &path),         CLI_VALUE("threshold", &thr),
                      CLI_FLAG("sweep", &sweep),         CLI_FLAG("quiet", &quiet),
                      CLI_FLAG("ablate", &ablate),       CLI_FLAG("explain", &explain),
                      CLI_FLAG("list-params", &list),    CLI_VALUE("vary", &vary),
                      CLI_VALUE("features", &features),   CLI_FLAG("fit", &fit),
                      CLI_VALUE("only", &only),           CLI_VALUE("after", &after),
                      CLI_FLAG("hold", &hold),
                      CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (list) {
        eval_list_params(stdout);
        return EXIT_OK;
    }
    if (i >= argc) {
        fprintf(stderr, "faqbot eval: which query files?\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    double th = cli_parse_threshold(thr, cmd);
    if (th < -1.5)
        return EXIT_USAGE;
    char err[1024];
    if (fit)
        return eval_fit_cmd(argv + i, argc - i, only, after, hold ? &params : NULL);
    faq_index *ix;
    if (cli_open_index(cmd->name, 1, path, &ix) != 0)
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

/* ---- lint ---- */

/* Two entries a duplicate-question finding named, by their files and lines. */
typedef struct lint_pair {
    char *file, *first_file;
    unsigned line, first_line;
} lint_pair;

typedef struct lint_out {
    const faq_index *ix;
    json_t *json;       /* the findings' array, or NULL for text */
    int n;
    lint_pair *dups;    /* the pairs told as asking one question */
    size_t n_dups;
} lint_out;

static int same_place(const char *file, unsigned line, const faq_str *at, unsigned at_line)
{
    return line == at_line && strlen(file) == at->len && memcmp(file, at->s, at->len) == 0;
}

/* Were the entries at file:line and other:other_line told as asking one
 * question? Then that they score alike is no news. */
static int told_duplicates(const lint_out *lo, const faq_str *file, unsigned line, const faq_str *other,
                           unsigned other_line)
{
    for (size_t i = 0; i < lo->n_dups; i++) {
        const lint_pair *p = &lo->dups[i];
        int ahead = same_place(p->file, p->line, file, line) &&
                    same_place(p->first_file, p->first_line, other, other_line);
        int behind = same_place(p->first_file, p->first_line, file, line) &&
                     same_place(p->file, p->line, other, other_line);
        if (ahead || behind)
            return 1;
    }
    return 0;
}

static void lint_out_clear(lint_out *lo)
{
    for (size_t i = 0; i < lo->n_dups; i++) {
        free(lo->dups[i].file);
        free(lo->dups[i].first_file);
    }
    free(lo->dups);
    lo->dups = NULL;
    lo->n_dups = 0;
}

/* One finding: a line of text, or an object of the JSON array. */
static void emit_finding(lint_out *lo, const char *file, int file_len, unsigned line, const char *kind,
                         const char *severity, const char *what)
{
    lo->n++;
    if (!lo->json) {
        char ln[CORPUS_LINE_ROOM];
        printf("%.*s%s: %s\n", file_len, file, corpus_problem_line(line, ln), what);
        return;
    }
    json_t *f = json_pack("{s:s%,s:s,s:s,s:s}", "file", file, (size_t)file_len, "kind", kind,
                          "severity", severity, "message", what);
    if (f && line)     /* a folder's finding has no line */
        json_object_set_new(f, "line", json_integer((json_int_t)line));
    json_array_append_new(lo->json, f);
}

/* Is id the one an entry of file gets when it gives none, "<name>-<n>"
 * (corpus.h)? Then a missing translation is an id the editor never wrote. */
static int id_is_positional(const char *file, size_t file_len, const char *id, size_t id_len)
{
    size_t n;
    const char *name = corpus_doc_name(file, file_len, &n);
    if (id_len < n + 2 || memcmp(id, name, n) != 0 || id[n] != '-')
        return 0;
    for (size_t i = n + 1; i < id_len; i++)
        if (id[i] < '0' || id[i] > '9')
            return 0;
    return 1;
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
        if (told_duplicates(lo, &e.file, e.line, &o.file, o.line))
            return;
        kind = "near-duplicate";
        snprintf(what, sizeof what, "near-duplicate: \"%.*s\" (%.*s) and \"%.*s\" (%.*s, %.*s:%u) score within %.0f%%",
                 (int)e.question.len, e.question.s, (int)e.id.len, e.id.s, (int)o.question.len,
                 o.question.s, (int)o.id.len, o.id.s, (int)o.file.len, o.file.s, o.line,
                 100 * (1 - f->ratio));
        break;
    case LINT_UNREACHABLE:
        kind = "unreachable";
        if (f->other == UINT32_MAX)
            snprintf(what, sizeof what,
                     "unreachable: its own question \"%.*s\" finds no entry (no word the bot searches: "
                     "stop words, emoji or signs only); say its subject in it",
                     (int)e.question.len, e.question.s);
        else
            snprintf(what, sizeof what, "unreachable: its own question \"%.*s\" retrieves %.*s (%.*s:%u) first",
                     (int)e.question.len, e.question.s, (int)o.id.len, o.id.s, (int)o.file.len, o.file.s,
                     o.line);
        break;
    case LINT_MISSING_TRANSLATION:
        kind = "missing-translation";
        if (f->other != UINT32_MAX)
            snprintf(what, sizeof what,
                     "missing translation: id %.*s has no entry in \"%s\"; %.*s:%u has id %.*s: "
                     "written alike, is it this entry's translation? The same {#id} in each ties them",
                     (int)e.id.len, e.id.s, faq_index_lang_code(ix, f->lang), (int)o.file.len, o.file.s,
                     o.line, (int)o.id.len, o.id.s);
        else
            snprintf(what, sizeof what, "missing translation: id %.*s has no entry in \"%s\"%s",
                     (int)e.id.len, e.id.s, faq_index_lang_code(ix, f->lang),
                     id_is_positional(e.file.s, e.file.len, e.id.s, e.id.len)
                         ? " (an id by its place, not of its own: {#id} after the question, the same in "
                           "each language, ties an entry to its translation)"
                         : "");
        break;
    }
    emit_finding(lo, e.file.s, (int)e.file.len, e.line, kind, "warning", what);
}

/* The checks of a built index, on lo. Returns 0, or -1 (message printed). */
static int lint_index(const char *path, lint_out *lo)
{
    faq_index *ix;
    if (cli_open_index("lint", 1, path, &ix) != 0)
        return -1;
    lo->ix = ix;
    int n = faq_lint(ix, print_finding, lo);
    faq_index_close(ix);
    if (n < 0)
        fprintf(stderr, "faqbot lint: out of memory\n");
    return n < 0 ? -1 : 0;
}

/* A question asked twice: where it is again, and the entry that first asks
 * it, by file and line, as an editor needs both to keep it in one. */
static void print_duplicate(void *ctx, const corpus_dup *d)
{
    lint_out *lo = ctx;
    const char *q = d->alt == CORPUS_DUP_QUESTION ? d->entry->question : d->entry->alts[d->alt];
    char what[2048];
    snprintf(what, sizeof what,
             "duplicate question \"%.*s\": %s of %s here is %s of %s (%s:%u); asked, it finds "
             "one of the two only: keep it in one entry",
             200, q, d->alt == CORPUS_DUP_QUESTION ? "the question" : "an alternate", d->entry->id,
             d->first_alt == CORPUS_DUP_QUESTION ? "the question" : "an alternate", d->first->id,
             d->first->file, d->first_line);
    emit_finding(lo, d->entry->file, (int)strlen(d->entry->file), d->line, "duplicate-question",
                 "warning", what);
    lint_pair *grown = realloc(lo->dups, (lo->n_dups + 1) * sizeof *grown);
    if (!grown)
        return;   /* the pair's near-duplicate finding told too: no harm */
    lo->dups = grown;
    lint_pair *p = &lo->dups[lo->n_dups];
    p->file = strdup(d->entry->file);
    p->first_file = strdup(d->first->file);
    p->line = d->entry->line;
    p->first_line = d->first->line;
    if (p->file && p->first_file)
        lo->n_dups++;
    else {
        free(p->file);
        free(p->first_file);
    }
}

/* The corpus's own problems on lo, then, when it reads clean, the checks of
 * an index built from it in a scratch folder. Returns 0, or -1 (printed). */
static int lint_corpus(const char *dir, lint_out *lo)
{
    char err[2048];
    corpus *c;
    corpus_report rep = {0};
    rep.asked_told_apart = 1;   /* one finding a question asked twice: print_duplicate's */
    int loaded = corpus_load_report(dir, &rep, &c, err, sizeof err);
    for (size_t k = 0; k < rep.n; k++) {
        const corpus_problem *p = &rep.items[k];
        emit_finding(lo, p->file, (int)strlen(p->file), p->line, "corpus", p->warning ? "warning" : "error",
                     p->what);
    }
    lo->n += (int)(rep.n_errors + rep.n_warnings - rep.n);   /* counted past the list */
    int problems = rep.n_errors > 0;
    corpus_report_free(&rep);
    if (loaded != 0) {
        if (problems)
            return 0;
        fprintf(stderr, "faqbot lint: %s\n", err);
        cli_hint_no_corpus("lint", dir);
        return -1;
    }
    if (corpus_duplicate_questions(c, print_duplicate, lo) < 0) {
        fprintf(stderr, "faqbot lint: out of memory\n");
        corpus_free(c);
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

int cmd_lint(const cli_command *cmd, int argc, char **argv)
{
    const char *path = NULL, *dir = NULL, *format = "text";
    cli_opt opts[] = {CLI_VALUE("index", &path), CLI_VALUE("corpus", &dir),
                      CLI_VALUE("format", &format), CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (cli_refuse_operand(cmd, argc, argv, i, "corpus", "index") != 0)
        return EXIT_USAGE;
    if ((path && dir) || (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)) {
        fprintf(stderr, "faqbot lint: %s\nusage: %s\n",
                path && dir ? "--corpus or --index, not both" : "--format is text or json", cmd->usage);
        return EXIT_USAGE;
    }
    lint_out lo = {NULL, NULL, 0, NULL, 0};
    if (strcmp(format, "json") == 0 && !(lo.json = json_array())) {
        fprintf(stderr, "faqbot lint: out of memory\n");
        return EXIT_DATA;
    }
    int rc = dir ? lint_corpus(dir, &lo) : lint_index(path ? path : FAQ_DEFAULT_INDEX, &lo);
    lint_out_clear(&lo);
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
