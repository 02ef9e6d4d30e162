/* cmd_corpus.c: the commands that make or convert a corpus: import, export, init. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_corpus.h"
#include "corpus.h"
#include "corpus_file.h"
#include "corpus_load.h"
#include "corpus_parse.h"
#include "export_csv.h"
#include "file_replace.h"
#include "import.h"
#include "starter.h"
#include "utf8.h"

/* ---- import ---- */

/* All of a file (or stdin for NULL or "-"), its bytes as they are; NULL
 * (message printed) on failure. */
static char *slurp(const char *name, const char *path, size_t *len)
{
    int from_stdin = !path || strcmp(path, "-") == 0;
    FILE *in = from_stdin ? stdin : fopen(path, "rb");
    if (!in) {
        fprintf(stderr, "faqbot %s: %s: %s\n", name, path, strerror(errno));
        return NULL;
    }
    char err[512], *text;
    int rc = corpus_file_read_stream(in, from_stdin ? "standard input" : path, 1 << 16, &text, len,
                                     err, sizeof err);
    if (!from_stdin)
        fclose(in);
    if (rc != 0) {
        fprintf(stderr, "faqbot %s: %s\n", name, err);
        return NULL;
    }
    return text;
}

/* data (len bytes) into path whole or not at all (file_replace()). "--out
 * myfaq/en/faq.md", a language new to the corpus: its folder is made, as
 * --out-dir makes it (one level: a mistyped path further up is still an
 * error), and taken away again if the file is not written. 0, or -1 with err. */
static int write_out(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    char folder[4096];
    const char *slash = strrchr(path, '/');
    int made = 0;
    if (slash && slash != path && (size_t)(slash - path) < sizeof folder) {
        snprintf(folder, sizeof folder, "%.*s", (int)(slash - path), path);
        made = mkdir(folder, 0777) == 0;
    }
    if (file_replace(path, data, len, err, errlen) != 0) {
        if (made)
            rmdir(folder);
        return -1;
    }
    return 0;
}

#define MAX_IMPORT_LANGS 32

/* The languages of doc's entries (a spreadsheet's language column), each
 * once in the order met, into langs; how many (0: no column; more than
 * MAX_IMPORT_LANGS: MAX_IMPORT_LANGS + 1). */
static size_t doc_langs(const import_doc *doc, const char **langs)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->n; i++) {
        const char *l = doc->entries[i].lang;
        size_t k = 0;
        while (l && k < n && strcmp(langs[k], l) != 0)
            k++;
        if (l && k == n && n == MAX_IMPORT_LANGS)
            return n + 1;
        if (l && k == n)
            langs[n++] = l;
    }
    return n;
}

/* One Markdown document per language of doc into dir/<lang>/<name>.md,
 * all or none: each written beside its file first, renamed only once all
 * are written (a folder of a language new to the corpus is made). An entry
 * without an id is numbered by its place in the sheet, not in its
 * language's file: "faq-3" in two languages would be read as translations
 * of each other. Returns 0, or -1 with err. */
static int write_langs(import_doc *doc, const char **langs, size_t n_langs, const char *title,
                       const char *prefix, const char *dir, const char *name, char *err, size_t errlen)
{
    char tmp[MAX_IMPORT_LANGS][1200], path[MAX_IMPORT_LANGS][1100];
    int made[MAX_IMPORT_LANGS] = {0};   /* the language's folder made here */
    size_t written = 0;
    int rc = -1;
    struct stat st;
    /* DIR is the corpus and is not made: a mistyped name would make a new
     * corpus beside the one indexed, its entries never found (the same one
     * level write_out() keeps); what to do is said instead */
    if (stat(dir, &st) != 0) {
        int e = errno;
        if (e == ENOENT)
            snprintf(err, errlen, "%.180s: no such folder: --out-dir names the corpus folder, which import does "
                     "not make (mkdir %.180s first, or name the corpus you index)", dir, dir);
        else
            snprintf(err, errlen, "%.300s: %s", dir, strerror(e));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%.300s: not a folder", dir);
        return -1;
    }
    for (size_t i = 0; i < doc->n; i++) {
        import_entry *e = &doc->entries[i];
        char num[32];
        snprintf(num, sizeof num, "%zu", i + 1);
        if (!e->id && !(e->id = strdup(num))) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    import_entry *part = malloc((doc->n + 1) * sizeof *part);
    if (!part) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (; written < n_langs; written++) {
        /* the language's entries, shared with doc (never freed here) */
        import_doc sub = {0};
        sub.entries = part;
        for (size_t i = 0; i < doc->n; i++)
            if (strcmp(doc->entries[i].lang, langs[written]) == 0)
                part[sub.n++] = doc->entries[i];
        char *md = NULL, folder[600];
        size_t md_len = 0;
        FILE *mem = open_memstream(&md, &md_len);
        if (!mem || import_write_md(&sub, title, prefix, mem) != 0 || fclose(mem) != 0) {
            free(md);
            snprintf(err, errlen, "out of memory");
            goto done;
        }
        snprintf(folder, sizeof folder, "%.500s/%s", dir, langs[written]);
        snprintf(path[written], sizeof path[written], "%s/%.400s.md", folder, name);
        if (mkdir(folder, 0777) == 0) {
            made[written] = 1;
        } else if (errno != EEXIST) {
            snprintf(err, errlen, "%.300s: %s", folder, strerror(errno));
            free(md);
            goto done;
        }
        int bad = file_replace_write_beside(path[written], md, md_len, tmp[written], sizeof tmp[written], err,
                                            errlen);
        free(md);
        if (bad) {
            written++;   /* its folder, if made, is taken away below; its file is not there */
            tmp[written - 1][0] = '\0';
            goto done;
        }
    }
    for (size_t k = 0; k < n_langs; k++)
        if (file_replace_commit(tmp[k], path[k], err, errlen) != 0) {
            /* the ones renamed are whole files; the rest are left as they were */
            snprintf(err, errlen, "%.300s: %s (this file and the ones after it are as they were)", path[k],
                     strerror(errno));
            for (size_t j = k + 1; j < n_langs; j++)
                unlink(tmp[j]);
            written = 0;
            free(part);
            return -1;
        }
    written = 0;
    rc = 0;
done:
    /* nothing left of a failed import: no file beside, no folder it made */
    for (size_t k = 0; k < written; k++) {
        if (tmp[k][0])
            unlink(tmp[k]);
        if (made[k]) {
            char folder[600];
            snprintf(folder, sizeof folder, "%.500s/%s", dir, langs[k]);
            rmdir(folder);
        }
    }
    free(part);
    return rc;
}

/* FILE's name without its folder and extension ("faq" for standard input):
 * the name of each language's file --out-dir writes */
static void base_name(const char *path, char *out, size_t cap)
{
    const char *b = path && strcmp(path, "-") != 0 ? strrchr(path, '/') : NULL;
    b = b ? b + 1 : path && strcmp(path, "-") != 0 ? path : "faq";
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    snprintf(out, cap, "%.*s", (int)n, b);
}

int cmd_import(const cli_command *cmd, int argc, char **argv)
{
    const char *title = NULL, *prefix = "faq", *format = NULL, *columns = NULL, *file = NULL, *out = NULL;
    const char *out_dir = NULL;
    cli_opt opts[] = {CLI_VALUE("title", &title), CLI_VALUE("prefix", &prefix),
                      CLI_VALUE("format", &format), CLI_VALUE("columns", &columns),
                      CLI_VALUE("file", &file), CLI_VALUE("out", &out), CLI_VALUE("out-dir", &out_dir), CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (out && out_dir) {
        fprintf(stderr, "faqbot import: --out FILE writes one document, --out-dir DIR one per language: "
                        "one of them\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    import_format f = IMPORT_GUESS;
    if (format && import_format_parse(format, &f) != 0) {
        fprintf(stderr, "faqbot import: --format is csv, tsv, qa, numbered, html or markdown\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    /* every id is the prefix and a number: a prefix no id may hold ("IT
     * Support") would have index refuse every entry imported, after the
     * file is written and moved into the corpus */
    if (*prefix && !corpus_id_valid(prefix, strlen(prefix))) {
        fprintf(stderr, "faqbot import: --prefix \"%.100s\" makes bad ids (" CORPUS_ID_RULE "): as --prefix it-support\nusage: %s\n",
                prefix, cmd->usage);
        return EXIT_USAGE;
    }
    /* --columns Frage,Antwort: a spreadsheet's own header names */
    char qname[128] = "";
    const char *aname = NULL;
    if (columns) {
        const char *comma = strchr(columns, ',');
        size_t qn = comma ? (size_t)(comma - columns) : 0;
        if (!comma || !qn || qn >= sizeof qname || !comma[1] || strchr(comma + 1, ',')) {
            fprintf(stderr, "faqbot import: --columns is QUESTION,ANSWER (the header's names of the two columns)\n"
                            "usage: %s\n", cmd->usage);
            return EXIT_USAGE;
        }
        memcpy(qname, columns, qn);
        qname[qn] = '\0';
        aname = comma + 1;
    }
    const char *path = i < argc ? argv[i] : NULL;
    /* with no FILE at a terminal it would wait without a word, as if hung */
    if ((!path || strcmp(path, "-") == 0) && isatty(STDIN_FILENO))
        fprintf(stderr, "faqbot import: paste the FAQ, then Ctrl-D (or: %s import FILE)\n", cli_program());
    size_t len;
    char *text = slurp("import", path, &len);
    if (!text)
        return EXIT_DATA;
    const char *shown = path && strcmp(path, "-") != 0 ? path : "standard input";
    /* a spreadsheet's "Unicode text" (tab-separated) is UTF-16 with its
     * mark: read as the UTF-8 it stands for; a web page's is libxml2's to
     * read, by the same mark, against what its <meta> says */
    size_t u8_len;
    char *u8 = f != IMPORT_HTML ? utf8_from_utf16(text, len, &u8_len) : NULL;
    if (u8) {
        import_format g = f == IMPORT_GUESS ? import_guess(path && strcmp(path, "-") != 0 ? path : NULL, u8, u8_len)
                                            : f;
        if (g != IMPORT_HTML) {
            free(text);
            text = u8;
            len = u8_len;
        } else {
            free(u8);
        }
    }
    /* an empty file (a wrong path to an export, a pipe that gave nothing)
     * has no format to guess, nor questions to look for in one */
    size_t blank = strspn(text, " \t\r\n");
    if (blank == len) {
        fprintf(stderr, "faqbot import: %s is empty: nothing to import\n", shown);
        free(text);
        return EXIT_DATA;
    }
    if (f == IMPORT_GUESS) {
        f = import_guess(path && strcmp(path, "-") != 0 ? path : NULL, text, len);
        if (columns && f != IMPORT_TSV)
            f = IMPORT_CSV;   /* columns were named: a spreadsheet's */
    }
    /* the Markdown is made in memory: on failure nothing reaches stdout */
    char err[512], *md = NULL;
    size_t md_len = 0;
    import_doc doc = {0};
    int n = import_read_columns(f, columns ? qname : NULL, aname, text, len, &doc, err, sizeof err);
    /* faqbot export names each entry's corpus file in Source: a language
     * of several files comes back one file at a time, else all in one
     * document, which beside the other files would hold their ids twice */
    char files[512];
    size_t n_files = n >= 0 ? import_doc_files(&doc, files, sizeof files) : 0, unfiled = 0;
    for (size_t k = 0; file && n >= 0 && k < doc.n; k++)
        unfiled += doc.entries[k].file == NULL;
    if (n >= 0 && file) {
        n = (int)import_doc_keep_file(&doc, file);
        if (n == 0) {
            snprintf(err, sizeof err, "no rows of \"%.100s\" (--file: a corpus file the Source column names%s%.300s)",
                     file, n_files ? ": " : ", and it names none", n_files ? files : "");
            n = -1;
        }
    }
    /* a language column: a file per language, into corpus/<lang>/ */
    const char *langs[MAX_IMPORT_LANGS];
    size_t n_langs = n >= 0 ? doc_langs(&doc, langs) : 0;
    if (n_langs > MAX_IMPORT_LANGS) {
        snprintf(err, sizeof err, "the rows are in more than %d languages", MAX_IMPORT_LANGS);
        n = -1;
    } else if (n >= 0 && out_dir && !n_langs) {
        snprintf(err, sizeof err, "--out-dir writes a file per language, and the rows name none (a "
                 "\"Language\" column of codes or names: sv, en, Swedish); --out FILE writes one document");
        n = -1;
    } else if (n >= 0 && !out_dir && n_langs > 1) {
        char list[256] = "";
        for (size_t k = 0, at = 0; k < n_langs && at < sizeof list; k++)
            at += (size_t)snprintf(list + at, sizeof list - at, "%s%s", k ? ", " : "", langs[k]);
        snprintf(err, sizeof err, "the rows are in %zu languages (%s), and a document holds one: "
                 "--out-dir corpus writes corpus/<lang>/NAME.md for each", n_langs, list);
        n = -1;
    }
    FILE *mem = n >= 0 && !out_dir ? open_memstream(&md, &md_len) : NULL;
    if (n >= 0 && !out_dir && (!mem || import_write_md(&doc, title ? title : doc.title ? doc.title : "FAQ", prefix, mem) != 0 || fclose(mem) != 0)) {
        snprintf(err, sizeof err, "out of memory");
        n = -1;
    }
    /* what was left out or doubted is told with its line, as a corpus's problems are */
    size_t left_out = 0;
    for (size_t k = 0; n >= 0 && k < doc.n_notes; k++) {
        fprintf(stderr, "%s:%u: warning: %s\n", shown, doc.notes[k].line, doc.notes[k].what);
        left_out += doc.notes[k].left_out != 0;
    }
    if (n >= 0 && out_dir) {
        char name[1024];
        base_name(path, name, sizeof name);
        if (write_langs(&doc, langs, n_langs, title ? title : doc.title ? doc.title : "FAQ", prefix, out_dir, name,
                        err, sizeof err) != 0) {
            import_doc_free(&doc);
            free(text);
            fprintf(stderr, "faqbot import: %s\n", err);
            return EXIT_DATA;
        }
        fprintf(stderr, "faqbot import: written:");
        for (size_t k = 0; k < n_langs; k++)
            fprintf(stderr, " %s/%s/%s.md", out_dir, langs[k], name);
        fputc('\n', stderr);
    }
    import_doc_free(&doc);
    free(text);
    if (n < 0) {
        fprintf(stderr, "faqbot import: %s (%s): %s\n", shown, import_format_name(f), err);
        free(md);
        return EXIT_DATA;
    }
    if (out_dir) {
        /* written above, while the entries were there to write */
    } else if (out) {
        int bad = write_out(out, md, md_len, err, sizeof err);
        free(md);
        if (bad) {
            fprintf(stderr, "faqbot import: %s\n", err);
            return EXIT_DATA;
        }
    } else {
        fwrite(md, 1, md_len, stdout);
        free(md);
        if (fflush(stdout) != 0) {
            fprintf(stderr, "faqbot import: write error\n");
            return EXIT_DATA;
        }
    }
    fprintf(stderr, "faqbot import: %d entr%s (%s)", n, n == 1 ? "y" : "ies", import_format_name(f));
    if (left_out)
        fprintf(stderr, ", %zu question%s with no answer left out", left_out, left_out == 1 ? "" : "s");
    fputc('\n', stderr);
    if (unfiled)   /* export writes an entry's own source in place of its file's name */
        fprintf(stderr,
                "faqbot import: note: %zu entr%s with a Source of %s own, not a corpus file's "
                "name, left out: %s file is not known\n",
                unfiled, unfiled == 1 ? "y" : "ies", unfiled == 1 ? "its" : "their",
                unfiled == 1 ? "its" : "their");
    if (!file && n_files > 1)
        fprintf(stderr,
                "faqbot import: note: the rows are of %zu corpus files (%s), written here as one "
                "document; --file NAME writes one file's\n",
                n_files, files);
    return EXIT_OK;
}

/* ---- export ---- */

/* A document's title, part titles and text outside its entries: the CSV
 * has no column for them, so an export imported again loses them. Told,
 * each at its line, so that the editor knows what to put back (the title
 * by import's --title). */
/* s (n bytes) as one word of a POSIX shell's command line, to f: in single
 * quotes, inside which nothing is special but the quote itself ('\''),
 * so that a title's ", $, ` or \ is given back as it is. */
static void put_shell_word(FILE *f, const char *s, size_t n)
{
    fputc('\'', f);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            fputs("'\\'", f);
        fputc(s[i], f);
    }
    fputc('\'', f);
}

static void tell_outside(void *ctx, corpus_md_outside_kind kind, unsigned line, const char *s, size_t n)
{
    const char *path = ctx;
    if (kind == CORPUS_MD_TITLE) {   /* whole: the command given must write it back */
        fprintf(stderr, "%s:%u: note: the title \"%.*s\" is not in the CSV (import --title ", path, line,
                (int)n, s);
        put_shell_word(stderr, s, n);
        fputs(" writes it back)\n", stderr);
        return;
    }
    int w = n > 80 ? 80 : (int)n;
    while (w > 0 && w < (int)n && ((unsigned char)s[w] & 0xC0) == 0x80)
        w--;   /* cut between characters */
    fprintf(stderr, "%s:%u: note: %s \"%.*s%s\" is not in the CSV: imported again, the file has it no more\n",
            path, line, kind == CORPUS_MD_PART ? "the part title" : "the text outside any entry", w, s,
            n > 80 ? "..." : "");
}

/* tell_outside() for each Markdown file of the exported entries (lang, or
 * the corpus's one language). */
static void tell_dropped(const corpus *c, const char *lang)
{
    for (size_t l = 0; l < c->n_langs; l++) {
        const corpus_lang *cl = &c->langs[l];
        if (lang && strcmp(cl->code, lang) != 0)
            continue;
        const char *last = NULL;
        for (size_t i = 0; i < cl->n_entries; i++) {
            const char *f = cl->entries[i].file;
            size_t fn = strlen(f);
            if (cl->entries[i].kind != ENTRY_FAQ || (last && strcmp(last, f) == 0) || fn < 3 ||
                strcmp(f + fn - 3, ".md") != 0)
                continue;
            last = f;
            /* read again as the corpus read it (a file in UTF-16 as its
             * UTF-8): the corpus keeps no text outside its entries */
            size_t len;
            char *text, why[512];
            if (corpus_file_read(f, &text, &len, why, sizeof why) != 0) {
                fprintf(stderr, "faqbot export: %s\n", why);
                continue;
            }
            const char *t = text;
            if (len >= 3 && memcmp(t, CORPUS_UTF8_BOM, 3) == 0)
                t += 3, len -= 3;
            corpus_md_outside(t, len, tell_outside, (void *)f);
            free(text);
        }
    }
}

int cmd_export(const cli_command *cmd, int argc, char **argv)
{
    const char *dir = CLI_DEFAULT_CORPUS, *format = "csv", *lang = NULL;
    cli_opt opts[] = {CLI_VALUE("corpus", &dir), CLI_VALUE("format", &format), CLI_VALUE("lang", &lang),
                      CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    if (cli_refuse_operand(cmd, argc, argv, i, "corpus", NULL) != 0)
        return EXIT_USAGE;
    if (strcmp(format, "csv") != 0) {
        fprintf(stderr, "faqbot export: --format is csv\nusage: %s\n", cmd->usage);
        return EXIT_USAGE;
    }
    char err[2048], *csv = NULL;
    size_t csv_len = 0;
    corpus *c;
    if (corpus_load(dir, &c, err, sizeof err) != 0) {
        fprintf(stderr, "faqbot export: %s\n", err);
        cli_hint_no_corpus("export", dir);
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
    if (n >= 0)
        tell_dropped(c, lang);
    corpus_free(c);
    if (n < 0) {
        fprintf(stderr, "faqbot export: %s\n", err);
        free(csv);
        return EXIT_DATA;
    }
    fwrite(csv, 1, csv_len, stdout);
    free(csv);
    fprintf(stderr, "faqbot export: %d entr%s\n", n, n == 1 ? "y" : "ies");
    return fflush(stdout) != 0 ? EXIT_DATA : EXIT_OK;
}

/* ---- init ---- */

int cmd_init(const cli_command *cmd, int argc, char **argv)
{
    const char *lang = NULL;
    cli_opt opts[] = {CLI_VALUE("lang", &lang), CLI_END};
    int i = cli_parse_opts(cmd, argc, argv, opts);
    if (i < 0)
        return i == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
    const char *dir = i < argc ? argv[i] : NULL;
    if (dir) {
        /* options after the folder too: "init DIR --lang es" */
        int j = cli_parse_opts(cmd, argc - i, argv + i, opts);
        if (j < 0)
            return j == CLI_OPTS_HELP ? EXIT_OK : EXIT_USAGE;
        i += j;
    }
    if (!dir || i != argc || !lang) {
        fprintf(stderr, "faqbot init: %s\nusage: %s\n",
                !dir ? "which folder?" : i != argc ? "one folder only" : "which language (--lang)?",
                cmd->usage);
        return EXIT_USAGE;
    }
    char path[4096], err[4200];
    int rc = starter_write(dir, lang, cli_program(), path, sizeof path, err, sizeof err);
    if (rc < 0) {
        fprintf(stderr, "faqbot init: %s\n", err);
        return EXIT_DATA;
    }
    char language[64];
    starter_language_name(lang, language, sizeof language);
    if (rc == 1)
        printf("wrote %s: its sample entry in English (faqbot has no starter text in %s): "
               "replace it with yours, then: %s index --corpus %s\n",
               path, language, cli_program(), dir);
    else
        printf("wrote %s: edit it, then: %s index --corpus %s\n", path, cli_program(), dir);
    char note[8192];
    if (corpus_pack_note(dir, lang, note, sizeof note))
        for (char *line = note, *nl; line; line = nl ? nl + 1 : NULL) {
            nl = strchr(line, '\n');
            printf("note: %.*s\n", nl ? (int)(nl - line) : (int)strlen(line), line);
        }
    return EXIT_OK;
}
