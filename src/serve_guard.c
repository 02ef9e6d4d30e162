/* serve_guard.c: request deadlines and per-address limits (see serve_guard.h). */
#include "serve_guard.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hash.h"
#include "limits.h"

#define ADDR_TEXT 48

typedef struct gconn {
    struct guard *g;
    struct gconn *prev, *next;
    int fd;
    struct timespec start;      /* of the request being read */
    int answering;              /* its request is read: no deadline */
    int shut;                   /* shut down at its deadline already */
    int counted;                /* holds a slot of its address */
    int trusted;                /* a trusted proxy's: no deadline (see watch) */
    char addr[ADDR_TEXT];
} gconn;

typedef struct addr_count {
    struct addr_count *next;
    unsigned n;
    char addr[ADDR_TEXT];
} addr_count;

struct guard {
    pthread_mutex_t mu;
    pthread_cond_t wake;
    pthread_t thread;
    int running, stop;
    gconn *conns;               /* every open connection */
    addr_count *buckets[FAQ_HTTP_ADDR_BUCKETS];
    char (*trusted)[ADDR_TEXT]; /* normalised text */
    size_t n_trusted;
    atomic_ulong deadline_closes, refused;
};

/* The canonical text of an address (so "::ffff:1.2.3.4" spellings and
 * leading zeros compare equal); 0 when s is no address. */
int guard_addr_text(const char *s, char *out, size_t cap)
{
    struct in_addr a4;
    struct in6_addr a6;
    if (inet_pton(AF_INET, s, &a4) == 1)
        return inet_ntop(AF_INET, &a4, out, (socklen_t)cap) != NULL;
    if (inet_pton(AF_INET6, s, &a6) == 1)
        return inet_ntop(AF_INET6, &a6, out, (socklen_t)cap) != NULL;
    return 0;
}

static int sockaddr_text(const struct sockaddr *sa, char *out, size_t cap)
{
    if (sa && sa->sa_family == AF_INET)
        return inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, out, (socklen_t)cap) != NULL;
    if (sa && sa->sa_family == AF_INET6)
        return inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, out, (socklen_t)cap) != NULL;
    snprintf(out, cap, "-");
    return 0;
}

int guard_is_trusted(const guard *g, const char *addr)
{
    for (size_t i = 0; i < g->n_trusted; i++)
        if (strcmp(g->trusted[i], addr) == 0)
            return 1;
    return 0;
}

static addr_count **bucket_of(guard *g, const char *addr)
{
    uint64_t h = hash_bytes(HASH_SEED, addr, strlen(addr));
    return &g->buckets[h % FAQ_HTTP_ADDR_BUCKETS];
}

/* Under g->mu: takes a slot of addr, or 0 when it has none left. */
static int take_slot(guard *g, const char *addr)
{
    addr_count **b = bucket_of(g, addr), *a = *b;
    while (a && strcmp(a->addr, addr) != 0)
        a = a->next;
    if (a && a->n >= FAQ_HTTP_MAX_PER_IP)
        return 0;
    if (!a) {
        if (!(a = calloc(1, sizeof *a)))
            return 0;
        snprintf(a->addr, sizeof a->addr, "%s", addr);
        a->next = *b;
        *b = a;
    }
    a->n++;
    return 1;
}

static void give_slot(guard *g, const char *addr)
{
    addr_count **p = bucket_of(g, addr);
    while (*p && strcmp((*p)->addr, addr) != 0)
        p = &(*p)->next;
    if (*p && --(*p)->n == 0) {
        addr_count *dead = *p;
        *p = dead->next;
        free(dead);
    }
}

static double elapsed(const struct timespec *since, const struct timespec *now)
{
    return (double)(now->tv_sec - since->tv_sec) + (now->tv_nsec - since->tv_nsec) / 1e9;
}

/* The watchdog: a connection still short of a whole request at its
 * deadline is shut down; libmicrohttpd then sees the socket end and closes
 * it (and tells guard_notify, which unlinks it). A trusted proxy sends
 * whole requests (nginx buffers them) and keeps idle connections open for
 * the next ones: only libmicrohttpd's idle timeout ends those. */
static void *watch(void *arg)
{
    guard *g = arg;
    pthread_mutex_lock(&g->mu);
    while (!g->stop) {
        struct timespec now, until;
        clock_gettime(CLOCK_MONOTONIC, &now);
        for (gconn *k = g->conns; k; k = k->next)
            if (!k->answering && !k->shut && !k->trusted &&
                elapsed(&k->start, &now) >= FAQ_HTTP_REQUEST_DEADLINE_S) {
                shutdown(k->fd, SHUT_RDWR);
                k->shut = 1;
                atomic_fetch_add(&g->deadline_closes, 1);
            }
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += FAQ_HTTP_DEADLINE_POLL_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&g->wake, &g->mu, &until);
    }
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

guard *guard_new(const char *const *trusted, size_t n_trusted, char *err, size_t errlen)
{
    guard *g = calloc(1, sizeof *g);
    if (!g || (n_trusted && !(g->trusted = calloc(n_trusted, sizeof *g->trusted)))) {
        free(g);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n_trusted; i++)
        if (!guard_addr_text(trusted[i], g->trusted[i], sizeof g->trusted[i])) {
            snprintf(err, errlen, "--trust-proxy takes an IPv4 or IPv6 address (%s)", trusted[i]);
            free(g->trusted);
            free(g);
            return NULL;
        }
    g->n_trusted = n_trusted;
    pthread_mutex_init(&g->mu, NULL);
    pthread_cond_init(&g->wake, NULL);
    int rc = pthread_create(&g->thread, NULL, watch, g);
    if (rc != 0) {
        snprintf(err, errlen, "cannot start a thread: %s", strerror(rc));
        guard_free(g);
        return NULL;
    }
    g->running = 1;
    return g;
}

void guard_free(guard *g)
{
    if (!g)
        return;
    if (g->running) {
        pthread_mutex_lock(&g->mu);
        g->stop = 1;
        pthread_cond_signal(&g->wake);
        pthread_mutex_unlock(&g->mu);
        pthread_join(g->thread, NULL);
    }
    /* the daemon has closed every connection, and so freed every gconn */
    for (size_t i = 0; i < FAQ_HTTP_ADDR_BUCKETS; i++)
        while (g->buckets[i]) {
            addr_count *a = g->buckets[i];
            g->buckets[i] = a->next;
            free(a);
        }
    pthread_cond_destroy(&g->wake);
    pthread_mutex_destroy(&g->mu);
    free(g->trusted);
    free(g);
}

enum MHD_Result guard_accept(void *cls, const struct sockaddr *addr, socklen_t len)
{
    guard *g = cls;
    char text[ADDR_TEXT];
    if (!sockaddr_text(addr, text, sizeof text) || guard_is_trusted(g, text))
        return MHD_YES;
    /* counted for real in guard_notify; here only looked at, so a connection
     * libmicrohttpd then fails to set up holds nothing */
    pthread_mutex_lock(&g->mu);
    addr_count *a = *bucket_of(g, text);
    while (a && strcmp(a->addr, text) != 0)
        a = a->next;
    int ok = !a || a->n < FAQ_HTTP_MAX_PER_IP;
    pthread_mutex_unlock(&g->mu);
    if (!ok)
        atomic_fetch_add(&g->refused, 1);
    return ok ? MHD_YES : MHD_NO;
}

void guard_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                  enum MHD_ConnectionNotificationCode code)
{
    guard *g = cls;
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        gconn *k = calloc(1, sizeof *k);
        if (!k)
            return;     /* untracked: only libmicrohttpd's idle timeout holds it */
        k->g = g;
        const union MHD_ConnectionInfo *fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
        const union MHD_ConnectionInfo *ad = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
        k->fd = fd ? fd->connect_fd : -1;
        sockaddr_text(ad ? ad->client_addr : NULL, k->addr, sizeof k->addr);
        clock_gettime(CLOCK_MONOTONIC, &k->start);
        pthread_mutex_lock(&g->mu);
        /* a burst from one address may pass the accept policy together:
         * the limit holds here all the same */
        k->trusted = guard_is_trusted(g, k->addr);
        k->counted = !k->trusted && take_slot(g, k->addr);
        if (!k->trusted && !k->counted) {
            shutdown(k->fd, SHUT_RDWR);
            k->shut = 1;
            atomic_fetch_add(&g->refused, 1);
        }
        k->next = g->conns;
        if (g->conns)
            g->conns->prev = k;
        g->conns = k;
        pthread_mutex_unlock(&g->mu);
        *socket_context = k;
    } else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
        gconn *k = *socket_context;
        pthread_mutex_lock(&g->mu);
        if (k->prev)
            k->prev->next = k->next;
        else
            g->conns = k->next;
        if (k->next)
            k->next->prev = k->prev;
        if (k->counted)
            give_slot(g, k->addr);
        pthread_mutex_unlock(&g->mu);
        free(k);
        *socket_context = NULL;
    }
}

static gconn *conn_of(struct MHD_Connection *c)
{
    const union MHD_ConnectionInfo *i = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return i ? i->socket_context : NULL;
}

/* answering: the request is read; else the next one's deadline starts now */
static void set_answering(struct MHD_Connection *c, int answering)
{
    gconn *k = conn_of(c);
    if (!k)
        return;
    pthread_mutex_lock(&k->g->mu);
    k->answering = answering;
    if (!answering)
        clock_gettime(CLOCK_MONOTONIC, &k->start);
    pthread_mutex_unlock(&k->g->mu);
}

void guard_answering(struct MHD_Connection *c) { set_answering(c, 1); }
void guard_next_request(struct MHD_Connection *c) { set_answering(c, 0); }

int guard_peer(const guard *g, struct MHD_Connection *c, char *out, size_t cap)
{
    /* the connection's, in text since it opened (every request asks) */
    const gconn *k = conn_of(c);
    size_t n = k ? strlen(k->addr) : 0;
    if (k && n < cap) {
        memcpy(out, k->addr, n + 1);
        return k->trusted;
    }
    const union MHD_ConnectionInfo *ad = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return sockaddr_text(ad ? ad->client_addr : NULL, out, cap) && guard_is_trusted(g, out);
}

int guard_client_enter(guard *g, const char *addr)
{
    pthread_mutex_lock(&g->mu);
    int ok = take_slot(g, addr);
    pthread_mutex_unlock(&g->mu);
    if (!ok)
        atomic_fetch_add(&g->refused, 1);
    return ok;
}

void guard_client_leave(guard *g, const char *addr)
{
    pthread_mutex_lock(&g->mu);
    give_slot(g, addr);
    pthread_mutex_unlock(&g->mu);
}

unsigned long guard_deadline_closes(const guard *g) { return atomic_load(&((guard *)g)->deadline_closes); }
unsigned long guard_refused(const guard *g) { return atomic_load(&((guard *)g)->refused); }
