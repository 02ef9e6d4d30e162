/* serve_log.c: what `faqbot serve` writes down: the access log (JSON lines),
 * the declined questions (--unanswered), the users' votes (--feedback-log),
 * and who the client is behind a trusted proxy. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"
#include "json_escape.h"
#include "serve_log.h"

#define FEEDBACK_OFF "feedback is off: the server was started without --feedback-log"

/* The date and time to the second, made once a second per thread: gmtime_r
 * and strftime cost more than the rest of an access line. */
static _Thread_local time_t shown_second = (time_t)-1;
static _Thread_local char shown[32];
static _Thread_local size_t shown_len;

static void iso_time(char *out, size_t cap, int millis)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    if (ts.tv_sec != shown_second) {
        struct tm tm;
        gmtime_r(&ts.tv_sec, &tm);
        shown_len = strftime(shown, sizeof shown, "%Y-%m-%dT%H:%M:%S", &tm);
        shown_second = ts.tv_sec;
    }
    size_t n = shown_len + 6 <= cap ? shown_len : 0;
    memcpy(out, shown, n);
    if (millis) {
        long ms = ts.tv_nsec / 1000000L;
        out[n++] = '.';
        out[n++] = (char)('0' + ms / 100);
        out[n++] = (char)('0' + ms / 10 % 10);
        out[n++] = (char)('0' + ms % 10);
    }
    out[n++] = 'Z';
    out[n] = '\0';
}

static FILE *open_append(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "a");
    if (!f)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    return f;
}

int log_open(server *sv, const serve_opts *o, char *err, size_t errlen)
{
    pthread_mutex_init(&sv->unanswered_mu, NULL);
    pthread_mutex_init(&sv->feedback_mu, NULL);
    pthread_mutex_init(&sv->access_mu, NULL);
    sv->access = o->quiet ? NULL : stderr;
    if (o->unanswered && !(sv->unanswered = open_append(o->unanswered, err, errlen)))
        return -1;
    if (o->feedback_log && !(sv->feedback = open_append(o->feedback_log, err, errlen)))
        return -1;
    if (o->access_log && !(sv->access = open_append(o->access_log, err, errlen)))
        return -1;
    if ((o->unanswered && !(sv->unanswered_path = strdup(o->unanswered))) ||
        (o->feedback_log && !(sv->feedback_path = strdup(o->feedback_log))) ||
        (o->access_log && !(sv->access_path = strdup(o->access_log)))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

/* One log opened afresh at its path, swapped in under its lock; the old
 * file kept when the path cannot be opened, the reason added to err. */
static int reopen_one(FILE **f, pthread_mutex_t *mu, const char *path, char *err, size_t errlen)
{
    if (!path || !*f)
        return 0;
    size_t at = strlen(err), gap = at && errlen - at > 2 ? 2 : 0;
    FILE *fresh = open_append(path, err + at + gap, errlen - at - gap);
    if (!fresh) {
        memcpy(err + at, "; ", gap);
        return -1;
    }
    pthread_mutex_lock(mu);
    FILE *old = *f;
    *f = fresh;
    pthread_mutex_unlock(mu);
    fclose(old);
    return 0;
}

int log_reopen(server *sv, char *err, size_t errlen)
{
    if (!errlen)
        return -1;
    err[0] = '\0';
    int rc = 0;
    rc |= reopen_one(&sv->unanswered, &sv->unanswered_mu, sv->unanswered_path, err, errlen);
    rc |= reopen_one(&sv->feedback, &sv->feedback_mu, sv->feedback_path, err, errlen);
    rc |= reopen_one(&sv->access, &sv->access_mu, sv->access_path, err, errlen);
    return rc ? -1 : 0;
}

void log_close(server *sv)
{
    if (sv->unanswered)
        fclose(sv->unanswered);
    if (sv->feedback)
        fclose(sv->feedback);
    if (sv->access && sv->access != stderr)
        fclose(sv->access);
    free(sv->unanswered_path);
    free(sv->feedback_path);
    free(sv->access_path);
    pthread_mutex_destroy(&sv->unanswered_mu);
    pthread_mutex_destroy(&sv->feedback_mu);
    pthread_mutex_destroy(&sv->access_mu);
}

size_t log_escape(char *out, size_t cap, const char *s, size_t n, size_t max, int space)
{
    static const char hex[] = "0123456789abcdef";
    size_t o = 0;
    for (size_t i = 0; i < n && i < max; i++) {
        unsigned char ch = (unsigned char)s[i];
        int plain = (ch > 0x20 && ch < 0x7f && ch != '"' && ch != '\\') || (ch == ' ' && space);
        if (o + (plain ? 1 : 4) + 1 > cap)
            break;
        if (plain) {
            out[o++] = (char)ch;
        } else {
            out[o++] = '\\';
            out[o++] = 'x';
            out[o++] = hex[ch >> 4];
            out[o++] = hex[ch & 15];
        }
    }
    if (cap)
        out[o] = '\0';
    return o;
}

/* block[0..n) appended to *f (opened for appending) by write(2), under mu:
 * whole, or when it cannot be (a full disk, the file-size limit) not at all,
 * the part written cut off again (a line half there would join the next one
 * written once there is room). No stdio buffer keeps a failed line to write
 * it later. 0, or the errno of the failure. */
static int append_block(FILE *const *f, pthread_mutex_t *mu, const char *block, size_t n)
{
    int rc = 0;
    pthread_mutex_lock(mu);
    int fd = fileno(*f);    /* under the lock: SIGHUP may swap the file */
    off_t end = lseek(fd, 0, SEEK_END);
    size_t at = 0;
    while (at < n && !rc) {
        ssize_t w = write(fd, block + at, n - at);
        if (w > 0)
            at += (size_t)w;
        else if (w < 0 && errno != EINTR)
            rc = errno;
        else if (w == 0)
            rc = EIO;
    }
    if (rc && at && end >= 0 && ftruncate(fd, end) != 0)
        rc = errno;
    pthread_mutex_unlock(mu);
    return rc;
}

const char *log_name(enum log_id log)
{
    static const char *const names[N_LOGS] = {"unanswered", "feedback", "access"};
    return names[log];
}

/* A write's result kept where an operator looks: each failure counted for
 * /metrics, and the first of a run and the recovery told on stderr, since
 * a log that cannot be written loses its lines without a word otherwise
 * (a declined question has no client to tell). */
static void log_outcome(server *sv, enum log_id log, int rc)
{
    if (rc)
        atomic_fetch_add(&sv->metrics.log_errors[log], 1);
    if (log == LOG_ACCESS && !sv->access_path)
        return;     /* nowhere else to say it */
    if (rc && !atomic_exchange(&sv->log_failing[log], 1))
        fprintf(stderr, "faqbot serve: the %s log cannot be written (%s): its lines are lost until it can\n",
                log_name(log), strerror(rc));
    else if (!rc && atomic_load(&sv->log_failing[log]) && atomic_exchange(&sv->log_failing[log], 0))
        fprintf(stderr, "faqbot serve: the %s log is written again\n", log_name(log));
}

/* Appends js[0..n) (taken) to *f as JSON lines in one block: all of them or,
 * when the block cannot be written (a full disk, the file-size limit), none.
 * 0, or the errno of the failure. */
static int write_lines(FILE *const *f, pthread_mutex_t *mu, json_t **js, size_t count)
{
    char *block = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    for (size_t i = 0; i < count; i++) {
        char *text = !rc && js[i] ? json_dumps(js[i], JSON_COMPACT | JSON_REAL_PRECISION(4)) : NULL;
        json_decref(js[i]);
        if (rc)
            continue;
        size_t len = text ? strlen(text) : 0;
        if (text && n + len + 2 > cap) {
            size_t want = cap ? cap * 2 : 256;
            while (want < n + len + 2)
                want *= 2;
            char *grown = realloc(block, want);
            if (grown) {
                block = grown;
                cap = want;
            }
        }
        if (!text || n + len + 2 > cap) {
            rc = ENOMEM;
        } else {
            memcpy(block + n, text, len);
            n += len;
            block[n++] = '\n';
        }
        free(text);
    }
    if (rc || !n) {
        free(block);
        return rc ? rc : ENOMEM;
    }
    rc = append_block(f, mu, block, n);
    free(block);
    return rc;
}

/* Appends "key": then a string literal (s is the escaped ASCII of a request
 * field, or a time or an address: never invalid UTF-8). */
static size_t put_field(char *out, const char *key, size_t key_len, const char *s)
{
    memcpy(out, key, key_len);
    return key_len + json_escape(out + key_len, s, strlen(s));
}

static size_t put_uint(char *out, unsigned long long v)
{
    char digits[24];
    size_t n = 0;
    do
        digits[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (size_t i = 0; i < n; i++)
        out[i] = digits[n - 1 - i];
    return n;
}

#define PUT_LIT(lit) (memcpy(out + o, lit, sizeof lit - 1), o += sizeof lit - 1)

size_t log_access_text(char *out, const char *when, const request *r, double ms, int aborted)
{
    size_t o = 0;
    o += put_field(out + o, "{\"time\":", 8, when);
    o += put_field(out + o, ",\"client\":", 10, r->client);
    o += put_field(out + o, ",\"method\":", 10, r->method);
    o += put_field(out + o, ",\"path\":", 8, r->path);
    PUT_LIT(",\"status\":");
    o += put_uint(out + o, r->status);
    PUT_LIT(",\"bytes\":");
    o += put_uint(out + o, r->bytes);
    PUT_LIT(",\"ms\":");
    o += json_real_text_prec(out + o, ms, 4);
    if (aborted)
        PUT_LIT(",\"aborted\":true");
    if (r->question)
        o += put_field(out + o, ",\"q\":", 5, r->question);
    out[o++] = '}';
    out[o] = '\0';
    return o;
}

void log_access(server *sv, const request *r, int aborted)
{
    if (sv->quiet && !sv->access_path)
        return;
    /* the path and the question are escaped already: a request can neither
     * forge a line nor shift a field. The line is written in one piece (on
     * stderr, unbuffered, one write). */
    char when[40], line[LOG_ACCESS_LINE_MAX + 1];
    iso_time(when, sizeof when, 1);
    size_t n = log_access_text(line, when, r, (serve_now() - r->start) * 1e3, aborted);
    line[n++] = '\n';
    log_outcome(sv, LOG_ACCESS, append_block(&sv->access, &sv->access_mu, line, n));
}

int log_client(server *sv, struct MHD_Connection *c, request *r)
{
    if (!guard_peer(sv->guard, c, r->client, sizeof r->client))
        return 0;
    /* a trusted proxy appends the address it got the request from: the
     * client is the rightmost address that is not one of our proxies */
    const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
    size_t n = xff ? strlen(xff) : 0;
    while (n > 0) {
        size_t end = n;
        while (n > 0 && xff[n - 1] != ',')
            n--;
        size_t b = n, e = end;
        while (b < e && (xff[b] == ' ' || xff[b] == '\t'))
            b++;
        while (e > b && (xff[e - 1] == ' ' || xff[e - 1] == '\t'))
            e--;
        char item[ADDR_BYTES], addr[ADDR_BYTES];
        if (e - b == 0 || e - b >= sizeof item)
            return 0;   /* not an address: the proxy is the client we know */
        memcpy(item, xff + b, e - b);
        item[e - b] = '\0';
        if (!guard_addr_text(item, addr, sizeof addr))
            return 0;
        if (!guard_is_trusted(sv->guard, addr)) {
            memcpy(r->client, addr, sizeof addr);
            return 1;
        }
        if (n > 0)
            n--;        /* the comma */
    }
    return 0;
}

void log_unanswered(server *sv, const char *lang, const char *q, size_t len)
{
    if (!sv->unanswered_path)
        return;
    char when[32];
    iso_time(when, sizeof when, 0);
    char *line = malloc(len * 4 + (lang ? strlen(lang) : 1) + sizeof when + 4);
    if (!line) {
        log_outcome(sv, LOG_UNANSWERED, ENOMEM);
        return;
    }
    size_t n = (size_t)sprintf(line, "%s\t%s\t", when, lang ? lang : "-");
    /* one question, one line: control bytes escaped C-style, and the
     * backslash too, so the line reads back to the question */
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)q[i];
        const char *esc = ch == '\n' ? "\\n" : ch == '\r' ? "\\r" : ch == '\t' ? "\\t"
                        : ch == '\\' ? "\\\\" : NULL;
        if (esc)
            n += (size_t)sprintf(line + n, "%s", esc);
        else if (ch < 0x20 || ch == 0x7f)
            n += (size_t)sprintf(line + n, "\\x%02x", ch);
        else
            line[n++] = (char)ch;
    }
    line[n++] = '\n';
    log_outcome(sv, LOG_UNANSWERED, append_block(&sv->unanswered, &sv->unanswered_mu, line, n));
    free(line);
}

int log_votes(server *sv, const log_vote *votes, size_t n, const char *via)
{
    if (!sv->feedback_path)
        return -1;
    if (n > FAQ_QNA_MAX_RECORDS)
        return E2BIG;
    char when[32];
    iso_time(when, sizeof when, 0);
    json_t *js[FAQ_QNA_MAX_RECORDS];
    for (size_t i = 0; i < n; i++)
        js[i] = json_pack("{s:s, s:s%, s:s, s:s?, s:s, s:s}", "time", when, "q", votes[i].q, votes[i].q_len,
                          "id", votes[i].id, "lang", votes[i].lang, "vote", votes[i].vote, "via", via);
    int rc = write_lines(&sv->feedback, &sv->feedback_mu, js, n);
    log_outcome(sv, LOG_FEEDBACK, rc);
    return rc;
}

enum MHD_Result log_vote_reply(server *sv, struct MHD_Connection *c, request *r, const char *bad, int kept)
{
    if (bad)
        return serve_error(sv, c, r, 400, bad);
    if (kept != 0) {
        char msg[160];
        snprintf(msg, sizeof msg, "the vote was not kept: the feedback log could not be written (%s)",
                 strerror(kept));
        return serve_error(sv, c, r, 503, msg);
    }
    return serve_respond(sv, c, r, 204, "application/json", "", 0, MHD_RESPMEM_PERSISTENT);
}

/* Whether an entry of the index has this id, in any language. */
static int id_known(searcher *s, const char *id, size_t len)
{
    const faq_index *ix = searcher_index(s);
    for (uint32_t l = 0; l < faq_index_lang_count(ix); l++)
        if (faq_index_find_id(ix, id, len, l) != UINT32_MAX)
            return 1;
    return 0;
}

/* POST /api/feedback {"q", "id", "lang", "vote": "up" | "down"}: 204. */
enum MHD_Result log_route_feedback(server *sv, struct MHD_Connection *c, request *r)
{
    if (!sv->feedback_path)
        return serve_error(sv, c, r, 404, FEEDBACK_OFF);
    char why[256];
    json_t *body = serve_json_body(r, why, sizeof why);
    if (!body)
        return serve_error(sv, c, r, 400, why);
    const char *q = NULL, *id = NULL, *lang = NULL, *vote = NULL;
    size_t q_len = 0, id_len = 0;
    if (json_unpack(body, "{s:s%, s:s%, s?:s, s:s}", "q", &q, &q_len, "id", &id, &id_len,
                    "lang", &lang, "vote", &vote) != 0) {
        json_decref(body);
        return serve_error(sv, c, r, 400, "the body must be {\"q\": \"...\", \"id\": \"entry id\", "
                                          "\"lang\": \"es\", \"vote\": \"up\" or \"down\"}");
    }
    const char *bad = serve_check_asked(q, q_len, "\"q\" is empty: the question the vote is for");
    if (!bad && strcmp(vote, "up") != 0 && strcmp(vote, "down") != 0)
        bad = "vote is \"up\" or \"down\"";
    if (!bad && (id_len == 0 || id_len >= FAQ_MAX_ID_BYTES || id_len != strlen(id)))
        bad = "id is the id of an entry";
    if (!bad && lang && (strlen(lang) == 0 || strlen(lang) >= FAQ_MAX_LANG_CODE ||
                         strspn(lang, "abcdefghijklmnopqrstuvwxyz-") != strlen(lang)))
        bad = "lang is a language code";
    searcher *s = bad ? NULL : index_live_get(sv->live);
    if (s) {
        if (!id_known(s, id, id_len))
            bad = "no entry has that id";
        index_live_put(sv->live, s);
    }
    log_vote v = {q, q_len, id, lang, vote};
    int kept = bad ? 0 : log_votes(sv, &v, 1, "api");
    json_decref(body);
    return log_vote_reply(sv, c, r, bad, kept);
}
