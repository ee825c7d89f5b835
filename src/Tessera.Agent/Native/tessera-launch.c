/*
 * tessera-launch: starts container processes for the Tessera agent.
 *
 * Why a native launcher: .NET's Process has no pre-exec hook, and unshare(2)/setns(2) from a
 * .NET thread only affect that thread. `sh -c 'echo $$ > cgroup.procs; exec unshare ...'` works
 * but costs ~5 ms per launch; this does the same in well under a millisecond on top of the
 * spawn itself.
 *
 * Two ways to run it:
 *   tessera-launch --serve            the launch server the agent starts once (see "The launch
 *                                     server" below): for each request it clones a process
 *                                     already in the container's namespaces, which then does
 *                                     steps 1, 2, 4 and 5 (launch_cloned);
 *   tessera-launch OPTIONS -- CMD     one launch as its own process (nested sessions, and by
 *                                     hand): steps 1 to 5 (launch).
 *
 * What a launch does, in order (so the user's command never runs outside its cgroups):
 *   1. stdin from /dev/null, stdout/stderr appended to the sandbox files;
 *   2. joins every cgroup given with --cgroup (writes its own pid to cgroup.procs);
 *   3. unshares the namespaces asked for; with a pid namespace it forks an init (pid 1);
 *   4. in the namespaces: mounts a private /proc (pid namespace), binds SANDBOX/tmp over /tmp
 *      (mount namespace), sets the hostname (uts namespace); then forks the task, which starts
 *      its own session, drops to the user and execs the command;
 *   5. the supervisor (the pid namespace's init, or the launch's process without one) forwards
 *      SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1/2 to the task's process group, reaps every child,
 *      and when the task exits writes "exit N" or "signal N" to the --status file and exits with the
 *      shell convention (N, or 128 + signal). Under a pid namespace, init's exit kills whatever
 *      the task left behind; with --kill-group-on-exit (nested sessions, which share the task's
 *      namespaces) the supervisor SIGKILLs the task's process group once the task has exited, so
 *      what the command left in the background doesn't outlive it.
 * A launch failure writes "error <message>" to the status file and exits 125.
 *
 * The agent passes the task's environment as the launch's environment (for a nested session only
 * the default PATH: the session's own variables are set by /usr/bin/env after the drop), and the user as
 * numbers (--uid, --gid, --groups) it resolved itself: the launcher never consults NSS, so it can
 * be linked statically (no dynamic loader: a fifth of a millisecond less per launch).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <poll.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CGROUPS 16

struct options {
    const char *cgroups[MAX_CGROUPS];
    int ncgroups;
    int ns_flags;
    const char *hostname;
    int has_user;
    uid_t uid;
    gid_t gid;
    gid_t groups[64];
    int ngroups;
    const char *sandbox;
    const char *visible;
    const char *out;
    const char *err;
    const char *status;
    int kill_group;
    char **argv;
};

/* The status file is written through a handle to its folder opened before any mount: the
 * supervisor writes it from inside the new mount namespace, where /tmp may be another folder. */
static int status_dir = -1;
/* Set in the launch server (--serve) and inherited by its children. */
static int serving;
static int serving_signals = -1;
static char status_name[256];

static int serve(void);

/* vsnprintf that returns the length it wrote: cut to the buffer, or -1 on an encoding error. */
static int format_into(char *buf, size_t size, const char *fmt, va_list ap) {
    int n = vsnprintf(buf, size, fmt, ap);
    return n >= (int)size ? (int)size - 1 : n;
}

static void write_status(const char *fmt, ...) {
    if (status_dir < 0) return;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    int n = format_into(text, sizeof text, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    /* Written in place, in one write(2): the agent reads it only after this process has exited, so
     * no temp file and rename (each new inode costs ext4 time that grows with churn) and no fsync
     * (after a machine crash the container is gone anyway). */
    int fd = openat(status_dir, status_name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;
    if (write(fd, text, n) != n) { /* nothing better to do: the agent then reports the exit code */ }
    close(fd);
}

static void fail(const char *fmt, ...) {
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    fprintf(stderr, "tessera-launch: %s\n", text);
    write_status("error %s", text);
    _exit(125);
}

/* The clone flags of a comma-separated list of namespace names; an unknown name fails the launch
 * when strict, and is skipped otherwise (the server's look ahead, see requested_namespaces). */
static int namespace_flags(const char *list, int strict) {
    int flags = 0;
    char copy[128];
    snprintf(copy, sizeof copy, "%s", list);
    for (char *save = NULL, *name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        if (!strcmp(name, "pid")) flags |= CLONE_NEWPID;
        else if (!strcmp(name, "mount")) flags |= CLONE_NEWNS;
        else if (!strcmp(name, "ipc")) flags |= CLONE_NEWIPC;
        else if (!strcmp(name, "uts")) flags |= CLONE_NEWUTS;
        else if (!strcmp(name, "net")) flags |= CLONE_NEWNET;
        else if (strict) fail("unknown namespace '%s' (pid, mount, ipc, uts, net)", name);
    }
    return flags;
}

static unsigned long parse_id(const char *text, const char *option) {
    char *end;
    errno = 0;
    unsigned long id = strtoul(text, &end, 10);
    if (errno || *end || end == text || id > 0xFFFFFFFEUL) fail("%s must be a number, not '%s'", option, text);
    return id;
}

static void parse_groups(const char *list, struct options *o) {
    char copy[1024];
    snprintf(copy, sizeof copy, "%s", list);
    for (char *save = NULL, *g = strtok_r(copy, ",", &save); g; g = strtok_r(NULL, ",", &save)) {
        if (o->ngroups == (int)(sizeof o->groups / sizeof o->groups[0])) fail("too many --groups");
        o->groups[o->ngroups++] = (gid_t)parse_id(g, "--groups");
    }
}

static void parse(int argc, char **argv, struct options *o) {
    memset(o, 0, sizeof *o);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) { i++; break; }
        if (!strcmp(a, "--kill-group-on-exit")) { o->kill_group = 1; continue; }
        if (i + 1 >= argc) fail("option %s needs a value", a);
        const char *v = argv[++i];
        if (!strcmp(a, "--cgroup")) {
            if (o->ncgroups == MAX_CGROUPS) fail("too many --cgroup options");
            o->cgroups[o->ncgroups++] = v;
        }
        else if (!strcmp(a, "--ns")) o->ns_flags = namespace_flags(v, 1);
        else if (!strcmp(a, "--hostname")) o->hostname = v;
        else if (!strcmp(a, "--uid")) { o->uid = (uid_t)parse_id(v, "--uid"); o->has_user = 1; }
        else if (!strcmp(a, "--gid")) o->gid = (gid_t)parse_id(v, "--gid");
        else if (!strcmp(a, "--groups")) parse_groups(v, o);
        else if (!strcmp(a, "--sandbox")) o->sandbox = v;
        else if (!strcmp(a, "--keep-visible")) o->visible = v;
        else if (!strcmp(a, "--stdout")) o->out = v;
        else if (!strcmp(a, "--stderr")) o->err = v;
        else if (!strcmp(a, "--status")) o->status = v;
        else fail("unknown option %s", a);
    }
    if (i >= argc) fail("no command after --");
    o->argv = argv + i;
}

static void redirect(int target, const char *path, int flags) {
    if (!path) return;
    int fd = open(path, flags | O_CLOEXEC, 0644);
    if (fd < 0) fail("cannot open %s: %s", path, strerror(errno));
    if (dup2(fd, target) < 0) fail("dup2: %s", strerror(errno));
    close(fd);
}

static void join_cgroup(const char *procs) {
    int fd = open(procs, O_WRONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open %s: %s", procs, strerror(errno));
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%d\n", getpid());
    if (write(fd, pid, n) != n) fail("cannot join %s: %s", procs, strerror(errno));
    close(fd);
}

/* Paths under /tmp that must stay visible under the private /tmp: opened before the mount (the
 * handle keeps the host's folder reachable), bound back at the same path after it. */
struct kept { const char *path; int fd; int readonly; };

static struct kept keep_open(const char *path, int readonly) {
    struct kept k = { path, -1, readonly };
    if (path && strncmp(path, "/tmp/", 5) == 0) k.fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
    return k;
}

static void keep_bind(struct kept k) {
    if (k.fd < 0) return;
    char path[4096], from[64];
    snprintf(path, sizeof path, "%s", k.path);
    for (char *p = path + 5; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(path, 0755) < 0 && errno != EEXIST) fail("mkdir %s: %s", path, strerror(errno));
        *p = '/';
    }
    if (mkdir(path, 0755) < 0 && errno != EEXIST) fail("mkdir %s: %s", path, strerror(errno));
    snprintf(from, sizeof from, "/proc/self/fd/%d", k.fd);
    if (mount(from, k.path, NULL, MS_BIND | MS_REC, NULL) < 0) fail("bind %s back: %s", k.path, strerror(errno));
    if (k.readonly && mount(NULL, k.path, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) < 0)
        fail("make %s read-only: %s", k.path, strerror(errno));
    close(k.fd);
}

/* SANDBOX/tmp, the container's /tmp: made by prepare() before the cgroups are joined. Why then:
 * what a process in a memory cgroup creates is charged to it, and the new folder's blocks stay in
 * the page cache after the container is gone, which keeps its memory cgroup alive as a "dying" one
 * (about one per launch on ext4; with 2,700 of them launches took half as long again). */
static void sandbox_tmp(const struct options *o, char *tmp, size_t size) {
    if (snprintf(tmp, size, "%s/tmp", o->sandbox) >= (int)size) fail("sandbox path too long");
}

static void make_sandbox_tmp(const struct options *o) {
    if (!(o->ns_flags & CLONE_NEWNS) || !o->sandbox) return;
    char tmp[4096];
    sandbox_tmp(o, tmp, sizeof tmp);
    if (mkdir(tmp, 01777) < 0 && errno != EEXIST) fail("mkdir %s: %s", tmp, strerror(errno));
    chmod(tmp, 01777);
}

static void setup_mounts(const struct options *o) {
    if (!(o->ns_flags & CLONE_NEWNS)) return;
    // Keep our mounts from propagating back to the host.
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) fail("make / private: %s", strerror(errno));
    if ((o->ns_flags & CLONE_NEWPID) && mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
        fail("mount /proc: %s", strerror(errno));
    if (o->sandbox) {
        char tmp[4096];
        sandbox_tmp(o, tmp, sizeof tmp);
        // A sandbox under /tmp (a work dir in /tmp) would vanish under the new /tmp, and so would
        // the agent's own folder (executors such as `tessera executor thermos` run from it): keep
        // both, the agent's read-only.
        struct kept sandbox = keep_open(o->sandbox, 0);
        struct kept visible = keep_open(o->visible, 1);
        if (mount(tmp, "/tmp", NULL, MS_BIND, NULL) < 0) fail("bind %s on /tmp: %s", tmp, strerror(errno));
        keep_bind(visible);
        keep_bind(sandbox);
    }
}

static void exec_task(const struct options *o) {
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    setsid();
    if (o->has_user) {
        if (setgroups(o->ngroups, o->groups) < 0) fail("setgroups: %s", strerror(errno));
        if (setgid(o->gid) < 0) fail("setgid %u: %s", (unsigned)o->gid, strerror(errno));
        if (setuid(o->uid) < 0) fail("setuid %u: %s", (unsigned)o->uid, strerror(errno));
    }
    if (o->sandbox && chdir(o->sandbox) < 0) fail("chdir %s: %s", o->sandbox, strerror(errno));
    execvp(o->argv[0], o->argv);
    fprintf(stderr, "tessera-launch: cannot run %s: %s\n", o->argv[0], strerror(errno));
    _exit(127);
}

/* Forwards signals to the task's group and reaps children until the task itself has exited. */
static int supervise(pid_t task, const sigset_t *set) {
    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(set, &info);
        if (sig < 0) continue;
        if (sig != SIGCHLD) {
            if (kill(-task, sig) < 0) kill(task, sig);
            continue;
        }
        int status;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            if (pid != task) continue;
            if (WIFSIGNALED(status)) {
                write_status("signal %d", WTERMSIG(status));
                return 128 + WTERMSIG(status);
            }
            write_status("exit %d", WEXITSTATUS(status));
            return WEXITSTATUS(status);
        }
    }
}

static int run_supervised(const struct options *o, const sigset_t *set) {
    if (o->ns_flags & CLONE_NEWUTS && o->hostname && sethostname(o->hostname, strlen(o->hostname)) < 0)
        fail("sethostname %s: %s", o->hostname, strerror(errno));
    setup_mounts(o);
    pid_t task = fork();
    if (task < 0) fail("fork: %s", strerror(errno));
    if (task == 0) exec_task(o);
    // Also a pgid, so a signal to -task reaches it before it calls setsid itself.
    setpgid(task, task);
    int code = supervise(task, set);
    // The task has been reaped, but its group lives on while a member does (a pgid isn't reused then).
    if (o->kill_group) kill(-task, SIGKILL);
    return code;
}

/* The part of a launch before any namespace: stdio, the status file's folder, the cgroups (joined
 * before anything else runs, so nothing of the task is ever outside them), the signal mask.
 * Returns 0, or the exit code when the status folder can't be opened. */
static int prepare(struct options *o, sigset_t *set) {
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, 0);
        // A server child's stdout and stderr are the server's answer and event pipes until
        // redirected: nothing of the container may write there.
        if (serving) { dup2(devnull, 1); if (!o->err) dup2(devnull, 2); }
        close(devnull);
    }
    redirect(1, o->out, O_WRONLY | O_CREAT | O_APPEND);
    redirect(2, o->err, O_WRONLY | O_CREAT | O_APPEND);

    if (o->status) {
        const char *slash = strrchr(o->status, '/');
        char dir[4096];
        snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - o->status) : 1, slash ? o->status : ".");
        snprintf(status_name, sizeof status_name, "%s", slash ? slash + 1 : o->status);
        status_dir = open(dir[0] ? dir : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (status_dir < 0) { fprintf(stderr, "tessera-launch: cannot open %s: %s\n", dir, strerror(errno)); return 125; }
    }

    make_sandbox_tmp(o);
    for (int i = 0; i < o->ncgroups; i++) join_cgroup(o->cgroups[i]);

    sigemptyset(set);
    int forwarded[] = { SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 };
    for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaddset(set, forwarded[i]);
    sigprocmask(SIG_BLOCK, set, NULL);
    return 0;
}

/* A launch as its own process (the command line): unshare, and with a pid namespace fork the
 * namespace's init, which supervises, while this process waits for it. Returns the exit code. */
static int launch(struct options *o) {
    sigset_t set;
    int failed = prepare(o, &set);
    if (failed) return failed;
    if (o->ns_flags && unshare(o->ns_flags) < 0) fail("unshare: %s", strerror(errno));
    if (!(o->ns_flags & CLONE_NEWPID)) return run_supervised(o, &set);

    // The first child is pid 1 of the new pid namespace: it supervises; we wait for it.
    pid_t init = fork();
    if (init < 0) fail("fork: %s", strerror(errno));
    if (init == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        _exit(run_supervised(o, &set));
    }
    for (;;) {
        siginfo_t info;
        int sig = sigwaitinfo(&set, &info);
        if (sig < 0) continue;
        if (sig != SIGCHLD) { kill(init, sig); continue; }
        int status;
        if (waitpid(init, &status, WNOHANG) == init)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
}

/* A launch forked by the server, already created in its namespaces by clone(2): with a pid
 * namespace this process is its init. One process less than launch(): no unshare, no extra fork. */
static int launch_cloned(struct options *o) {
    sigset_t set;
    int failed = prepare(o, &set);
    return failed ? failed : run_supervised(o, &set);
}

/* ---- The launch server (--serve) ----
 *
 * Why: starting this program for each container cost the agent a .NET Process.Start, this binary
 * an exec, and the launch an unshare and one more fork; a long-lived server started once clones a
 * copy of itself straight into the container's namespaces instead (launch_cloned() above).
 * Measured in docs/benchmarks.md.
 *
 * Requests on stdin, each a little-endian u32 length and that many bytes of NUL-terminated
 * fields: SEQ, ARGC, the ARGC launcher options and command (as on the command line, without
 * argv[0]), then the container's environment as K=V fields. One answer per request on stdout:
 *   started SEQ PID     the container's process is running (with a pid namespace, its init);
 *   failed SEQ MESSAGE  it could not be forked.
 * Events on stderr, one line each:
 *   exited PID CODE     a container's process has exited with CODE (N, or 128 + signal);
 * any other line there is a diagnostic (the server's, or a child's before its stderr was
 * redirected). Two pipes so that a launch reads its own answer: handing it over from a reader
 * thread cost a wake-up on the agent's side, and on a busy core that took longer than the fork.
 * At the end of stdin (the agent is gone) the server exits and leaves its containers running; a
 * restarted agent re-attaches to them from their records.
 */

#define MAX_REQUEST (4u << 20)

static void reply(int fd, const char *fmt, ...) {
    char line[640];
    va_list ap;
    va_start(ap, fmt);
    int n = format_into(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if (n == (int)sizeof line - 1) line[n - 1] = '\n'; // cut: still one line
    for (int done = 0; done < n;) {
        ssize_t w = write(fd, line + done, n - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) _exit(0); // the agent is gone
        done += (int)w;
    }
}

/* 1: read all; 0: end of input before the first byte; -1: error or end in the middle. */
static int read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return -1;
        if (r == 0) return got == 0 ? 0 : -1;
        got += (size_t)r;
    }
    return 1;
}

/* The namespaces a request asks for, read leniently before the clone: the child's full parse()
 * reports errors (the server itself must never exit on a bad request). */
static int requested_namespaces(char **argv) {
    for (int i = 1; argv[i] && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--ns") && argv[i + 1]) return namespace_flags(argv[i + 1], 0);
    return 0;
}

/* The server's own command line, which its cloned children overwrite (the setproctitle way:
 * PR_SET_MM needs CAP_SYS_RESOURCE, which an agent in a container may lack). The agent starts the
 * server with a blank argument after --serve that reserves the room. */
static char *title;
static size_t title_size;

/* Shows a cloned child as what it is: `ps` and /proc/PID/cmdline give the launch's own command
 * line (options, sandbox, command), as a launcher process of its own would have, not "--serve".
 * Whole arguments only, as many as fit. */
static void show_command_line(char **argv) {
    if (!title) return;
    memset(title, 0, title_size);
    size_t at = 0;
    for (char **a = argv; *a; a++) {
        size_t n = strlen(*a) + 1;
        if (at + n > title_size) break;
        memcpy(title + at, *a, n);
        at += n;
    }
}

static void start_container(char *payload, uint32_t size) {
    if (size == 0 || payload[size - 1] != 0) { reply(1, "failed 0 malformed request\n"); return; }
    size_t nfields = 0;
    for (uint32_t i = 0; i < size; i++) if (!payload[i]) nfields++;
    char **fields = calloc(nfields + 2, sizeof *fields);
    if (!fields) { reply(1, "failed 0 out of memory\n"); return; }
    char *p = payload;
    for (size_t i = 0; i < nfields; i++) { fields[i] = p; p += strlen(p) + 1; }
    const char *seq = nfields > 0 ? fields[0] : "0";
    char *end;
    unsigned long argc = nfields > 1 ? strtoul(fields[1], &end, 10) : 0;
    if (nfields < 2 || *end || argc == 0 || argc > nfields - 2 || strspn(seq, "0123456789") != strlen(seq)) {
        reply(1, "failed %s malformed request\n", strspn(seq, "0123456789") == strlen(seq) ? seq : "0");
        free(fields);
        return;
    }
    // fields[1] becomes argv[0]; the options follow; the environment after them, NULL-ended.
    char **argv = fields + 1;
    argv[0] = "tessera-launch";
    char **env = calloc(nfields - 2 - argc + 1, sizeof *env);
    if (!env) { reply(1, "failed %s out of memory\n", seq); free(fields); return; }
    for (size_t i = 0; i < nfields - 2 - argc; i++) env[i] = fields[2 + argc + i];
    char *after = argv[argc + 1];
    argv[argc + 1] = NULL;
    // clone(2) without a new stack is fork(2) with namespaces: the child starts in them, and with
    // a pid namespace it is that namespace's init (the agent's pid for it is this one).
    pid_t pid = (pid_t)syscall(SYS_clone, (unsigned long)(requested_namespaces(argv) | SIGCHLD), NULL, NULL, NULL, NULL);
    if (pid == 0) {
        close(serving_signals);
        setsid(); // each container its own session, as a daemon (the task makes one of its own too)
        environ = env;
        show_command_line(argv);
        struct options o;
        parse((int)argc + 1, argv, &o);
        _exit(launch_cloned(&o));
    }
    argv[argc + 1] = after;
    if (pid < 0) reply(1, "failed %s clone: %s\n", seq, strerror(errno));
    else reply(1, "started %s %d\n", seq, (int)pid);
    free(env);
    free(fields);
}

static void reap(void) {
    int status;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0)
        reply(2, "exited %d %d\n", (int)pid, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

static int serve(void) {
    serving = 1;
    // Out of the agent's process group and terminal: a Ctrl-C meant for the agent must neither
    // end the server nor reach the containers, which a graceful agent stop may keep running.
    setsid();
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);
    serving_signals = signalfd(-1, &chld, SFD_CLOEXEC | SFD_NONBLOCK);
    if (serving_signals < 0) { fprintf(stderr, "tessera-launch: signalfd: %s\n", strerror(errno)); return 1; }
    for (;;) {
        struct pollfd fds[2] = { { .fd = 0, .events = POLLIN }, { .fd = serving_signals, .events = POLLIN } };
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            fprintf(stderr, "tessera-launch: poll: %s\n", strerror(errno));
            return 1;
        }
        if (fds[1].revents) {
            struct signalfd_siginfo info;
            while (read(serving_signals, &info, sizeof info) == sizeof info) { }
            reap();
        }
        if (!fds[0].revents) continue;
        uint32_t size;
        int got = read_full(0, &size, sizeof size);
        if (got == 0) return 0;
        if (got < 0 || size > MAX_REQUEST) { fprintf(stderr, "tessera-launch: broken request stream\n"); return 2; }
        char *payload = malloc(size ? size : 1);
        if (!payload || read_full(0, payload, size) != 1) { fprintf(stderr, "tessera-launch: broken request stream\n"); return 2; }
        start_container(payload, size);
        free(payload);
    }
}

int main(int argc, char **argv) {
    // Nothing of the agent's but stdio reaches a container: .NET doesn't close the descriptors a
    // child inherits, and some of the runtime's have no close-on-exec.
    close_range(3, ~0U, 0);
    if (argc >= 2 && !strcmp(argv[1], "--serve")) {
        // argv[0] .. the end of the last argument is one block of memory: the room for the titles.
        title = argv[0];
        title_size = (size_t)(argv[argc - 1] + strlen(argv[argc - 1]) + 1 - argv[0]);
        char *serve_argv[] = { "tessera-launch", "--serve", NULL };
        show_command_line(serve_argv);
        return serve();
    }
    struct options o;
    parse(argc, argv, &o);
    return launch(&o);
}
