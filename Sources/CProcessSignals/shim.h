// Whether a signal's action is "ignore", as the program was started with it: a shell starts a
// background job of a script with SIGINT ignored, and a program should leave such a signal
// ignored (POSIX). Written in C because the question is whether the handler is SIG_IGN: Swift
// cannot compare C function pointers without reinterpreting them (`unsafeBitCast`).
#include <signal.h>
#include <stddef.h>

static inline int helpcenter_signal_is_ignored(int signal_number) {
    struct sigaction current;
    if (sigaction(signal_number, NULL, &current) != 0) return 0;
    return current.sa_handler == SIG_IGN;
}
