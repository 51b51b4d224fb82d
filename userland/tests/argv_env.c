/* argv_env: argc/argv (incl. empty, spaced, tab and shell-special arguments from argv_env.args; ASCII only, since the JVM encodes host argv with the platform charset) and the environment the harness sets (getenv, environ order and count). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(int argc, char **argv)
{
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++) printf("argv[%d] = [%s] len %zu\n", i, argv[i], strlen(argv[i]));
    printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
    const char *names[] = {"PATH", "HOME", "LANG", "VITRINE_TEST", "NOT_SET_ANYWHERE", "TERM"};
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *v = getenv(names[i]);
        printf("getenv(%s) = %s%s%s\n", names[i], v ? "[" : "", v ? v : "(null)", v ? "]" : "");
    }
    int n = 0;
    for (char **e = environ; *e; e++) printf("environ[%d] = %s\n", n++, *e);
    printf("environ count = %d\n", n);
    setenv("ADDED", "by setenv", 1);
    unsetenv("HOME");
    printf("after setenv/unsetenv: ADDED=%s HOME=%s\n", getenv("ADDED"), getenv("HOME") ? getenv("HOME") : "(null)");
    return argc;
}
