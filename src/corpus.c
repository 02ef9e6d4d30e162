/* corpus.c: reads a corpus folder, a document at a time (see corpus.h). */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "corpus_parse.h"
#include "hash.h"
#include "limits.h"
#include "lang_pack.h"
#include "message_keys.h"

/* libstemmer's own aliases (its modules.txt), two-letter code first. */
static const struct { const char *algorithm, *codes[4]; } stemmer_codes[] = {
    {"arabic", {"ar", "ara"}},        {"armenian", {"hy", "hye", "arm"}},
    {"basque", {"eu", "eus", "baq"}}, {"catalan", {"ca", "cat"}},
    {"danish", {"da", "dan"}},        {"dutch", {"nl", "dut", "nld"}},
    {"english", {"en", "eng"}},       {"finnish", {"fi", "fin"}},
    {"french", {"fr", "fre", "fra"}}, {"german", {"de", "ger", "deu"}},
    {"greek", {"el", "gre", "ell"}},  {"hindi", {"hi", "hin"}},
    {"hungarian", {"hu", "hun"}},     {"indonesian", {"id", "ind"}},
    {"irish", {"ga", "gle"}},         {"italian", {"it", "ita"}},
    {"lithuanian", {"lt", "lit"}},    {"nepali", {"ne", "nep"}},
    {"norwegian", {"no", "nor"}},     {"portuguese", {"pt", "por"}},
    {"romanian", {"ro", "rum", "ron"}}, {"russian", {"ru", "rus"}},
    {"serbian", {"sr", "srp"}},       {"spanish", {"es", "esl", "spa"}},
    {"swedish", {"sv", "swe"}},       {"tamil", {"ta", "tam"}},
    {"turkish", {"tr", "tur"}},       {"yiddish", {"yi", "yid"}},
};

static int stemmer_exists(const char *name)
{
    struct sb_stemmer *st = sb_stemmer_new(name, "UTF_8");
    if (!st)
        return 0;
    sb_stemmer_delete(st);
    return 1;
}

const char *corpus_stemmer_name(const char *code)
{
    for (size_t i = 0; i < sizeof stemmer_codes / sizeof stemmer_codes[0]; i++)
        for (size_t k = 0; k < 4 && stemmer_codes[i].codes[k]; k++)
            if (strcmp(code, stemmer_codes[i].codes[k]) == 0)
                return stemmer_exists(stemmer_codes[i].algorithm) ? stemmer_codes[i].algorithm
                                                                   : NULL;
    /* a code a later libstemmer knows and this table does not: it names
     * the stemmer as well as the algorithm would */
    return stemmer_exists(code) ? code : NULL;
}

static int read_file(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s:1: cannot read: not a regular file", path);
        fclose(f);
        return -1;
    }
    if ((unsigned long long)st.st_size > FAQ_MAX_FILE_BYTES) {
        snprintf(err, errlen, "%s:1: file too large (%lld bytes, at most %u)", path,
                 (long long)st.st_size, FAQ_MAX_FILE_BYTES);
        fclose(f);
        return -1;
    }
    char *data = malloc((size_t)st.st_size + 1);
    if (!data) {
        snprintf(err, errlen, "%s:1: out of memory", path);
        fclose(f);
        return -1;
    }
    size_t n = fread(data, 1, (size_t)st.st_size, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
        free(data);
        return -1;
    }
    data[n] = '\0';
    *out = data;
    *len = n;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted bytewise (not by locale, so that ids and order
 * are the same everywhere), without those starting with '.'. */
static char **list_dir(const char *dir, size_t *n, char *err, size_t errlen)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s:1: cannot open folder: %s", dir, strerror(errno));
        return NULL;
    }
    size_t cap = 0;
    char **names = NULL;
    int oom = grow(&names, &cap, 1, sizeof *names, 16) != 0;
    struct dirent *de;
    while (!oom && (de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (grow(&names, &cap, *n + 1, sizeof *names, 16) != 0) {
            oom = 1;
            break;
        }
        if (!(names[*n] = strdup(de->d_name))) {
            oom = 1;
            break;
        }
        (*n)++;
    }
    closedir(d);
    if (oom) {
        for (size_t i = 0; names && i < *n; i++)
            free(names[i]);
        free(names);
        *n = 0;
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return NULL;
    }
    qsort(names, *n, sizeof *names, cmp_str);
    return names;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a > b && strcmp(s + a - b, suffix) == 0;
}

static int is_lang_code(const char *s)
{
    size_t n = strlen(s);
    if (n < 2 || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'a' || s[i] > 'z')
            return 0;
    return 1;
}

/* ---- language packs ---- */


/* The language files a corpus folder may hold; each adds to its pack's file,
 * or replaces it when its first line is PACK_REPLACE. */
static const char *const lang_files[] = {"stopwords.txt", "synonyms.txt", "messages.txt",
                                         "smalltalk.md"};
#define PACK_REPLACE "# replace"
enum { LANG_FILE_MESSAGES = 2, LANG_FILE_SMALLTALK = 3 };

static int lang_file_index(const char *name)
{
    for (int i = 0; i < (int)(sizeof lang_files / sizeof *lang_files); i++)
        if (strcmp(lang_files[i], name) == 0)
            return i;
    return -1;
}

static int says_replace(const char *text, size_t len)
{
    if (len >= 3 && memcmp(text, CORPUS_UTF8_BOM, 3) == 0) {
        text += 3;
        len -= 3;
    }
    size_t k = strlen(PACK_REPLACE);
    if (len < k || memcmp(text, PACK_REPLACE, k) != 0)
        return 0;
    while (k < len && (text[k] == ' ' || text[k] == '\t' || text[k] == '\r'))
        k++;
    return k == len || text[k] == '\n';
}

/* The corpus's text first: a messages key it sets wins, the first one read
 * being the one used. */
static char *join_texts(const char *own, const char *pack)
{
    size_t a = strlen(own), b = strlen(pack);
    char *s = malloc(a + b + 2);
    if (!s)
        return NULL;
    memcpy(s, own, a);
    size_t o = a;
    if (a && own[a - 1] != '\n')
        s[o++] = '\n';
    memcpy(s + o, pack, b + 1);
    return s;
}

/* corpus/settings.txt: "key = value" lines, each key known and its value
 * valid, so that a typo is said at index time rather than ignored. */
static int check_settings(const char *path, const char *text, char *err, size_t errlen)
{
    unsigned line = 0;
    for (const char *p = text; *p;) {
        line++;
        size_t n = strcspn(p, "\n");
        char row[256];
        snprintf(row, sizeof row, "%.*s", (int)(n < sizeof row ? n : sizeof row - 1), p);
        p += n + (p[n] == '\n');
        char key[64];
        double v;
        char rest;
        if (row[strspn(row, " \t\r")] == '\0' || row[strspn(row, " \t")] == '#')
            continue;
        int got = sscanf(row, " %63[a-z_] = %lf %c", key, &v, &rest);
        if (got < 1 || !strchr(row, '=')) {
            snprintf(err, errlen, "%s:%u: expected \"key = value\" (threshold = 0.42)", path, line);
            return -1;
        }
        if (strcmp(key, "threshold") != 0) {
            snprintf(err, errlen, "%s:%u: unknown setting \"%s\" (known: threshold)", path, line, key);
            return -1;
        }
        /* "threshold = zwei", "= 0,5": the value is what is wrong */
        if (got != 2 || !(v >= 0 && v <= 1)) {
            snprintf(err, errlen, "%s:%u: threshold takes a number from 0 to 1", path, line);
            return -1;
        }
    }
    return 0;
}
static int load_settings(const char *path, char **out, char *err, size_t errlen)
{
    char *text;
    size_t len;
    if (read_file(path, &text, &len, err, errlen) != 0)
        return -1;
    const char *t = text;
    if (corpus_check_text(path, &t, &len, err, errlen) != 0 ||
        check_settings(path, t, err, errlen) != 0) {
        free(text);
        return -1;
    }
    memmove(text, t, len + 1);
    *out = text;
    return 0;
}

/* ---- duplicate ids ---- */

/* Ids are unique across every file of a language, small talk included. A
 * duplicate is told once the language's documents are read, in the order
 * of ids, then of entries, each pointing at the entry of its id before it. */
typedef struct dup_id {
    char *id, *file, *what;
    unsigned line;
    size_t pos;                   /* the entry's, in its language */
} dup_id;

typedef struct dup_list {
    dup_id *v;
    size_t n, cap;
} dup_list;

static int dup_add(dup_list *d, const corpus_entry *e, size_t pos, const char *prev_file,
                   unsigned prev_line)
{
    if (grow(&d->v, &d->cap, d->n + 1, sizeof *d->v, 16) != 0)
        return -1;
    char what[512];
    snprintf(what, sizeof what, "duplicate id \"%s\" (first at %s:%u)", e->id, prev_file, prev_line);
    dup_id *x = &d->v[d->n];
    *x = (dup_id){strdup(e->id), strdup(e->file), strdup(what), e->line, pos};
    if (!x->id || !x->file || !x->what) {
        free(x->id);
        free(x->file);
        free(x->what);
        return -1;
    }
    d->n++;
    return 0;
}

static int cmp_dup(const void *a, const void *b)
{
    const dup_id *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c)
        return c;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void dups_free(dup_list *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].id);
        free(d->v[i].file);
        free(d->v[i].what);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

static int dups_tell(corpus_reader *r, dup_list *d)
{
    if (d->n)
        qsort(d->v, d->n, sizeof *d->v, cmp_dup);
    int rc = 0;
    for (size_t i = 0; i < d->n && !rc; i++)
        rc = corpus_report_problem(r, 0, d->v[i].file, d->v[i].line, "%s", d->v[i].what);
    dups_free(d);
    return rc;
}

/* ---- the reading ---- */

typedef struct stream {
    corpus_reader r;
    const corpus_sink *sink;
    size_t pos;                   /* entries of the language handed on so far */
    dup_list dups;
} stream;

/* An entry to the sink, whose it is after. */
static int give(stream *s, corpus_entry *e)
{
    s->pos++;
    int rc = s->sink->entry(s->sink->ctx, e, s->r.err, s->r.errlen);
    memset(e, 0, sizeof *e);
    return rc;
}

/* A document's entry to the sink, its id checked first. */
static int hand_on(stream *s, corpus_entry *e)
{
    const char *file;
    unsigned line;
    int had = s->sink->has_id(s->sink->ctx, e, &file, &line, s->r.err, s->r.errlen);
    if (had < 0)
        return -1;
    if (had && dup_add(&s->dups, e, s->pos, file, line) != 0) {
        snprintf(s->r.err, s->r.errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    return give(s, e);
}

/* What the language's pack adds to its stop words, synonyms and messages:
 * replaced is a bit set of lang_files the folder replaces. */
static int add_pack_texts(const char *dir, corpus_lang *lang, unsigned replaced, char *err,
                          size_t errlen)
{
    char **slots[] = {&lang->stopwords, &lang->synonyms, &lang->messages};
    for (int i = 0; i < LANG_FILE_SMALLTALK; i++) {
        const char *pack = lang_pack_file(lang->code, lang_files[i]);
        if (!pack || (replaced & (1u << i)))
            continue;
        char *s = *slots[i] ? join_texts(*slots[i], pack) : strdup(pack);
        if (!s) {
            snprintf(err, errlen, "%s:1: out of memory", dir);
            return -1;
        }
        free(*slots[i]);
        *slots[i] = s;
    }
    return 0;
}

/* The pack's small talk, less the entries whose id the language has. */
static int hand_on_pack_smalltalk(stream *s, const char *code)
{
    const char *text = lang_pack_file(code, lang_files[LANG_FILE_SMALLTALK]);
    if (!text)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "lang/%s/smalltalk.md", code);
    corpus_lang pk;
    memset(&pk, 0, sizeof pk);
    snprintf(pk.code, sizeof pk.code, "%s", code);
    int rc = corpus_parse_md(&pk, path, "smalltalk", text, strlen(text), ENTRY_SMALLTALK,
                             s->r.err, s->r.errlen);
    for (size_t i = 0; rc == 0 && i < pk.n_entries; i++) {
        const char *file;
        unsigned line;
        int had = s->sink->has_id(s->sink->ctx, &pk.entries[i], &file, &line, s->r.err,
                                  s->r.errlen);
        if (had < 0)
            rc = -1;
        else if (!had)
            rc = give(s, &pk.entries[i]);
    }
    corpus_lang_clear(&pk);
    return rc;
}

/* A messages.txt's lines, so that a misspelt key or a line without "=" is
 * told with its file and line rather than never used. */
static int check_messages(int lf, const char *path, const char *text, char *err, size_t errlen)
{
    if (lf != LANG_FILE_MESSAGES)
        return 0;
    char why[160];
    unsigned line = message_text_check(text, why, sizeof why);
    if (!line)
        return 0;
    snprintf(err, errlen, "%s:%u: %s", path, line, why);
    return -1;
}

static int is_lang_text(int lf)
{
    return lf >= 0 && lf != LANG_FILE_SMALLTALK;
}

static unsigned problems_told(const corpus_report *rep)
{
    return rep ? rep->n_errors + rep->n_warnings : 0;
}

/* One language folder. Its stop words, synonyms and messages are read
 * first, the sink needing them before any entry; a failure among them is
 * told in its turn, after the documents before it, as a reading in order
 * would. */
static int stream_lang(stream *s, const char *dir, const char *code)
{
    char *err = s->r.err;
    size_t errlen = s->r.errlen;
    corpus_lang head;
    memset(&head, 0, sizeof head);
    snprintf(head.code, sizeof head.code, "%s", code);
    char **slots[] = {&head.stopwords, &head.synonyms, &head.messages};
    size_t n;
    char **names = list_dir(dir, &n, err, errlen);
    if (!names)
        return -1;
    int rc = -1;
    unsigned replaced = 0;
    size_t fail_at = n;
    char *fail_msg = NULL, path[4096];
    for (size_t i = 0; i < n && fail_at == n; i++) {
        int lf = lang_file_index(names[i]);
        if (!is_lang_text(lf))
            continue;
        char *text = NULL;
        size_t len;
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
            snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, names[i]);
        } else if (read_file(path, &text, &len, err, errlen) == 0) {
            if (says_replace(text, len))
                replaced |= 1u << lf;
            const char *t = text;
            if (corpus_check_text(path, &t, &len, err, errlen) == 0 &&
                check_messages(lf, path, t, err, errlen) == 0) {
                memmove(text, t, len + 1);   /* without its BOM */
                *slots[lf] = text;
                continue;
            }
        }
        free(text);
        fail_at = i;
        if (!(fail_msg = strdup(err)))
            goto out;
    }
    if (fail_at == n && add_pack_texts(dir, &head, replaced, err, errlen) != 0)
        goto out;
    if (s->sink->lang(s->sink->ctx, &head, err, errlen) != 0)
        goto out;
    s->pos = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = names[i];
        int md = ends_with(f, ".md"), txt = ends_with(f, ".txt");
        if ((!md && !txt) || strcmp(f, "README.md") == 0)
            continue;
        if (i == fail_at) {
            snprintf(err, errlen, "%s", fail_msg);
            goto out;
        }
        int lf = lang_file_index(f);
        if (is_lang_text(lf))
            continue;
        if (snprintf(path, sizeof path, "%s/%s", dir, f) >= (int)sizeof path) {
            snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, f);
            goto out;
        }
        char *text;
        size_t len;
        if (read_file(path, &text, &len, err, errlen) != 0)
            goto out;
        if (lf >= 0 && says_replace(text, len))
            replaced |= 1u << lf;
        unsigned problems = problems_told(s->r.rep);
        char *base = strndup(f, strlen(f) - (md ? 3 : 4));
        corpus_lang doc;
        memset(&doc, 0, sizeof doc);
        snprintf(doc.code, sizeof doc.code, "%s", code);
        int rd = -1;
        if (!base)
            snprintf(err, errlen, "%s:1: out of memory", path);
        else if (md)
            rd = corpus_read_md(&s->r, &doc, path, base, text, len,
                                lf == LANG_FILE_SMALLTALK ? ENTRY_SMALLTALK : ENTRY_FAQ);
        else
            rd = corpus_read_txt(&s->r, &doc, path, base, text, len);
        free(base);
        free(text);
        if (rd == 0 && lf < 0 && doc.n_entries == 0 && problems == problems_told(s->r.rep))
            rd = corpus_report_problem(&s->r, CORPUS_NOTICE, path, 1, "%s",
                                       md ? "no question in this file: each entry is a level-2 heading, "
                                            "\"## Question?\""
                                          : "no question in this file: a question is a line that opens "
                                            "with \"¿\" or ends with \"?\"");
        for (size_t k = 0; rd == 0 && k < doc.n_entries; k++)
            rd = hand_on(s, &doc.entries[k]);
        corpus_lang_clear(&doc);
        if (rd != 0)
            goto out;
    }
    if (dups_tell(&s->r, &s->dups) != 0)
        goto out;
    if (!(replaced & (1u << LANG_FILE_SMALLTALK)) && hand_on_pack_smalltalk(s, code) != 0)
        goto out;
    rc = 0;
out:
    dups_free(&s->dups);
    free(fail_msg);
    corpus_lang_clear(&head);
    free_names(names, n);
    return rc;
}

int corpus_stream(const char *dir, corpus_report *rep, const corpus_sink *sink, char *err,
                  size_t errlen)
{
    stream s;
    memset(&s, 0, sizeof s);
    s.r = (corpus_reader){rep, err, errlen};
    s.sink = sink;
    if (rep) {
        rep->n = rep->n_errors = rep->n_warnings = 0;
        if (!(rep->items = calloc(FAQ_MAX_CORPUS_PROBLEMS, sizeof *rep->items))) {
            snprintf(err, errlen, "%s:1: out of memory", dir);
            return -1;
        }
    }
    size_t n;
    char **names = list_dir(dir, &n, err, errlen);
    if (!names)
        return -1;
    int rc = -1;
    char path[4096];
    struct stat st;
    size_t n_langs = 0, seen = 0;
    const char **folders = malloc((n + 1) * sizeof *folders);
    if (!folders) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        goto out;
    }
    for (size_t i = 0; i < n; i++)   /* the sink sizes its tables by them */
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) < (int)sizeof path &&
            stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            folders[n_langs++] = names[i];
    int began = sink->begin(sink->ctx, folders, n_langs, err, errlen);
    free(folders);
    if (began != 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
            snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, names[i]);
            goto out;
        }
        if (stat(path, &st) != 0) {
            snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
            goto out;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (strcmp(names[i], "settings.txt") == 0) {
                char *text;
                if (load_settings(path, &text, err, errlen) != 0)
                    goto out;
                int k = sink->settings(sink->ctx, &text, err, errlen);
                free(text);
                if (k != 0)
                    goto out;
            }
            continue;   /* corpus/README.md and the like */
        }
        if (!is_lang_code(names[i]) || !corpus_stemmer_name(names[i])) {
            snprintf(err, errlen,
                     "%s:1: unknown language folder \"%s\" (a lowercase language code "
                     "libstemmer knows: es, en, fr, pt, de, it, ...)",
                     path, names[i]);
            goto out;
        }
        seen++;
        if (stream_lang(&s, path, names[i]) != 0)
            goto out;
    }
    if (seen == 0) {
        snprintf(err, errlen, "%s:1: no language folder (corpus/<lang>/*.md)", dir);
        goto out;
    }
    if (rep && rep->n_errors) {
        snprintf(err, errlen, "%s: %u error%s in the corpus", dir, rep->n_errors,
                 rep->n_errors == 1 ? "" : "s");
        goto out;
    }
    rc = 0;
out:
    free_names(names, n);
    return rc;
}

int corpus_stream_pack(const char *code, const corpus_sink *sink, char *err, size_t errlen)
{
    stream s;
    memset(&s, 0, sizeof s);
    s.r = (corpus_reader){NULL, err, errlen};
    s.sink = sink;
    corpus_lang head;
    memset(&head, 0, sizeof head);
    snprintf(head.code, sizeof head.code, "%s", code);
    char dir[64];
    snprintf(dir, sizeof dir, "lang/%s", code);
    int rc = add_pack_texts(dir, &head, 0, err, errlen);
    if (rc == 0)
        rc = sink->lang(sink->ctx, &head, err, errlen);
    if (rc == 0)
        rc = hand_on_pack_smalltalk(&s, code);
    corpus_lang_clear(&head);
    return rc;
}

/* ---- a reading that keeps every entry ---- */

/* The corpus being read, and the ids of its current language: an open
 * addressing table of entry positions + 1. */
typedef struct keep_sink {
    corpus *c;
    corpus_lang *cur;
    uint32_t *slots;
    size_t cap, count;
} keep_sink;

static size_t id_hash(const char *s)
{
    return hash_fold32(hash_bytes(HASH_SEED, s, strlen(s)));
}

/* The slot of id in the table: its entry's, or the empty one it would take. */
static size_t keep_slot(const keep_sink *k, const char *id)
{
    size_t i = id_hash(id) & (k->cap - 1);
    while (k->slots[i] && strcmp(k->cur->entries[k->slots[i] - 1].id, id) != 0)
        i = (i + 1) & (k->cap - 1);
    return i;
}

static int keep_begin(void *ctx, const char *const *names, size_t n_langs, char *err,
                      size_t errlen)
{
    keep_sink *k = ctx;
    if (!(k->c->langs = calloc(n_langs + 1, sizeof *k->c->langs))) {
        snprintf(err, errlen, "corpus: out of memory");
        return -1;
    }
    return 0;
}

static int keep_lang(void *ctx, corpus_lang *lang, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    k->cur = &k->c->langs[k->c->n_langs++];
    *k->cur = *lang;
    lang->stopwords = lang->synonyms = lang->messages = NULL;
    free(k->slots);
    k->cap = 64;
    k->count = 0;
    if (!(k->slots = calloc(k->cap, sizeof *k->slots))) {
        snprintf(err, errlen, "%s: out of memory", lang->code);
        return -1;
    }
    return 0;
}

static int keep_has_id(void *ctx, const corpus_entry *e, const char **file, unsigned *line,
                       char *err, size_t errlen)
{
    keep_sink *k = ctx;
    uint32_t v = k->slots[keep_slot(k, e->id)];
    if (!v)
        return 0;
    *file = k->cur->entries[v - 1].file;
    *line = k->cur->entries[v - 1].line;
    return 1;
}

static int keep_entry(void *ctx, corpus_entry *e, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    corpus_lang *l = k->cur;
    size_t n = l->n_entries;
    if (corpus_lang_reserve(l, e->file, e->line, err, errlen) != 0) {
        corpus_entry_free(e);
        return -1;
    }
    if (2 * (k->count + 1) > k->cap) {
        uint32_t *old = k->slots;
        size_t old_cap = k->cap;
        if (!(k->slots = calloc(k->cap *= 2, sizeof *k->slots))) {
            k->slots = old;
            k->cap = old_cap;
            goto oom;
        }
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                k->slots[keep_slot(k, l->entries[old[i] - 1].id)] = old[i];
        free(old);
    }
    l->entries[n] = *e;
    l->n_entries++;
    size_t i = keep_slot(k, e->id);
    k->count += !k->slots[i];
    k->slots[i] = (uint32_t)n + 1;   /* the last of the id, for the next duplicate */
    return 0;
oom:
    snprintf(err, errlen, "%s:%u: out of memory", e->file, e->line);
    corpus_entry_free(e);
    return -1;
}

static int keep_settings(void *ctx, char **text, char *err, size_t errlen)
{
    keep_sink *k = ctx;
    k->c->settings = *text;
    *text = NULL;
    return 0;
}

int corpus_load_report(const char *dir, corpus_report *rep, corpus **out, char *err, size_t errlen)
{
    *out = NULL;
    keep_sink k;
    memset(&k, 0, sizeof k);
    if (!(k.c = calloc(1, sizeof *k.c))) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return -1;
    }
    corpus_sink sink = {&k, keep_begin, keep_lang, keep_has_id, keep_entry, keep_settings};
    int rc = corpus_stream(dir, rep, &sink, err, errlen);
    free(k.slots);
    if (rc != 0)
        corpus_free(k.c);
    else
        *out = k.c;
    return rc;
}

int corpus_load(const char *dir, corpus **out, char *err, size_t errlen)
{
    return corpus_load_report(dir, NULL, out, err, errlen);
}

void corpus_report_free(corpus_report *rep)
{
    if (!rep || !rep->items)
        return;
    for (size_t i = 0; i < rep->n; i++) {
        free(rep->items[i].file);
        free(rep->items[i].what);
    }
    free(rep->items);
    rep->items = NULL;
    rep->n = 0;
}

void corpus_lang_clear(corpus_lang *lang)
{
    for (size_t i = 0; i < lang->n_entries; i++)
        corpus_entry_free(&lang->entries[i]);
    free(lang->entries);
    free(lang->stopwords);
    free(lang->synonyms);
    free(lang->messages);
    lang->entries = NULL;
    lang->n_entries = lang->entries_cap = 0;
    lang->stopwords = lang->synonyms = lang->messages = NULL;
}

void corpus_free(corpus *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n_langs; i++)
        corpus_lang_clear(&c->langs[i]);
    free(c->langs);
    free(c->settings);
    free(c);
}
