/* corpus.c: reads a corpus folder, a document at a time (see corpus.h). */
#include "corpus.h"

#include <errno.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "analyze.h"
#include "asked.h"
#include "buf.h"
#include "corpus_file.h"
#include "corpus_parse.h"
#include "corpus_stops.h"
#include "fold.h"
#include "hash.h"
#include "lang_pack.h"
#include "limits.h"
#include "message_keys.h"
#include "utf8.h"

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

int corpus_lang_code_unstemmed(const char *code)
{
    /* a later libstemmer's stems win */
    return analyzer_spaced(code) && corpus_stemmer_name(code) == NULL;
}

int corpus_lang_code_folder(const char *code)
{
    return corpus_lang_code_stemmed(code) || corpus_lang_code_unstemmed(code);
}

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

/* The codes corpus_stemmer_name() knows a stemmer for, one for each
 * language ("ar, hy, eu, ..."), into out (cut to cap); returns the length
 * it needed. */
static size_t corpus_stemmer_codes(char *out, size_t cap)
{
    size_t n = 0;
    if (cap)
        out[0] = '\0';
    for (size_t i = 0; i < sizeof stemmer_codes / sizeof stemmer_codes[0]; i++) {
        if (!stemmer_exists(stemmer_codes[i].algorithm))
            continue;
        const char *sep = n ? ", " : "";
        int w = n < cap ? snprintf(out + n, cap - n, "%s%s", sep, stemmer_codes[i].codes[0])
                        : snprintf(NULL, 0, "%s%s", sep, stemmer_codes[i].codes[0]);
        if (w > 0)
            n += (size_t)w;
    }
    return n;
}

/* The codes of analyzer_spaced() libstemmer does not stem, into out (cut
 * to cap); returns the length it needed. */
static size_t corpus_unstemmed_codes(char *out, size_t cap)
{
    size_t n = 0;
    if (cap)
        out[0] = '\0';
    const char *code;
    for (size_t i = 0; (code = analyzer_spaced_code(i)); i++) {
        if (!corpus_lang_code_unstemmed(code))
            continue;
        const char *sep = n ? ", " : "";
        int w = n < cap ? snprintf(out + n, cap - n, "%s%s", sep, code)
                        : snprintf(NULL, 0, "%s%s", sep, code);
        if (w > 0)
            n += (size_t)w;
    }
    return n;
}

/* The files a pack holds, each with what a language lacks without it, in
 * the order they are told. */
static const struct { const char *file, *lacking; } pack_parts[] = {
    {"smalltalk.md", "no small talk (hello, thanks...)"},
    {"messages.txt", "the bot's texts in English"},
    {"synonyms.txt", "no general synonyms"},
    {"stopwords.txt", "stop and question words read off the entries (from 8 entries up)"},
};

/* The first word of a language folder's documents that the fallback cuts
 * and that holds a letter beyond ASCII, for the note to show (an English
 * sample left in a new folder is not its language: none shown). */
typedef struct {
    char word[64], cut[64];
} cut_example;

static int cut_example_token(void *ctx, const token *t)
{
    cut_example *ex = ctx;
    /* an entry's {#id} is no word of the language */
    if (t->offset && t->raw[-1] == '#')
        return 0;
    if (!t->lower || utf8_length(t->lower, t->lower_len) <= ANALYZER_FALLBACK_PREFIX ||
        t->lower_len >= sizeof ex->word || t->term_len >= sizeof ex->cut)
        return 0;
    int wide = 0;
    for (size_t i = 0; i < t->lower_len; i++)
        wide |= (unsigned char)t->lower[i] >= 0x80;
    if (!wide)
        return 0;
    memcpy(ex->word, t->lower, t->lower_len);
    ex->word[t->lower_len] = '\0';
    memcpy(ex->cut, t->term, t->term_len);
    ex->cut[t->term_len] = '\0';
    return 1;
}

static void cut_example_find(const char *dir, const char *code, cut_example *ex)
{
    ex->word[0] = '\0';
    char folder[4096], path[4096], err[256];
    if (snprintf(folder, sizeof folder, "%s/%s", dir, code) >= (int)sizeof folder)
        return;
    size_t n;
    char **names = corpus_file_list(folder, &n, err, sizeof err);
    if (!names)
        return;
    analyzer *a = analyzer_new(code, NULL);
    for (size_t i = 0; a && i < n && !ex->word[0]; i++) {
        char *text;
        size_t len;
        if (corpus_file_kind_of(names[i]) >= 0 ||
            corpus_file_path(path, sizeof path, folder, names[i], err, sizeof err) != 0 ||
            corpus_file_read(path, &text, &len, err, sizeof err) != 0)
            continue;
        analyzer_run(a, text, len, cut_example_token, ex);
        free(text);
    }
    analyzer_free(a);
    corpus_file_list_free(names, n);
}

size_t corpus_pack_note(const char *dir, const char *code, char *out, size_t cap)
{
    if (cap)
        out[0] = '\0';
    size_t n = 0;
    int w;
    /* no stemmer: the fallback named, so that an owner who finds a form
     * missed knows why and what a synonyms.txt line would mend */
    if (corpus_lang_code_unstemmed(code)) {
        /* the example is one of the folder's own words: a Polish one
         * told a Hebrew or Czech owner nothing of theirs */
        cut_example ex;
        cut_example_find(dir, code, &ex);
        char shown[160] = "";
        if (ex.word[0])
            snprintf(shown, sizeof shown, " (\"%s\" as \"%s\")", ex.word, ex.cut);
        w = snprintf(out, cap,
                     "libstemmer has no stemmer for \"%s\": its words are matched by their "
                     "first %d letters, accents off%s, a shorter word whole; forms that differ "
                     "sooner go in %s/%s/synonyms.txt, a group a line",
                     code, ANALYZER_FALLBACK_PREFIX, shown, dir, code);
        n = w > 0 ? (size_t)w : 0;
    }
    if (lang_pack_file(code, "messages.txt"))
        return n;
    char path[4096];
    struct stat st;
    w = snprintf(n < cap ? out + n : NULL, n < cap ? cap - n : 0,
                 "%sfaqbot has no language pack for \"%s\":", n ? "\n" : "", code);
    size_t head = n;
    n += w > 0 ? (size_t)w : 0;
    size_t missing = 0;
    for (size_t i = 0; i < sizeof pack_parts / sizeof *pack_parts; i++) {
        snprintf(path, sizeof path, "%s/%s/%s", dir, code, pack_parts[i].file);
        if (stat(path, &st) == 0)
            continue;
        w = snprintf(n < cap ? out + n : NULL, n < cap ? cap - n : 0, "%s %s", missing ? "," : "",
                     pack_parts[i].lacking);
        n += w > 0 ? (size_t)w : 0;
        missing++;
    }
    if (!missing) {
        if (head < cap)
            out[head] = '\0';
        return head;
    }
    w = snprintf(n < cap ? out + n : NULL, n < cap ? cap - n : 0,
                 "; %s/%s/ may hold its own smalltalk.md, messages.txt, synonyms.txt and "
                 "stopwords.txt, as faqbot's English pack (lang/en/ in its source) does",
                 dir, code);
    n += w > 0 ? (size_t)w : 0;
    return n;
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

/* Norwegian's written standards, the codes browsers and translators use;
 * libstemmer's one Norwegian stemmer is "no". */
static const struct { const char *code, *usual; } other_codes[] = {{"nb", "no"}, {"nn", "no"}};

const char *corpus_lang_code_written(const char *code)
{
    return strcmp(code, "no") == 0 ? "nb" : code;
}

/* The part of code before a region's ("pt-BR", "en_GB"), lowercase, into
 * low (cap bytes); 0, or -1 when it does not fit. */
static int lang_code_base(const char *code, char *low, size_t cap)
{
    size_t n = 0;
    for (; code[n] && code[n] != '-' && code[n] != '_'; n++) {
        if (n + 1 >= cap)
            return -1;
        char c = code[n];
        low[n] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    low[n] = '\0';
    return 0;
}

const char *corpus_lang_code_usual(const char *code, const char **language)
{
    /* "pt-BR", "en_GB", "DE", "danish": the language's code before the
     * region's, lowercase, or libstemmer's name of it */
    char low[16];
    if (lang_code_base(code, low, sizeof low) != 0)
        return NULL;
    for (size_t i = 0; i < sizeof other_codes / sizeof *other_codes; i++)
        if (strcmp(low, other_codes[i].code) == 0) {
            snprintf(low, sizeof low, "%s", other_codes[i].usual);
            break;
        }
    for (size_t i = 0; i < sizeof stemmer_codes / sizeof stemmer_codes[0]; i++)
        for (size_t k = 0; k < 4 && stemmer_codes[i].codes[k]; k++) {
            const char *usual = stemmer_codes[i].codes[0];
            if ((strcmp(low, stemmer_codes[i].codes[k]) != 0 &&
                 strcmp(low, stemmer_codes[i].algorithm) != 0) ||
                strcmp(code, usual) == 0 ||
                !stemmer_exists(stemmer_codes[i].algorithm))
                continue;
            if (language)
                *language = stemmer_codes[i].algorithm;
            return usual;
        }
    return NULL;
}

int corpus_lang_code_stemmed(const char *code)
{
    /* "deu" or "nor" would be stemmed, but packs, language identification
     * and the page's language are the two-letter code's: a folder so
     * named would be German without German's pack, never picked */
    return is_lang_code(code) && corpus_stemmer_name(code) != NULL &&
           !corpus_lang_code_usual(code, NULL);
}

size_t corpus_lang_code_problem(const char *code, char *out, size_t cap)
{
    const char *language = NULL, *usual = corpus_lang_code_usual(code, &language);
    int w;
    /* a language written without spaces between words: its sentences
     * would be single words to the analyzer; said so, rather than left to
     * look like a missing code */
    static const char *const unspaced[] = {"ja", "zh", "th", "lo", "km", "my", "bo"};
    int no_spaces = 0;
    for (size_t i = 0; i < sizeof unspaced / sizeof *unspaced; i++)
        no_spaces |= strcmp(code, unspaced[i]) == 0;
    /* "pl-PL", "PL", "cs_CZ": a language of the fallback with a region
     * or in capitals, its code told as a stemmed language's is */
    char low[16];
    int plain_other = !usual && lang_code_base(code, low, sizeof low) == 0 &&
                      strcmp(low, code) != 0 && corpus_lang_code_unstemmed(low);
    if (usual)
        w = snprintf(out, cap, "%c%s's code here is \"%s\"", language[0] - 'a' + 'A',
                     language + 1, usual);
    else if (plain_other)
        w = snprintf(out, cap, "its code here is \"%s\"", low);
    else if (no_spaces)
        w = snprintf(out, cap,
                     "\"%s\" is written without spaces between words, and faqbot reads a "
                     "word as the letters between spaces: its languages are those written "
                     "with them",
                     code);
    else {
        char codes[256];
        corpus_stemmer_codes(codes, sizeof codes);
        char plain[256];
        corpus_unstemmed_codes(plain, sizeof plain);
        w = snprintf(out, cap,
                     "a lowercase code of a language libstemmer stems: %s; or, indexed "
                     "without a stemmer: %s",
                     codes, plain);
    }
    return w > 0 ? (size_t)w : 0;
}

char *corpus_pack_notes(const char *dir)
{
    char err[256];
    size_t n;
    char **names = corpus_file_list(dir, &n, err, sizeof err);
    if (!names)
        return NULL;
    buf b = BUF_INIT(1u << 16);   /* a line a language folder */
    char path[4096], note[8192];
    struct stat st;
    for (size_t i = 0; i < n; i++) {
        if (!corpus_lang_code_folder(names[i]) ||
            corpus_file_path(path, sizeof path, dir, names[i], err, sizeof err) != 0 ||
            stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        size_t len = corpus_pack_note(dir, names[i], note, sizeof note);
        if (len && len < sizeof note && (buf_add(&b, note, len) != 0 || buf_add(&b, "\n", 1) != 0))
            break;
    }
    corpus_file_list_free(names, n);
    return buf_take(&b);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a > b && strcmp(s + a - b, suffix) == 0;
}


/* ---- duplicate ids ---- */

/* Ids are unique across every file of a language, small talk included. A
 * duplicate is told once its document is read, among the document's other
 * problems by line, pointing at the entry of its id before it. */
typedef struct dup_id {
    char *id, *file, *what;
    unsigned line;
} dup_id;

typedef struct dup_list {
    dup_id *v;
    size_t n, cap;
} dup_list;

static int dup_add(dup_list *d, const corpus_entry *e, const char *prev_file,
                   unsigned prev_line)
{
    if (grow(&d->v, &d->cap, d->n + 1, sizeof *d->v, 16) != 0)
        return -1;
    char what[512];
    snprintf(what, sizeof what, "duplicate id \"%s\" (first at %s:%u)", e->id, prev_file, prev_line);
    dup_id *x = &d->v[d->n];
    *x = (dup_id){strdup(e->id), strdup(e->file), strdup(what), e->line};
    if (!x->id || !x->file || !x->what) {
        free(x->id);
        free(x->file);
        free(x->what);
        return -1;
    }
    d->n++;
    return 0;
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
    asked_set asked;              /* the language's FAQ questions so far */
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
    if (had && dup_add(&s->dups, e, file, line) != 0) {
        snprintf(s->r.err, s->r.errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    int oom = 0;
    /* a FAQ question word for word another's of the language (case and
     * accents aside) is indexed, but the bot can only ask which of the two
     * was meant: told at the second, pointing at the first */
    const asked_place *first = e->kind == ENTRY_FAQ && !(s->r.rep && s->r.rep->asked_told_apart)
        ? asked_before(&s->asked, e->question, strlen(e->question), e->file, e->line, (uint32_t)s->pos, &oom)
        : NULL;
    if (oom) {
        snprintf(s->r.err, s->r.errlen, "%s:%u: out of memory", e->file, e->line);
        return -1;
    }
    if (first && corpus_report_problem(&s->r, CORPUS_NOTICE, e->file, e->line,
                                       "the question \"%.*s\" is asked twice (first at %s:%u): the bot "
                                       "can only ask which entry was meant; merge them, or word one apart",
                                       (int)utf8_cut(e->question, strlen(e->question), 200), e->question,
                                       asked_file(&s->asked, first), first->line) != 0)
        return -1;
    return give(s, e);
}

/* The pack's small talk, less the entries whose id the language has. */
int corpus_pack_smalltalk(const char *code, corpus_lang *pack, char *err, size_t errlen)
{
    memset(pack, 0, sizeof *pack);
    snprintf(pack->code, sizeof pack->code, "%s", code);
    const char *text = lang_pack_file(code, corpus_file_name(CORPUS_FILE_SMALLTALK));
    if (!text)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "lang/%s/smalltalk.md", code);
    return corpus_parse_md(pack, path, "smalltalk", text, strlen(text), ENTRY_SMALLTALK, err, errlen);
}

static int hand_on_pack_smalltalk(stream *s, const char *code)
{
    corpus_lang pk;
    int rc = corpus_pack_smalltalk(code, &pk, s->r.err, s->r.errlen);
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

/* A language's stop words, synonyms or messages, read before its
 * documents; small talk is a document. */
/* A document a language folder's entries are read from: 1 for "x.md", 2
 * for "x.txt", 0 for any other file and for README.md. */
static int doc_kind(const char *f)
{
    if (strcmp(f, "README.md") == 0)
        return 0;
    return ends_with(f, ".md") ? 1 : ends_with(f, ".txt") ? 2 : 0;
}

/* corpus_doc_name() of the document f, a copy of the caller's to free;
 * NULL when out of memory. */
static char *doc_name(const char *f)
{
    size_t n;
    const char *name = corpus_doc_name(f, strlen(f), &n);
    return strndup(name, n);
}

/* Why a file the folder does not read looks meant as one of its documents,
 * or NULL: a Markdown or text name spelt otherwise ("FAQ.MD",
 * "faq.markdown"), or a format faqbot import converts (a QnA Maker CSV, a
 * saved web page), so that an editor who drops one in is told rather than
 * given a FAQ without it. Other files (notes, images) stay unread, unsaid. */
static const char *unread_why(const char *f)
{
    static const char *const renamed[] = {".md", ".txt", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn"};
    static const char *const imported[] = {".csv", ".tsv", ".html", ".htm"};
    const char *dot = strrchr(f, '.');
    if (f[0] == '.' || !dot || dot == f)
        return NULL;
    for (size_t i = 0; i < sizeof renamed / sizeof *renamed; i++)
        if (strcasecmp(dot, renamed[i]) == 0)
            return "not read: a document's name ends in \".md\" (Markdown) or \".txt\", in small letters";
    for (size_t i = 0; i < sizeof imported / sizeof *imported; i++)
        if (strcasecmp(dot, imported[i]) == 0)
            return "not read: only Markdown (.md) and text (.txt) are; faqbot import converts this file "
                   "(faqbot import FILE > NAME.md)";
    return NULL;
}

static int is_lang_text(int kind)
{
    return kind >= 0 && kind != CORPUS_FILE_SMALLTALK;
}

static unsigned problems_told(const corpus_report *rep)
{
    return rep ? rep->n_errors + rep->n_warnings : 0;
}

/* A language with no stop words (no pack, no stopwords.txt): its
 * documents read once before they are handed on, for the stop words and
 * question words corpus_stops.h reads off its entries, into head. A
 * document that cannot be read or parsed is skipped here: the reading
 * proper tells it. 0, or -1 when out of memory. */
static int derive_stops(const char *dir, char **names, size_t n, corpus_lang *head, char *err,
                        size_t errlen)
{
    corpus_stops *cs = corpus_stops_new();
    int rc = cs ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        const char *f = names[i];
        int kind = doc_kind(f), md = kind == 1;
        char path[4096], why[512], *text;
        size_t len;
        if (!kind || corpus_file_kind_of(f) >= 0 ||
            corpus_file_path(path, sizeof path, dir, f, why, sizeof why) != 0 ||
            corpus_file_read(path, &text, &len, why, sizeof why) != 0)
            continue;
        corpus_reader quiet = {.err = why, .errlen = sizeof why};
        corpus_lang doc;
        memset(&doc, 0, sizeof doc);
        snprintf(doc.code, sizeof doc.code, "%s", head->code);
        char *base = doc_name(f);
        if (!base)
            rc = -1;
        int rd = !base ? -1
                 : md  ? corpus_read_md(&quiet, &doc, path, base, text, len, ENTRY_FAQ)
                       : corpus_read_txt(&quiet, &doc, path, base, text, len);
        free(base);
        for (size_t k = 0; rd == 0 && k < doc.n_entries && rc == 0; k++)
            rc = corpus_stops_add(cs, &doc.entries[k]);
        corpus_lang_clear(&doc);
        free(text);
    }
    if (rc == 0)
        rc = corpus_stops_text(cs, &head->stopwords);
    corpus_stops_free(cs);
    if (rc != 0)
        snprintf(err, errlen, "%s:1: out of memory", dir);
    return rc;
}

/* The FAQ's own name as the chat page's title: a language whose folder
 * holds one FAQ document, a Markdown one with a "# Title", and whose
 * messages.txt sets no page_title gets "page_title = Title" in its
 * messages, before its pack's generic one ("Frequently asked questions").
 * Several documents are several topics, none the FAQ's name; a language
 * without a pack's texts speaks English's on the page (msg_text_lang()),
 * under which a title in its own words would be mis-tagged. The document
 * whose title that would be, or NULL; its title is taken as it is read
 * (corpus_reader's title), and put in by put_title(). */
static const char *title_doc(char **names, size_t n, const corpus_lang *head)
{
    char set[FAQ_MAX_TITLE_BYTES];
    if (!lang_pack_file(head->code, "messages.txt") ||
        (head->messages && message_value(head->messages, strlen(head->messages), "page_title", set, sizeof set)))
        return NULL;
    const char *doc = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!doc_kind(names[i]) || corpus_file_kind_of(names[i]) >= 0)
            continue;
        if (doc)
            return NULL;
        doc = names[i];
    }
    return doc && doc_kind(doc) == 1 ? doc : NULL;
}

/* "page_title = title" into head's messages after their first own bytes
 * (the folder's messages.txt), before the pack's. 0, or -1 when out of
 * memory. */
static int put_title(corpus_lang *head, size_t own, const char *title, const char *dir, char *err,
                     size_t errlen)
{
    const char *m = head->messages ? head->messages : "";
    size_t len = strlen(m);
    char *s = malloc(len + strlen(title) + 16);
    if (!s) {
        snprintf(err, errlen, "%s:1: out of memory", dir);
        return -1;
    }
    if (own && m[own - 1] != '\n' && m[own] == '\n')
        own++;   /* the line end that joined the pack's on */
    int w = sprintf(s, "%.*s%spage_title = %s\n", (int)own, m, own && m[own - 1] != '\n' ? "\n" : "", title);
    memcpy(s + w, m + own, len - own + 1);
    free(head->messages);
    head->messages = s;
    return 0;
}

/* A document's problems from the first'th on, by line: its duplicate ids
 * and questions asked twice are found after the whole text is parsed, and
 * an editor reads the list from the top of the file down. Stable
 * (insertion: at most FAQ_MAX_CORPUS_PROBLEMS), so the problems of one
 * line keep the order they were found in. */
static void problems_by_line(corpus_report *rep, size_t first)
{
    for (size_t i = first + 1; i < rep->n; i++) {
        corpus_problem x = rep->items[i];
        size_t j = i;
        for (; j > first && rep->items[j - 1].line > x.line; j--)
            rep->items[j] = rep->items[j - 1];
        rep->items[j] = x;
    }
}

/* The language to the sink, once. */
static int tell_lang(stream *s, corpus_lang *head, int *told)
{
    *told = 1;
    return s->sink->lang(s->sink->ctx, head, s->r.err, s->r.errlen);
}

/* One language folder. Its stop words, synonyms and messages are read
 * first, the sink needing them before any entry; a problem among them is
 * told in its turn, after the documents before it, as a reading in order
 * would: a file that cannot be read ends the reading there, a text with
 * errors is left out (as if absent) and its errors told there. */
static int stream_lang(stream *s, const char *dir, const char *code)
{
    char *err = s->r.err;
    size_t errlen = s->r.errlen;
    corpus_lang head;
    memset(&head, 0, sizeof head);
    snprintf(head.code, sizeof head.code, "%s", code);
    char **slots[] = {&head.stopwords, &head.synonyms, &head.messages};
    char *faulty[CORPUS_FILE_SMALLTALK] = {NULL};   /* the texts with errors, to tell */
    size_t faulty_len[CORPUS_FILE_SMALLTALK] = {0};
    size_t n;
    char **names = corpus_file_list(dir, &n, err, errlen);
    if (!names)
        return -1;
    int rc = -1;
    unsigned replaced = 0;
    size_t fail_at = n;
    char *fail_msg = NULL, path[4096], why[512];
    for (size_t i = 0; i < n && fail_at == n; i++) {
        int lf = corpus_file_kind_of(names[i]);
        if (!is_lang_text(lf))
            continue;
        char *text;
        size_t len;
        if (corpus_file_path(path, sizeof path, dir, names[i], err, errlen) != 0 ||
            corpus_file_read(path, &text, &len, err, errlen) != 0) {
            fail_at = i;
            if (!(fail_msg = strdup(err)))
                goto out;
            continue;
        }
        corpus_reader quiet = {.err = why, .errlen = sizeof why};   /* told in its turn */
        if (corpus_file_check_lang_text(&quiet, path, lf, text, &len) != 0) {
            faulty[lf] = text;
            faulty_len[lf] = len;
            continue;
        }
        *slots[lf] = text;
        replaced |= (unsigned)corpus_file_replaces(text, len) << lf;
    }
    const char *titled = fail_at == n && !faulty[CORPUS_FILE_MESSAGES] ? title_doc(names, n, &head) : NULL;
    size_t own = head.messages ? strlen(head.messages) : 0;
    char title[FAQ_MAX_TITLE_BYTES];
    if (fail_at == n && corpus_file_add_pack(dir, &head, replaced, err, errlen) != 0)
        goto out;
    if (fail_at == n && !head.stopwords && !faulty[CORPUS_FILE_STOPWORDS] &&
        derive_stops(dir, names, n, &head, err, errlen) != 0)
        goto out;
    /* with a title to come, the language is handed on once its document
     * is read, before any entry */
    int lang_told = !titled;
    if (!titled && s->sink->lang(s->sink->ctx, &head, err, errlen) != 0)
        goto out;
    s->pos = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = names[i];
        int kind = doc_kind(f), md = kind == 1;
        const char *unread = kind ? NULL : unread_why(f);
        if (unread && (corpus_file_path(path, sizeof path, dir, f, err, errlen) != 0 ||
                       corpus_report_problem(&s->r, CORPUS_NOTICE, path, 1, "%s", unread) != 0))
            goto out;
        /* a language's documents are its folder's own files: one in a
         * folder under it would be left out in silence */
        struct stat st;
        char folder[sizeof path + 1];
        if (!kind && !unread && snprintf(folder, sizeof folder, "%s/%s/", dir, f) < (int)sizeof folder &&
            stat(folder, &st) == 0 && S_ISDIR(st.st_mode) &&
            corpus_report_problem(&s->r, CORPUS_NOTICE, folder, 0,
                                  "not read: a folder in a language folder; its documents are read "
                                  "only when they are in %s/ itself: move them up", dir) != 0)
            goto out;
        if (!kind)
            continue;
        if (i == fail_at) {
            snprintf(err, errlen, "%s", fail_msg);
            goto out;
        }
        int lf = corpus_file_kind_of(f);
        if (is_lang_text(lf)) {
            if (faulty[lf] &&
                (corpus_file_path(path, sizeof path, dir, f, err, errlen) != 0 ||
                 corpus_file_check_lang_text(&s->r, path, lf, faulty[lf], &faulty_len[lf]) < 0))
                goto out;
            continue;
        }
        char *text;
        size_t len;
        if (corpus_file_path(path, sizeof path, dir, f, err, errlen) != 0 ||
            corpus_file_read(path, &text, &len, err, errlen) != 0)
            goto out;
        if (lf >= 0 && corpus_file_replaces(text, len))
            replaced |= 1u << lf;
        unsigned problems = problems_told(s->r.rep);
        size_t first = s->r.rep ? s->r.rep->n : 0;
        char *base = doc_name(f);
        corpus_lang doc;
        memset(&doc, 0, sizeof doc);
        snprintf(doc.code, sizeof doc.code, "%s", code);
        int rd = -1;
        if (!base)
            snprintf(err, errlen, "%s:1: out of memory", path);
        else if (md) {
            if (f == titled) {
                s->r.title = title;
                s->r.title_cap = sizeof title;
            }
            rd = corpus_read_md(&s->r, &doc, path, base, text, len,
                                lf == CORPUS_FILE_SMALLTALK ? ENTRY_SMALLTALK : ENTRY_FAQ);
            if (rd == 0 && s->r.title && title[0] && put_title(&head, own, title, dir, err, errlen) != 0)
                rd = -1;
            s->r.title = NULL;
        } else {
            rd = corpus_read_txt(&s->r, &doc, path, base, text, len);
        }
        free(base);
        free(text);
        if (rd == 0 && lf < 0 && doc.n_entries == 0 && problems == problems_told(s->r.rep))
            rd = corpus_report_problem(&s->r, CORPUS_NOTICE, path, 1, "%s",
                                       md ? "no question in this file: each entry is a level-2 heading, "
                                            "\"## Question?\""
                                          : "no question in this file: a question is a line that opens "
                                            "with \"¿\" or ends with \"?\"");
        if (rd == 0 && !lang_told && doc.n_entries)
            rd = tell_lang(s, &head, &lang_told);
        for (size_t k = 0; rd == 0 && k < doc.n_entries; k++)
            rd = hand_on(s, &doc.entries[k]);
        if (rd == 0)
            rd = dups_tell(&s->r, &s->dups);
        if (rd == 0 && s->r.rep)
            problems_by_line(s->r.rep, first);
        corpus_lang_clear(&doc);
        if (rd != 0)
            goto out;
    }
    if (!lang_told && tell_lang(s, &head, &lang_told) != 0)
        goto out;
    if (!(replaced & (1u << CORPUS_FILE_SMALLTALK)) && hand_on_pack_smalltalk(s, code) != 0)
        goto out;
    rc = 0;
out:
    dups_free(&s->dups);
    asked_clear(&s->asked);
    free(fail_msg);
    for (int k = 0; k < CORPUS_FILE_SMALLTALK; k++)
        free(faulty[k]);
    corpus_lang_clear(&head);
    corpus_file_list_free(names, n);
    return rc;
}

int corpus_stream(const char *dir, corpus_report *rep, const corpus_sink *sink, char *err,
                  size_t errlen)
{
    stream s;
    memset(&s, 0, sizeof s);
    s.r = (corpus_reader){.rep = rep, .err = err, .errlen = errlen};
    s.sink = sink;
    if (rep) {
        rep->n = rep->n_errors = rep->n_warnings = 0;
        if (!(rep->items = calloc(FAQ_MAX_CORPUS_PROBLEMS, sizeof *rep->items))) {
            snprintf(err, errlen, "%s:1: out of memory", dir);
            return -1;
        }
    }
    size_t n;
    char **names = corpus_file_list(dir, &n, err, errlen);
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
        if (corpus_file_path(path, sizeof path, dir, names[i], err, errlen) != 0)
            goto out;
        if (stat(path, &st) != 0) {
            snprintf(err, errlen, "%s:1: cannot read: %s", path, strerror(errno));
            goto out;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (strcmp(names[i], "settings.txt") == 0) {
                char *text;
                int k = corpus_file_settings(&s.r, path, &text);
                if (k < 0)
                    goto out;
                if (k == 0)   /* with problems, told: left out */
                    k = sink->settings(sink->ctx, &text, err, errlen);
                free(text);
                if (k < 0)
                    goto out;
            } else if (doc_kind(names[i]) && strncasecmp(names[i], "README", 6) != 0 &&
                       corpus_report_problem(&s.r, CORPUS_NOTICE, path, 0,
                                             "not read: a document is read only in its language's "
                                             "folder: move it into %s/<code>/ (as %s/en/ for English)",
                                             dir, dir) != 0) {
                goto out;
            }
            continue;   /* corpus/README.md and the like */
        }
        if (!corpus_lang_code_folder(names[i])) {
            /* told, and the folder passed over, so that the other folders'
             * problems are told in the same run */
            char why[512], folder[sizeof path + 1];
            corpus_lang_code_problem(names[i], why, sizeof why);
            snprintf(folder, sizeof folder, "%s/", path);
            if (corpus_report_problem(&s.r, 0, folder, 0, "unknown language folder \"%s\" (%s)",
                                      names[i], why) != 0)
                goto out;
            continue;
        }
        seen++;
        if (stream_lang(&s, path, names[i]) != 0)
            goto out;
    }
    if (seen == 0 && !(rep && rep->n_errors)) {
        snprintf(err, errlen, "%s/: no language folder (corpus/<lang>/*.md)", dir);
        goto out;
    }
    if (rep && rep->n_errors) {
        snprintf(err, errlen, "%s: %u error%s in the corpus", dir, rep->n_errors,
                 rep->n_errors == 1 ? "" : "s");
        goto out;
    }
    rc = 0;
out:
    corpus_file_list_free(names, n);
    return rc;
}

int corpus_stream_pack(const char *code, const corpus_sink *sink, char *err, size_t errlen)
{
    stream s;
    memset(&s, 0, sizeof s);
    s.r = (corpus_reader){.err = err, .errlen = errlen};
    s.sink = sink;
    corpus_lang head;
    memset(&head, 0, sizeof head);
    snprintf(head.code, sizeof head.code, "%s", code);
    char dir[64];
    snprintf(dir, sizeof dir, "lang/%s", code);
    int rc = corpus_file_add_pack(dir, &head, 0, err, errlen);
    if (rc == 0)
        rc = sink->lang(sink->ctx, &head, err, errlen);
    if (rc == 0)
        rc = hand_on_pack_smalltalk(&s, code);
    corpus_lang_clear(&head);
    return rc;
}

const char *corpus_problem_line(unsigned line, char ln[CORPUS_LINE_ROOM])
{
    if (line == 0)
        return "";
    snprintf(ln, CORPUS_LINE_ROOM, ":%u", line);
    return ln;
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
