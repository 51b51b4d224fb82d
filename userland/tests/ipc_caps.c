/* ipc_caps: capget and capset for an unprivileged user (v1, v2, v3 headers, an unknown version, another process, no data) and capset's EPERM rules */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static long capget(struct __user_cap_header_struct *h, struct __user_cap_data_struct *d) { return syscall(SYS_capget, h, d); }
static long capset(struct __user_cap_header_struct *h, struct __user_cap_data_struct *d) { return syscall(SYS_capset, h, d); }

int main(void) {
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2];
    memset(d, 0xff, sizeof d);
    show("capget v3", capget(&h, d));
    printf("eff %x %x prm %x %x inh %x %x\n", d[0].effective, d[1].effective, d[0].permitted, d[1].permitted, d[0].inheritable, d[1].inheritable);
    h.version = _LINUX_CAPABILITY_VERSION_1;
    memset(d, 0xff, sizeof d);
    show("capget v1", capget(&h, d));
    printf("first word %x, second untouched %d\n", d[0].effective, d[1].effective == 0xffffffffu);
    h.version = _LINUX_CAPABILITY_VERSION_2;
    show("capget v2", capget(&h, d));
    h.version = 0x12345678;
    show("capget unknown version, no data", capget(&h, NULL));
    printf("version now %#x\n", h.version);
    h.version = 0x12345678;
    show("capget unknown version", capget(&h, d));
    printf("version now %#x\n", h.version);
    show("capget v3, no data", capget(&h, NULL));
    h.pid = -1;
    show("capget pid -1", capget(&h, d));
    h.pid = 4000000;
    show("capget no such pid", capget(&h, d));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) { pause(); _exit(0); }
    h.pid = pid;
    show("capget a child", capget(&h, d));
    printf("child eff %x\n", d[0].effective);
    show("capset a child", capset(&h, d));
    kill(pid, 9);
    waitpid(pid, NULL, 0);
    h.pid = 0;
    show("capget bad header", capget((void *) 8, d));
    show("capget bad data", capget(&h, (void *) 8));

    memset(d, 0, sizeof d);
    show("capset nothing", capset(&h, d));
    d[0].permitted = 1 << CAP_KILL;
    show("capset permitted CAP_KILL", capset(&h, d));
    d[0].permitted = 0;
    d[0].effective = 1 << CAP_KILL;
    show("capset effective beyond permitted", capset(&h, d));
    d[0].effective = 0;
    d[0].inheritable = 1 << CAP_KILL;
    show("capset inheritable", capset(&h, d));
    d[0].inheritable = 0;
    h.version = 0x12345678;
    show("capset unknown version", capset(&h, d));
    h.version = _LINUX_CAPABILITY_VERSION_3;
    show("capset bad data", capset(&h, (void *) 8));
    show("capset bad header", capset((void *) 8, d));
    h.pid = getpid();
    show("capset own pid", capset(&h, d));
    return 0;
}
