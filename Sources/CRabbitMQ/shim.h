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
#endif
