/* corpus_file.c: the files of a corpus folder, read whole and checked
 * (corpus_file.h). */
#include "corpus_file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "corpus_parse.h"
#include "lang_pack.h"
#include "limits.h"
#include "message_keys.h"
#include "utf8.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **corpus_file_list(const char *dir, size_t *n, char *err, size_t errlen)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) {
        /* no line to point at: the folder itself is missing or a file */
        if (errno == ENOENT)
            snprintf(err, errlen, "%s: no such folder", dir);
        else if (errno == ENOTDIR)
            snprintf(err, errlen, "%s: not a folder (a corpus is the folder of the language folders, as es/, en/)", dir);
        else
            snprintf(err, errlen, "%s: cannot open folder: %s", dir, strerror(errno));
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

void corpus_file_list_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

int corpus_file_path(char *path, size_t size, const char *dir, const char *name, char *err,
                     size_t errlen)
{
    if (snprintf(path, size, "%s/%s", dir, name) < (int)size)
        return 0;
    snprintf(err, errlen, "%.200s/%.200s:1: path too long", dir, name);
    return -1;
}

int corpus_file_read_stream(FILE *in, const char *name, size_t expect, char **out, size_t *len,
                            char *err, size_t errlen)
{
    *out = NULL;
    size_t first = (expect < FAQ_MAX_FILE_BYTES ? expect : FAQ_MAX_FILE_BYTES) + 1, cap = 0, n = 0;
    char *data = NULL;
    if (grow(&data, &cap, 2, 1, first) != 0)
        goto oom;
    for (;;) {
        n += fread(data + n, 1, cap - 1 - n, in);
        if (n + 1 < cap)
            break;  /* a short read: the end, or an error */
        /* full: one byte more says whether the input goes on, so that a
         * size told right fills the buffer without doubling it */
        int c = getc(in);
        if (c == EOF)
            break;
        if (n >= FAQ_MAX_FILE_BYTES)
            goto too_large;
        if (grow(&data, &cap, n + 2, 1, first) != 0)
            goto oom;
        data[n++] = (char)c;
    }
    if (n > FAQ_MAX_FILE_BYTES)   /* a doubled buffer holds more than may be read */
        goto too_large;
    if (ferror(in)) {
        snprintf(err, errlen, "%s:1: cannot read: %s", name, strerror(errno));
        free(data);
        return -1;
    }
    data[n] = '\0';
    *out = data;
    *len = n;
    return 0;
too_large:
    snprintf(err, errlen, "%s:1: file too large (more than %u MiB): split it into several files", name,
             FAQ_MAX_FILE_BYTES >> 20);
    free(data);
    return -1;
oom:
    snprintf(err, errlen, "%s:1: out of memory", name);
    free(data);
    return -1;
}

int corpus_file_read(const char *path, char **out, size_t *len, char *err, size_t errlen)
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
        snprintf(err, errlen, "%s:1: file too large (%lld bytes, more than %u MiB): split it into several "
                 "documents", path, (long long)st.st_size, FAQ_MAX_FILE_BYTES >> 20);
        fclose(f);
        return -1;
    }
    char *data;
    size_t n;
    int rc = corpus_file_read_stream(f, path, (size_t)st.st_size, &data, &n, err, errlen);
    fclose(f);
    if (rc != 0)
        return -1;
    /* UTF-16 with its mark (Notepad's "Unicode", a spreadsheet's "Unicode
     * text"): read as the UTF-8 it stands for, as import reads it, each
     * line where it was so that file:line stays true; UTF-16 that is not
     * whole is left as it is, for the UTF-8 check to tell */
    size_t u8_len;
    char *u8 = utf8_from_utf16(data, n, &u8_len);
    if (u8) {
        free(data);
        data = u8;
        n = u8_len;
    }
    *out = data;
    *len = n;
    return 0;
}

/* corpus/settings.txt: "key = value" lines, each key known and its value
 * valid, so that a typo is said at index time rather than ignored: each bad
 * line told to r. Returns 0 when all are sound, 1 when some were told, -1 to
 * stop. */
static int check_settings(corpus_reader *r, const char *path, const char *text)
{
    int told = 0;
    message_line l;
    message_line_kind kind;
    message_line_start(&l, text, strlen(text));
    while ((kind = message_line_next(&l)) != MESSAGE_LINE_END) {
        if (kind == MESSAGE_LINE_NONE)
            continue;
        char value[256], *end;
        snprintf(value, sizeof value, "%.*s", kind == MESSAGE_LINE_PAIR ? (int)l.value_len : 0, l.value);
        double v = strtod(value, &end);
        int rc = 0;
        if (kind == MESSAGE_LINE_BAD)
            rc = corpus_report_problem(r, 0, path, l.number, "expected \"key = value\" (threshold = 0.42)");
        else if (l.key_len != 9 || memcmp(l.key, "threshold", 9) != 0)
            rc = corpus_report_problem(r, 0, path, l.number, "unknown setting \"%.*s\" (known: threshold)",
                                       (int)(l.key_len < 63 ? l.key_len : 63), l.key);
        /* "threshold = zwei", "= 0,5": the value is what is wrong */
        else if (end == value || *end || !(v >= 0 && v <= 1))
            rc = corpus_report_problem(r, 0, path, l.number, "threshold takes a number from 0 to 1%s",
                                       corpus_decimal_comma_hint(value));
        else
            continue;
        if (rc != 0)
            return -1;
        told = 1;
    }
    return told;
}

int corpus_file_settings(corpus_reader *r, const char *path, char **out)
{
    size_t len;
    if (corpus_file_read(path, out, &len, r->err, r->errlen) != 0)
        return -1;
    const char *t = *out;
    int rc = corpus_read_check_text(r, path, &t, &len);
    if (rc == 0) {
        memmove(*out, t, len + 1);
        rc = check_settings(r, path, *out);
    }
    if (rc != 0) {
        free(*out);
        *out = NULL;
    }
    return rc;
}

/* ---- a language's own texts and its pack's ---- */

static const char *const lang_files[CORPUS_FILE_KINDS] = {"stopwords.txt", "synonyms.txt",
                                                          "messages.txt", "smalltalk.md"};
#define PACK_REPLACE "# replace"

int corpus_file_kind_of(const char *name)
{
    for (int i = 0; i < CORPUS_FILE_KINDS; i++)
        if (strcmp(lang_files[i], name) == 0)
            return i;
    return -1;
}

const char *corpus_file_name(corpus_file_kind kind)
{
    return lang_files[kind];
}

const char *corpus_decimal_comma_hint(const char *value)
{
    return value && strchr(value, ',') ? ", written with a point: 0.5, not 0,5" : "";
}

int corpus_file_replaces(const char *text, size_t len)
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

/* A messages.txt's lines, so that a misspelt key or a line without "=" is
 * told with its file and line rather than never used: each bad one told to
 * r. Returns 0 when all are sound, 1 when some were told, -1 to stop. */
static int check_messages(corpus_reader *r, const char *path, const char *text)
{
    char why[160];
    unsigned line = 0;
    int told = 0;
    while ((line = message_text_check(text, line, why, sizeof why)) != 0) {
        if (corpus_report_problem(r, 0, path, line, "%s", why) != 0)
            return -1;
        told = 1;
    }
    return told;
}

/* The settings a stopwords.txt line may open with (lang_pack.h, where
 * their readers take their names). */
static const char *const stop_settings[] = {STOP_SETTINGS};
#define N_STOP_SETTINGS (sizeof stop_settings / sizeof *stop_settings)

/* Is s[0..k) one of stop_settings? */
static int stop_setting_known(const char *s, size_t k)
{
    for (size_t i = 0; i < N_STOP_SETTINGS; i++)
        if (strlen(stop_settings[i]) == k && memcmp(s, stop_settings[i], k) == 0)
            return 1;
    return 0;
}

/* Why a "!" line is no setting, naming the settings from the same list the
 * check reads. */
static const char *not_a_setting(char *out, size_t size)
{
    size_t at = (size_t)snprintf(out, size, "not a setting (");
    for (size_t i = 0; i < N_STOP_SETTINGS && at < size; i++)
        at += (size_t)snprintf(out + at, size - at, "%s, ", stop_settings[i]);
    if (at < size)
        snprintf(out + at, size - at, "at the start of the line and followed by its values)");
    return out;
}

/* The members of a synonyms.txt line (n bytes): the pieces between its
 * commas that hold more than blanks ("pay," is one, as "pay payment"). */
static int members(const char *p, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && p[k] != ',')
            k++;
        count += strspn(p + i, " \t\r") < k - i;
        i = k + 1;
    }
    return count;
}

/* A stopwords.txt or synonyms.txt line that would be read as nothing the
 * editor meant, so that a slip is told with its file and line rather than
 * silently doing nothing: a stop word line of two words ("the, a, an": only
 * "the," was a stop word, and one no question spells), a setting misspelt
 * ("!situatoin"), a synonym group of one member ("pay payment": its commas
 * forgotten; "pay,": the others). Each told to r; 0 when all are sound, 1
 * when some were told, -1 to stop. */
static int check_word_lines(corpus_reader *r, const char *path, corpus_file_kind kind,
                            const char *text)
{
    int told = 0;
    unsigned line = 0;
    for (const char *p = text; *p; p += strcspn(p, "\n"), p += *p == '\n') {
        line++;
        size_t n = strcspn(p, "\n#");   /* '#' opens a comment in both files */
        while (n && strchr(" \t\r", p[n - 1]))
            n--;
        size_t a = strspn(p, " \t\r");
        if (a >= n)
            continue;
        int bad = 0;
        const char *why = "";
        char settings[200];
        if (kind == CORPUS_FILE_SYNONYMS) {
            bad = members(p, n) < 2;
            why = "a synonym group of one member: separate its members with commas (\"pay, payment, fee\")";
        } else if (p[a] == '!') {
            size_t k = strcspn(p + a, " \t\r\n");
            /* at the start of the line and followed by its values */
            bad = a != 0 || k >= n || !stop_setting_known(p, k);
            if (bad)
                why = not_a_setting(settings, sizeof settings);
        } else {
            size_t k = strcspn(p + a, " \t\r,;");
            bad = a + k < n;
            why = "one stop word a line (\"?word\" for a question word)";
        }
        if (!bad)
            continue;
        if (corpus_report_problem(r, 0, path, line, "\"%.*s\": %s", (int)utf8_cut(p, n, 60), p, why) != 0)
            return -1;
        told = 1;
    }
    return told;
}

int corpus_file_check_lang_text(corpus_reader *r, const char *path, corpus_file_kind kind,
                                char *text, size_t *len)
{
    const char *t = text;
    int rc = corpus_read_check_text(r, path, &t, len);
    if (rc != 0)
        return rc;
    memmove(text, t, *len + 1);
    if (kind == CORPUS_FILE_MESSAGES)
        return check_messages(r, path, text);
    if (kind == CORPUS_FILE_STOPWORDS || kind == CORPUS_FILE_SYNONYMS)
        return check_word_lines(r, path, kind, text);
    return 0;
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

int corpus_file_add_pack(const char *dir, corpus_lang *lang, unsigned replaced, char *err,
                         size_t errlen)
{
    char **slots[] = {&lang->stopwords, &lang->synonyms, &lang->messages};
    for (int i = 0; i < CORPUS_FILE_SMALLTALK; i++) {
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
