#ifndef RELANCE_CRABBITMQ_SHIM_H
#define RELANCE_CRABBITMQ_SHIM_H
// Debian 12 ships rabbitmq-c 0.11 with its headers at the top level; 0.12+ moved them
// under rabbitmq-c/. Accept both.
#if __has_include(<rabbitmq-c/amqp.h>)
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/framing.h>
#include <rabbitmq-c/tcp_socket.h>
#else
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#endif

#include <stdint.h>
#include <sys/eventfd.h>
#include <poll.h>
#include <unistd.h>
#include <sys/prctl.h>

// amqp_login_with_properties is C-variadic, which Swift cannot call: this fixes the
// PLAIN mechanism's two arguments.
static inline amqp_rpc_reply_t relance_amqp_login_plain(
    amqp_connection_state_t state, const char *vhost, int channel_max, int frame_max,
    int heartbeat, const amqp_table_t *client_properties, const char *user,
    const char *password) {
  return amqp_login_with_properties(state, vhost, channel_max, frame_max, heartbeat,
                                    client_properties, AMQP_SASL_METHOD_PLAIN, user,
                                    password);
}

// A non-blocking eventfd that wakes a connection thread from poll(2); -1 on failure.
static inline int relance_wakeup_fd_create(void) {
  return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

// Makes the eventfd readable; harmless when it already is.
static inline void relance_wakeup_fd_signal(int fd) {
  uint64_t one = 1;
  ssize_t ignored = write(fd, &one, sizeof(one));
  (void)ignored;
}

// Clears the eventfd after a wake-up.
static inline void relance_wakeup_fd_drain(int fd) {
  uint64_t value;
  ssize_t ignored = read(fd, &value, sizeof(value));
  (void)ignored;
}

// Names the calling thread (shown by top -H and debuggers); at most 15 characters used.
static inline void relance_set_thread_name(const char *name) {
  (void)prctl(PR_SET_NAME, name, 0, 0, 0);
}

#endif
