/* serve_guard.h: what keeps `faqbot serve` answering under a slow-client
 * attack: a whole-request deadline that a client trickling bytes cannot
 * stretch (libmicrohttpd restarts its idle timer at every byte), and a limit
 * of connections per client address that trusted proxies are spared.
 *
 * A guard watches the connections of one daemon through its accept-policy
 * and connection-notification callbacks; a thread of its own shuts down the
 * socket of a connection still short of a whole request at its deadline
 * (but a trusted proxy's, which sends whole requests).
 * Thread-safe. */
#ifndef FAQ_SERVE_GUARD_H
#define FAQ_SERVE_GUARD_H

#include <microhttpd.h>
#include <stddef.h>
#include <sys/socket.h>

typedef struct guard guard;

/* trusted: proxy addresses (IPv4 or IPv6 text). NULL with a message in err. */
guard *guard_new(const char *const *trusted, size_t n_trusted, char *err, size_t errlen);
void guard_free(guard *g);      /* after the daemon has stopped; NULL is fine */

/* For MHD_OPTION_ACCEPT_POLICY and MHD_OPTION_NOTIFY_CONNECTION (cls: the guard). */
enum MHD_Result guard_accept(void *cls, const struct sockaddr *addr, socklen_t len);
void guard_notify(void *cls, struct MHD_Connection *c, void **socket_context,
                  enum MHD_ConnectionNotificationCode code);

/* The request of c is read: no deadline while it is answered. */
void guard_answering(struct MHD_Connection *c);
/* Its answer is gone: the next request's deadline starts now. */
void guard_next_request(struct MHD_Connection *c);

/* The peer of c in text (out: at least 48 bytes); 1 when it is a trusted proxy. */
int guard_peer(const guard *g, struct MHD_Connection *c, char *out, size_t cap);
/* addr as guard_peer() writes it (or "-"). */
int guard_is_trusted(const guard *g, const char *addr);
/* The canonical text of an IPv4 or IPv6 address; 0 when s is none. */
int guard_addr_text(const char *s, char *out, size_t cap);

/* A request of a client a trusted proxy forwards takes a slot of that
 * client's per-address limit: 0 when it has none left. */
int guard_client_enter(guard *g, const char *addr);
void guard_client_leave(guard *g, const char *addr);

/* Connections shut down at their deadline, and refused by the per-address limit. */
unsigned long guard_deadline_closes(const guard *g);
unsigned long guard_refused(const guard *g);

#endif
