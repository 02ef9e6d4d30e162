/* starter.c: the starter corpus of faqbot init (see starter.h). */
#include "starter.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus.h"
#include "lang_pack.h"

/* Each language pack's starter.md (lang/<code>/): an HTML comment with the
 * format (its examples indented four spaces, so that they are code, not
 * entries), a title, one entry. "{corpus}" stands for the corpus folder and
 * "{faqbot}" for the program as the owner ran it, in the commands to run
 * next. */
#define STARTER_FILE "starter.md"
#define CORPUS_MARK "{corpus}"
#define PROGRAM_MARK "{faqbot}"
/* The starter of a language libstemmer stems and no pack has, in the
 * fallback pack: its comment says what the language lacks, and
 * "{language}" stands for the language's name ("Finnish"). */
#define STARTER_NOPACK_FILE "starter-nopack.md"
#define LANGUAGE_MARK "{language}"
/* the pack of the sample of a language with no starter text of its own */
#define STARTER_FALLBACK "en"

/* The languages with a starter text, space-separated ("de en es ..."), into
 * out (cut to cap); returns the length it needed. */
static size_t starter_langs(char *out, size_t cap)
{
    size_t n = 0;
    if (cap)
        out[0] = '\0';
    const char *code;
    for (size_t i = 0; (code = lang_pack_code(i)) != NULL; i++) {
        if (!lang_pack_file(code, STARTER_FILE))
            continue;
        int w = n < cap ? snprintf(out + n, cap - n, "%s%s", n ? " " : "", code)
                        : snprintf(NULL, 0, "%s%s", n ? " " : "", code);
        if (w > 0)
            n += (size_t)w;
    }
    return n;
}

/* text with each mark (CORPUS_MARK, PROGRAM_MARK, LANGUAGE_MARK) replaced
 * by its value (dir, program, language), into f */
static void write_starter(FILE *f, const char *text, const char *dir, const char *program,
                          const char *language)
{
    const char *const marks[] = {CORPUS_MARK, PROGRAM_MARK, LANGUAGE_MARK};
    const char *const values[] = {dir, program, language};
    for (;;) {
        const char *m = NULL;
        size_t k = 0;
        for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
            const char *at = strstr(text, marks[i]);
            if (at && (!m || at < m)) {
                m = at;
                k = i;
            }
        }
        if (!m)
            break;
        fwrite(text, 1, (size_t)(m - text), f);
        fputs(values[k], f);
        text = m + strlen(marks[k]);
    }
    fputs(text, f);
}

void starter_language_name(const char *code, char *out, size_t cap)
{
    const char *name = corpus_stemmer_name(code);
    if (!name || strcmp(name, code) == 0) {
        snprintf(out, cap, "the language \"%s\"", code);
        return;
    }
    snprintf(out, cap, "%s", name);
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = (char)(out[0] - 'a' + 'A');   /* libstemmer's "finnish" */
}

static int make_dir(const char *path, char *err, size_t errlen)
{
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int starter_write(const char *dir, const char *lang, const char *program, char *path, size_t pathlen,
                  char *err, size_t errlen)
{
    const char *text = lang_pack_file(lang, STARTER_FILE);
    /* a language libstemmer stems and no pack has (Hungarian, Romanian...)
     * indexes as well: its folder is started with an English sample, for
     * the owner to replace, rather than refused, its comment saying so
     * and what the language lacks */
    int english = 0;
    char language[64] = "";
    if (!text && corpus_lang_code_folder(lang)) {
        text = lang_pack_file(STARTER_FALLBACK, STARTER_NOPACK_FILE);
        english = text != NULL;
        starter_language_name(lang, language, sizeof language);
    }
    if (!text) {
        char langs[256], why[512];
        starter_langs(langs, sizeof langs);
        corpus_lang_code_problem(lang, why, sizeof why);
        snprintf(err, errlen, "no language \"%s\" (%s; a starter text in: %s)", lang, why,
                 langs);
        return -1;
    }
    int n = snprintf(path, pathlen, "%s/%s", dir, lang);
    if (n < 0 || (size_t)n + sizeof "/faq.md" > pathlen) {
        snprintf(err, errlen, "%s: path too long", dir);
        return -1;
    }
    if (make_dir(dir, err, errlen) != 0 || make_dir(path, err, errlen) != 0)
        return -1;
    snprintf(path + n, pathlen - (size_t)n, "/faq.md");
    /* O_EXCL: an owner's file is never written over */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, errno == EEXIST ? "already there (not overwritten)" : strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    write_starter(f, text, dir, program, language);
    if (ferror(f) | (fclose(f) != 0)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        unlink(path);
        return -1;
    }
    return english;
}
